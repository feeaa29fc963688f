import * as vscode from 'vscode';
import { DigitalOceanClient } from '../api/client';
import { InvoicesPage } from '../api/types';
import { INVOICES_VIEW_ID } from '../constants';
import { asListPage, InvoiceList } from '../invoices/invoiceList';
import { Account, Accounts } from '../session/accounts';
import { Session } from '../session/session';
import { checkTokenInput, tokenFingerprint } from '../session/token';
import { KeyValueStore, removeAccountData } from '../storage/accountCache';
import { TokenStorageError } from '../storage/secrets';
import { l10n } from '../util/l10n';
import { Logger } from '../util/logger';
import { checkToken, EnteredToken, EntryStep, TokenEntry } from './tokenEntry';

export interface TokenCommandDeps {
  readonly accounts: Accounts;
  readonly session: Session;
  /** Takes the first page fetched to check a token, so it is not fetched again. */
  readonly invoices: InvoiceList;
  /** globalState, where each account's data is cached. */
  readonly store: KeyValueStore;
  readonly client: DigitalOceanClient;
  readonly logger: Logger;
  readonly pageSize: () => number;
}

export type SetTokenOutcome = 'saved' | 'rejected' | 'cancelled' | 'storageFailed' | 'existing';

/**
 * Asks for a token in a password box that stays open until `entry` takes it or the user
 * cancels: a token DigitalOcean refuses, or that could not be checked, says why on the box
 * itself (no notification to dismiss later), so the user can paste again.
 */
export function askForToken(title: string, entry: TokenEntry): Promise<EnteredToken | { readonly existing: Account } | undefined> {
  return new Promise((resolve) => {
    const box = vscode.window.createInputBox();
    let settled = false;
    const finish = (result: EnteredToken | { readonly existing: Account } | undefined) => {
      if (!settled) {
        settled = true;
        resolve(result);
        box.dispose();
      }
    };
    box.title = title;
    box.prompt = l10n.t('Paste a DigitalOcean API token with the billing:read scope. It is kept in VS Code\'s secret storage.');
    box.placeholder = 'dop_v1_…';
    box.password = true;
    box.ignoreFocusOut = true;
    box.onDidChangeValue((value) => {
      const check = value === '' ? undefined : checkTokenInput(value);
      box.validationMessage = check?.error
        ? { message: check.error, severity: vscode.InputBoxValidationSeverity.Error }
        : check?.warning ? { message: check.warning, severity: vscode.InputBoxValidationSeverity.Warning } : undefined;
    });
    box.onDidAccept(async () => {
      if (box.busy) {
        return;
      }
      box.busy = true;
      box.enabled = false;
      const step: EntryStep = await vscode.window.withProgress({ location: { viewId: INVOICES_VIEW_ID }, title: l10n.t('Checking the token…') }, () => entry.accept(box.value))
        .then(undefined, (failure: unknown) => ({ message: String(failure), severity: 'error' as const }));
      box.busy = false;
      box.enabled = true;
      if ('message' in step) {
        box.validationMessage = { message: step.message, severity: step.severity === 'error' ? vscode.InputBoxValidationSeverity.Error : vscode.InputBoxValidationSeverity.Warning };
      } else {
        finish('existing' in step ? step : step.token);
      }
    });
    box.onDidHide(() => finish(undefined));
    box.show();
  });
}

/** A token that another account has already: it is not added twice, that account becomes active. */
export async function switchToExisting(existing: Account, deps: TokenCommandDeps): Promise<void> {
  await deps.accounts.setActive(existing.id);
  void vscode.window.showInformationMessage(l10n.t('This token is already the token of the account "{0}"; switched to it.', existing.name));
}

/**
 * Checks a token with one request, telling the user in a notification what is wrong (the
 * callers without a token box: doctl import, the test API). Returns undefined when
 * DigitalOcean rejects it, or when it could not be checked and the user did not choose to save
 * it anyway.
 */
export async function verifyToken(token: string, deps: TokenCommandDeps): Promise<{ firstPage?: InvoicesPage } | undefined> {
  const check = await vscode.window.withProgress({ location: { viewId: INVOICES_VIEW_ID }, title: l10n.t('Checking the token…') }, () => checkToken(token, deps));
  if (check.kind === 'accepted') {
    return { firstPage: check.firstPage };
  }
  if (check.kind === 'rejected') {
    void vscode.window.showErrorMessage(l10n.t('The token was not saved: {0}', check.message));
    return undefined;
  }
  const saveAnyway = l10n.t('Save Anyway');
  const choice = await vscode.window.showWarningMessage(l10n.t('The token could not be checked: {0}', check.message), saveAnyway);
  return choice === saveAnyway ? {} : undefined;
}

/** Set API Token: for the account chosen (not the Environment account standing in for it). */
export async function promptForToken(deps: TokenCommandDeps): Promise<SetTokenOutcome> {
  const account = deps.accounts.chosen;
  if (account.fromEnvironment) {
    void vscode.window.showInformationMessage(l10n.t('The "{0}" account uses the token of an environment variable. Use "Add Account" for another token.', account.name));
    return 'cancelled';
  }
  const entered = await askForToken(l10n.t('Set DigitalOcean API Token'), new TokenEntry(deps, account));
  if (!entered) {
    return 'cancelled';
  }
  if ('existing' in entered) {
    await switchToExisting(entered.existing, deps);
    return 'existing';
  }
  return storeToken(entered, deps, account);
}

/** Verifies a token and stores it for the chosen account, as Set API Token does after its box (the test API). */
export async function saveToken(token: string, deps: TokenCommandDeps, account: Account = deps.accounts.chosen): Promise<SetTokenOutcome> {
  const verified = await verifyToken(token, deps);
  return verified ? storeToken({ token, firstPage: verified.firstPage }, deps, account) : 'rejected';
}

async function storeToken({ token, firstPage }: EnteredToken, deps: TokenCommandDeps, account: Account): Promise<SetTokenOutcome> {
  // Stored first: a secret-change event handled meanwhile (this window's or another's) then
  // reads this token, never the one before it.
  try {
    await deps.accounts.setToken(account, token);
  } catch (failure) {
    reportStorageFailure(failure, deps.logger);
    return 'storageFailed';
  }
  prime(token, firstPage, deps);
  // Ignored when the user switched accounts while the token was checked.
  deps.session.use(account, token);
  deps.logger.info(`API token saved for account "${account.name}".`);
  return 'saved';
}

/** Hands a freshly verified token's first page to the invoices, so the session change does not fetch it again. */
export function prime(token: string, firstPage: InvoicesPage | undefined, deps: TokenCommandDeps): void {
  if (firstPage) {
    deps.invoices.prime(tokenFingerprint(token), asListPage(firstPage));
  }
}

export function reportStorageFailure(failure: unknown, logger: Logger): void {
  const message = failure instanceof TokenStorageError ? failure.message : String(failure);
  logger.error(message);
  void vscode.window.showErrorMessage(message);
}

/** Deletes the active account's token and the data cached for it, and says so. */
export async function clearToken(deps: TokenCommandDeps): Promise<void> {
  const account = deps.accounts.active;
  if (account.fromEnvironment) {
    void vscode.window.showInformationMessage(l10n.t('The "{0}" account uses the token of an environment variable; unset the variable to remove it.', account.name));
    return;
  }
  if (!(await deps.accounts.hasToken(account))) {
    void vscode.window.showInformationMessage(l10n.t('The account "{0}" has no API token to clear.', account.name));
    return;
  }
  if (!(await forgetAccount(account, () => deps.accounts.clearToken(account), deps))) {
    return;
  }
  deps.logger.info(`API token and its cached data removed for account "${account.name}".`);
  const now = deps.accounts.active;
  void vscode.window.showInformationMessage(now.id === account.id
    ? l10n.t('The API token of "{0}" and its cached data were removed from VS Code.', account.name)
    : l10n.t('The API token of "{0}" and its cached data were removed from VS Code; the account "{1}" is shown now.', account.name, now.name));
}

/**
 * Removes an account's token (`remove`) and then everything cached for it. The session moves on
 * first, so no store writes what was pending for it back afterwards. False when storage failed.
 */
export async function forgetAccount(account: Account, remove: () => Promise<void>, deps: TokenCommandDeps): Promise<boolean> {
  const key = await deps.session.keyOf(account);
  try {
    await remove();
  } catch (failure) {
    reportStorageFailure(failure, deps.logger);
    return false;
  }
  await deps.session.sync();
  if (key) {
    await removeAccountData(deps.store, key);
  }
  return true;
}
