import * as vscode from 'vscode';
import { DigitalOceanClient } from '../api/client';
import { ApiError } from '../api/errors';
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

export type SetTokenOutcome = 'saved' | 'rejected' | 'cancelled' | 'storageFailed';

/** Asks for a token in a password box; undefined when the user cancels. */
export async function askForToken(title: string): Promise<string | undefined> {
  const input = await vscode.window.showInputBox({
    title,
    prompt: l10n.t('Paste a DigitalOcean API token with the billing:read scope. It is kept in VS Code\'s secret storage.'),
    placeHolder: 'dop_v1_…',
    password: true,
    ignoreFocusOut: true,
    validateInput: (value) => {
      const check = checkTokenInput(value);
      if (check.error) {
        return { message: check.error, severity: vscode.InputBoxValidationSeverity.Error };
      }
      return check.warning ? { message: check.warning, severity: vscode.InputBoxValidationSeverity.Warning } : undefined;
    },
  });
  const check = input === undefined ? undefined : checkTokenInput(input);
  return check && !check.error ? check.token : undefined;
}

/**
 * Checks a token with one request (the first page of invoices, which is kept). Returns
 * undefined when DigitalOcean rejects it, or when it could not be checked and the user did
 * not choose to save it anyway.
 */
export async function verifyToken(token: string, deps: TokenCommandDeps): Promise<{ firstPage?: InvoicesPage } | undefined> {
  deps.logger.redactor.addSecret(token);
  try {
    const firstPage = await vscode.window.withProgress(
      { location: { viewId: INVOICES_VIEW_ID }, title: l10n.t('Checking the token…') },
      () => deps.client.listInvoices({ page: 1, perPage: deps.pageSize() }, { token }),
    );
    return { firstPage };
  } catch (failure) {
    const message = failure instanceof ApiError ? failure.fullMessage : String(failure);
    if (failure instanceof ApiError && (failure.kind === 'unauthorized' || failure.kind === 'forbidden')) {
      void vscode.window.showErrorMessage(l10n.t('The token was not saved: {0}', message));
      return undefined;
    }
    const saveAnyway = l10n.t('Save Anyway');
    const choice = await vscode.window.showWarningMessage(l10n.t('The token could not be checked: {0}', message), saveAnyway);
    return choice === saveAnyway ? {} : undefined;
  }
}

export async function promptForToken(deps: TokenCommandDeps): Promise<SetTokenOutcome> {
  const account = deps.accounts.active;
  if (account.fromEnvironment) {
    void vscode.window.showInformationMessage(l10n.t('The "{0}" account uses the token of an environment variable. Use "Add Account" for another token.', account.name));
    return 'cancelled';
  }
  const token = await askForToken(l10n.t('Set DigitalOcean API Token'));
  return token === undefined ? 'cancelled' : saveToken(token, deps);
}

/** Verifies a token and stores it for the active account; shared by the command and the test API. */
export async function saveToken(token: string, deps: TokenCommandDeps, account: Account = deps.accounts.active): Promise<SetTokenOutcome> {
  const verified = await verifyToken(token, deps);
  if (!verified) {
    return 'rejected';
  }
  // Stored first: a secret-change event handled meanwhile (this window's or another's) then
  // reads this token, never the one before it.
  try {
    await deps.accounts.setToken(account, token);
  } catch (failure) {
    reportStorageFailure(failure, deps.logger);
    return 'storageFailed';
  }
  prime(token, verified.firstPage, deps);
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

/** Deletes the active account's token and the data cached for it. */
export async function clearToken(deps: TokenCommandDeps): Promise<void> {
  const account = deps.accounts.active;
  if (account.fromEnvironment) {
    void vscode.window.showInformationMessage(l10n.t('The "{0}" account uses the token of an environment variable; unset the variable to remove it.', account.name));
    return;
  }
  if (await forgetAccount(account, () => deps.accounts.clearToken(account), deps)) {
    deps.logger.info(`API token and its cached data removed for account "${account.name}".`);
  }
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
