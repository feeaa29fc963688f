import * as vscode from 'vscode';
import { DigitalOceanClient } from './api/client';
import { ApiError } from './api/errors';
import { ApiHttp } from './api/http';
import { Accounts } from './session/accounts';
import { TokenStore } from './storage/secrets';
import { COMMANDS } from './constants';
import { registerInvoiceCommands } from './invoices/invoiceCommands';
import { registerCommands } from './commands/registerCommands';
import { saveToken, clearToken } from './accounts/tokenCommands';
import { affects, readSettings } from './settings';
import { ActiveAccountFollower } from './session/activeAccount';
import { AutoRefresh } from './util/autoRefresh';
import { BillingHistoryState } from './billingHistory/billingHistoryList';
import { InvoiceCache } from './storage/accountCache';
import { InvoiceState } from './invoices/invoiceList';
import { LineItemsStore } from './lineItems/lineItemsStore';
import { l10n } from './util/l10n';
import { Logger } from './util/logger';
import { Redactor } from './util/redact';
import { InvoicesView } from './invoices/invoicesView';
import { BillingHistoryView } from './billingHistory/billingHistoryView';
import { revealInvoice } from './invoices/revealInvoice';
import { BudgetNotifier } from './budget/budgetNotifier';
import { SpendChartPanel } from './spendOverview/spendChartPanel';
import { MonthToDateStatusBar } from './budget/statusBar';

/** What the integration tests reach through `extension.exports` (test mode only). */
export interface TestApi {
  readonly state: InvoiceState;
  readonly view: InvoicesView;
  readonly history: BillingHistoryState;
  readonly historyView: BillingHistoryView;
  readonly statusBar: MonthToDateStatusBar;
  readonly logger: Logger;
  readonly accounts: Accounts;
  readonly activationMs: number;
  /** The extension's own storage, to act as another window would and to check for leaks. */
  readonly secrets: vscode.SecretStorage;
  readonly globalState: vscode.Memento;
  setToken(token: string): ReturnType<typeof saveToken>;
  clearToken(): Promise<void>;
}

export function activate(context: vscode.ExtensionContext): TestApi | undefined {
  const started = performance.now();
  l10n.setBundle(vscode.l10n.bundle);
  const own = <T extends vscode.Disposable>(disposable: T): T => {
    context.subscriptions.push(disposable);
    return disposable;
  };
  const locale = vscode.env.language;
  let settings = readSettings();

  const logger = new Logger(own(vscode.window.createOutputChannel('DigitalOcean Invoices', { log: true })), new Redactor());
  const http = new ApiHttp({
    baseUrl: () => {
      if (!settings.apiUrl.ok) {
        throw new ApiError('configuration', settings.apiUrl.message);
      }
      return settings.apiUrl.baseUrl;
    },
    userAgent: `${context.extension.id}/${context.extension.packageJSON.version} VSCode/${vscode.version}`,
    logger,
    locale,
  });
  const client = new DigitalOceanClient(http);
  const tokenStore = own(new TokenStore(context.secrets));
  const state = new InvoiceState({ client, cache: new InvoiceCache(context.globalState), logger, pageSize: () => settings.pageSize });
  own({ dispose: () => state.dispose() });
  const history = new BillingHistoryState({ client, store: context.globalState, logger, pageSize: () => settings.pageSize });
  own({ dispose: () => history.dispose() });
  own(history.follow(state));
  const refreshAll = (options?: { supersede?: boolean }) => Promise.all([state.refresh(options), history.refresh(options)]).then(() => undefined);
  const lineItems = new LineItemsStore(client, logger);
  own({ dispose: () => lineItems.dispose() });
  const view = own(new InvoicesView(state, lineItems, locale));
  const historyView = own(new BillingHistoryView(history, locale, (invoiceUuid) => revealInvoice(invoiceUuid, state, view)));
  const accounts = new Accounts(context.globalState, tokenStore);
  const statusBar = own(new MonthToDateStatusBar(state, locale, {
    budget: () => settings.budget,
    accountName: () => (accounts.list().length > 1 ? accounts.active.name : undefined),
  }));
  own(new BudgetNotifier({
    store: context.globalState, state, statusBar, locale, budget: () => settings.budget, accountId: () => accounts.active.id,
  }));
  const autoRefresh = own(new AutoRefresh(() => void refreshAll()));
  const deps = { accounts, state, client, logger, pageSize: () => settings.pageSize, refreshAll };
  for (const command of registerCommands(deps)) {
    own(command);
  }
  registerInvoiceCommands(deps, context, locale);
  own({ dispose: () => SpendChartPanel.closeCurrent() });
  own(vscode.commands.registerCommand(COMMANDS.showSpendOverview, () => SpendChartPanel.show({
    state, statusBar, locale, extensionUri: context.extensionUri, budget: () => settings.budget,
    reveal: (invoiceUuid) => {
      view.reveal(invoiceUuid).catch((error: unknown) => logger.warn(`Could not reveal invoice ${invoiceUuid}: ${String(error)}`));
    },
  })));

  const activeAccount = own(new ActiveAccountFollower(accounts, tokenStore.onDidChange, state, () => {
    view.showAccount(accounts.list().length > 1 ? accounts.active.name : undefined);
    statusBar.render();
  }));
  own(vscode.workspace.onDidChangeConfiguration((event) => {
    settings = readSettings();
    if (affects(event, 'apiUrl') && !settings.apiUrl.ok) {
      void vscode.window.showErrorMessage(settings.apiUrl.message);
    }
    if (affects(event, 'apiUrl') || affects(event, 'pageSize')) {
      void refreshAll({ supersede: true });
    }
    if (affects(event, 'budget')) {
      statusBar.render();
      SpendChartPanel.renderCurrent();
    }
    if (affects(event, 'refreshIntervalMinutes')) {
      autoRefresh.schedule(settings.refreshIntervalMinutes);
    }
  }));

  state.showLastKnown();
  history.showLastKnown();
  autoRefresh.schedule(settings.refreshIntervalMinutes);
  // The first request starts after activation has returned.
  setTimeout(() => void activeAccount.follow(), 0);

  const activationMs = performance.now() - started;
  logger.debug(`Activated in ${activationMs.toFixed(1)} ms.`);
  if (context.extensionMode !== vscode.ExtensionMode.Test) {
    return undefined;
  }
  return {
    state, view, history, historyView, statusBar, logger, activationMs, accounts,
    secrets: context.secrets,
    globalState: context.globalState,
    setToken: (token) => saveToken(token, deps),
    clearToken: () => clearToken(deps),
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
