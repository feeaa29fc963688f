import { promises as fs } from 'fs';
import * as vscode from 'vscode';
import { Account } from '../session/accounts';
import { doctlConfigPath, parseDoctlConfig } from './doctlConfig';
import { checkTokenInput } from '../session/token';
import { l10n } from '../util/l10n';
import { TokenCommandDeps, askForToken, forgetAccount, prime, reportStorageFailure, switchToExisting, verifyToken } from './tokenCommands';
import { TokenEntry } from './tokenEntry';

async function askForName(title: string, value: string): Promise<string | undefined> {
  const name = await vscode.window.showInputBox({
    title,
    prompt: l10n.t('A name for this DigitalOcean account or team, e.g. "Work" or "Personal".'),
    value,
    ignoreFocusOut: true,
    validateInput: (input) => (input.trim() === '' ? l10n.t('Enter a name.') : undefined),
  });
  return name?.trim() || undefined;
}

/** A picker of accounts: the active one and those without a token (cleared, or never set) are marked. */
async function pickAccount(deps: TokenCommandDeps, title: string, filter: (account: Account) => boolean = () => true): Promise<Account | undefined> {
  const active = deps.accounts.active;
  const accounts = deps.accounts.list().filter(filter);
  const withToken = await Promise.all(accounts.map((account) => deps.accounts.hasToken(account)));
  const items = accounts.map((account, index) => ({
    label: account.name,
    description: [account.id === active.id && l10n.t('active'), !withToken[index] && l10n.t('no API token')].filter(Boolean).join(' · ') || undefined,
    detail: account.fromEnvironment ? l10n.t('Token from the DIGITALOCEAN_ACCESS_TOKEN or DIGITALOCEAN_TOKEN environment variable (read-only)') : undefined,
    account,
  }));
  if (items.length === 0) {
    void vscode.window.showInformationMessage(l10n.t('There is no account to choose.'));
    return undefined;
  }
  return (await vscode.window.showQuickPick(items, { title, placeHolder: l10n.t('Choose an account') }))?.account;
}

/** Add Account: a name, a verified token, and the new account becomes active; a token another account has already switches to that one. */
export async function addAccount(deps: TokenCommandDeps): Promise<void> {
  const name = await askForName(l10n.t('Add DigitalOcean Account'), deps.accounts.uniqueName(l10n.t('Account')));
  const entered = name && (await askForToken(l10n.t('API Token for "{0}"', name), new TokenEntry(deps)));
  if (!name || !entered) {
    return;
  }
  if ('existing' in entered) {
    await switchToExisting(entered.existing, deps);
    return;
  }
  try {
    prime(entered.token, entered.firstPage, deps);
    // The session follows the new active account.
    await deps.accounts.add(name, entered.token);
  } catch (failure) {
    reportStorageFailure(failure, deps.logger);
  }
}

export async function switchAccount(deps: TokenCommandDeps): Promise<void> {
  const account = await pickAccount(deps, l10n.t('Switch DigitalOcean Account'));
  if (account) {
    await deps.accounts.setActive(account.id);
  }
}

export async function renameAccount(deps: TokenCommandDeps): Promise<void> {
  const account = await pickAccount(deps, l10n.t('Rename DigitalOcean Account'), (candidate) => !candidate.fromEnvironment);
  const name = account && (await askForName(l10n.t('Rename "{0}"', account.name), account.name));
  if (account && name) {
    await deps.accounts.rename(account.id, deps.accounts.uniqueName(name, deps.accounts.list().filter((other) => other.id !== account.id)));
  }
}

export async function removeAccount(deps: TokenCommandDeps): Promise<void> {
  const account = await pickAccount(deps, l10n.t('Remove DigitalOcean Account'), (candidate) => !candidate.fromEnvironment);
  if (!account) {
    return;
  }
  const remove = l10n.t('Remove');
  const answer = await vscode.window.showWarningMessage(
    l10n.t('Remove the account "{0}"? Its token and cached data are deleted from VS Code.', account.name), { modal: true }, remove);
  if (answer !== remove) {
    return;
  }
  await forgetAccount(account, () => deps.accounts.remove(account.id), deps);
}

/**
 * Import Accounts from doctl: reads doctl's config.yaml only now, shows the context names
 * (never the tokens), verifies each picked token and adds it as an account.
 */
export async function importDoctlAccounts(deps: TokenCommandDeps, configPath = doctlConfigPath()): Promise<number> {
  let text: string;
  try {
    text = await fs.readFile(configPath, 'utf8');
  } catch {
    void vscode.window.showInformationMessage(l10n.t('No doctl configuration was found at {0}. Run "doctl auth init" first, or add an account by hand.', configPath));
    return 0;
  }
  const contexts = parseDoctlConfig(text).filter((context) => !checkTokenInput(context.token).error);
  if (contexts.length === 0) {
    void vscode.window.showInformationMessage(l10n.t('doctl\'s configuration at {0} holds no tokens.', configPath));
    return 0;
  }
  const picked = await vscode.window.showQuickPick(
    contexts.map((context) => ({ label: context.name, description: l10n.t('doctl context'), context, picked: true })),
    { title: l10n.t('Import Accounts from doctl'), placeHolder: l10n.t('Choose the doctl contexts to import'), canPickMany: true },
  );
  let imported: Account | undefined;
  let count = 0;
  const already: string[] = [];
  for (const { context } of picked ?? []) {
    const existing = await deps.accounts.withToken(context.token);
    if (existing) {
      already.push(existing.name);
      continue;
    }
    const verified = await verifyToken(context.token, deps);
    if (!verified) {
      continue;
    }
    try {
      // Only the last one becomes active: switching to each in turn would refresh each.
      imported = await deps.accounts.add(context.name, context.token, { activate: false });
      count++;
    } catch (failure) {
      reportStorageFailure(failure, deps.logger);
    }
  }
  if (imported) {
    await deps.accounts.setActive(imported.id);
  }
  if (count > 0) {
    vscode.window.setStatusBarMessage(count === 1 ? l10n.t('Imported 1 DigitalOcean account from doctl.') : l10n.t('Imported {0} DigitalOcean accounts from doctl.', count), 5000);
  }
  if (already.length > 0) {
    void vscode.window.showInformationMessage(l10n.t('Not imported twice: these tokens are already the tokens of the accounts {0}.', already.map((name) => `"${name}"`).join(', ')));
  }
  return count;
}
