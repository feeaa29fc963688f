import * as vscode from 'vscode';
import { COMMANDS } from '../constants';
import { addAccount, importDoctlAccounts, removeAccount, renameAccount, switchAccount } from '../accounts/accountCommands';
import { TokenCommandDeps, clearToken, promptForToken } from '../accounts/tokenCommands';

const BILLING_PAGE = 'https://cloud.digitalocean.com/account/billing';

export interface CommandDeps extends TokenCommandDeps {
  /** Refreshes every list (invoices and billing history). */
  readonly refreshAll: () => Promise<void>;
}

export function registerCommands(deps: CommandDeps): vscode.Disposable[] {
  const register = (id: string, run: () => unknown) => vscode.commands.registerCommand(id, run);
  return [
    register(COMMANDS.refresh, () => deps.refreshAll()),
    register(COMMANDS.loadMore, () => deps.state.loadMore()),
    register(COMMANDS.setToken, () => promptForToken(deps)),
    register(COMMANDS.clearToken, () => clearToken(deps)),
    register(COMMANDS.showLog, () => deps.logger.show()),
    register(COMMANDS.openBillingPage, () => vscode.env.openExternal(vscode.Uri.parse(BILLING_PAGE))),
    register(COMMANDS.addAccount, () => addAccount(deps)),
    register(COMMANDS.switchAccount, () => switchAccount(deps)),
    register(COMMANDS.renameAccount, () => renameAccount(deps)),
    register(COMMANDS.removeAccount, () => removeAccount(deps)),
    register(COMMANDS.importDoctlAccounts, () => importDoctlAccounts(deps)),
  ];
}
