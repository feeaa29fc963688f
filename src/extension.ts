import * as vscode from 'vscode';
import { Container } from './container';
import { l10n } from './util/l10n';

/** What the integration tests reach through `extension.exports` (test mode only). */
export interface TestApi {
  readonly container: Container;
  readonly state: Container['invoices'];
  readonly balance: Container['balance'];
  readonly view: Container['invoicesView'];
  readonly history: Container['history'];
  readonly historyView: Container['historyView'];
  readonly statusBar: Container['statusBar'];
  readonly logger: Container['logger'];
  readonly accounts: Container['accounts'];
  readonly session: Container['session'];
  /** The time activate() took, in milliseconds. */
  readonly activationMs: number;
  /** The extension's own storage, to act as another window would and to check for leaks. */
  readonly secrets: vscode.SecretStorage;
  readonly globalState: Container['store'];
  setToken(token: string): ReturnType<Container['setToken']>;
  clearToken(): Promise<void>;
}

export function activate(context: vscode.ExtensionContext): TestApi | undefined {
  const started = performance.now();
  l10n.setBundle(vscode.l10n.bundle);
  const container = new Container(context);
  context.subscriptions.push(container);
  const activationMs = performance.now() - started;
  container.logger.debug(`Activated in ${activationMs.toFixed(1)} ms.`);
  if (context.extensionMode !== vscode.ExtensionMode.Test) {
    return undefined;
  }
  return {
    container,
    state: container.invoices,
    balance: container.balance,
    view: container.invoicesView,
    history: container.history,
    historyView: container.historyView,
    statusBar: container.statusBar,
    logger: container.logger,
    accounts: container.accounts,
    session: container.session,
    activationMs,
    secrets: context.secrets,
    globalState: container.store,
    setToken: (token) => container.setToken(token),
    clearToken: () => container.clearToken(),
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
