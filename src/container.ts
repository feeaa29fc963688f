import * as vscode from 'vscode';
import type { SetTokenOutcome, TokenCommandDeps } from './accounts/tokenCommands';
import type { AgentToolsRuntime } from './agentTools/registerTools';
import type { ToolEnvironment } from './agentTools/runTool';
import { DigitalOceanClient } from './api/client';
import { ApiError, isAbort } from './api/errors';
import { ApiHttp } from './api/http';
import { BalanceState } from './balance/balanceState';
import { BillingHistoryList, createBillingHistoryList } from './billingHistory/billingHistoryList';
import { BillingHistoryView, invoiceOfEntry } from './billingHistory/billingHistoryView';
import { AlertNotifier } from './insights/alertNotifier';
import { alertSettings } from './insights/alerts';
import { InsightsState } from './insights/insightsState';
import { BudgetNotifier } from './monthToDate/budgetNotifier';
import { MonthToDateStatusBar } from './monthToDate/statusBar';
import type { CommandId } from './commands/registerCommands';
import { CommandHandlers, handlersOnDemand, runCommand } from './commands/runCommand';
import { COMMANDS, DAILY_SPEND_VIEW_TYPE, INVOICE_SUMMARY_VIEW_TYPE, SPEND_OVERVIEW_VIEW_TYPE } from './constants';
import type { DailySpend } from './dailySpend/dailySpendPanel';
import { openWalkthroughOnFirstStart } from './gettingStarted/walkthrough';
import type { InvoiceCommandDeps } from './invoices/invoiceCommands';
import { createInvoiceList, InvoiceList } from './invoices/invoiceList';
import { InvoicesTreeProvider } from './invoices/invoicesTree';
import { InvoicesView } from './invoices/invoicesView';
import { revealInvoice } from './invoices/revealInvoice';
import type { InvoiceSummaryPanels } from './invoices/summary/summaryPanel';
import { LineItemsController } from './lineItems/lineItemsController';
import { LineItemsStore } from './lineItems/lineItemsStore';
import { Accounts } from './session/accounts';
import { Session } from './session/session';
import { affects, readSettings, Settings, updateGroupLineItemsBy } from './settings';
import type { SpendOverview } from './spendOverview/spendChartPanel';
import { dropOutdatedCaches } from './storage/accountCache';
import { GlobalState } from './storage/globalState';
import { TokenStore } from './storage/secrets';
import { AutoRefresh } from './util/autoRefresh';
import { DisposableOwner } from './util/disposable';
import { l10n } from './util/l10n';
import { Logger } from './util/logger';
import { Redactor } from './util/redact';
import { PanelFeature } from './webview/panelFeature';

const BILLING_PAGE = 'https://cloud.digitalocean.com/account/billing';

/** What waits for its first use (see src/features.ts), loaded with the first of it. */
const features = () => import('./features');
const tokenCommands = async () => (await features()).tokenCommands;
const accountCommands = async () => (await features()).accountCommands;
const invoiceCommands = async () => (await features()).invoiceCommands;

/**
 * The composition root: builds every service once, wires them together and owns them all.
 * `activate` registers the commands and creates it once it has returned. What only a command,
 * a panel or a tool call needs is built (and its module loaded) on first use.
 */
export class Container extends DisposableOwner {
  readonly logger: Logger;
  readonly accounts: Accounts;
  readonly session: Session;
  readonly invoices: InvoiceList;
  readonly balance: BalanceState;
  readonly history: BillingHistoryList;
  readonly lineItems: LineItemsStore;
  readonly invoicesView: InvoicesView;
  readonly historyView: BillingHistoryView;
  readonly statusBar: MonthToDateStatusBar;
  readonly insights: InsightsState;
  /** globalState as this window wrote it (see GlobalState). */
  readonly store: GlobalState;
  readonly spendOverview: PanelFeature<SpendOverview>;
  readonly dailySpend: PanelFeature<DailySpend>;
  readonly summaries: PanelFeature<InvoiceSummaryPanels>;
  private readonly toolEnvironment: ToolEnvironment;
  private readonly tokenDeps: TokenCommandDeps;
  private readonly handlers: CommandHandlers;
  private settings: Settings = readSettings();

  constructor(context: vscode.ExtensionContext) {
    super();
    l10n.setBundle(vscode.l10n.bundle);
    const locale = vscode.env.language;
    const store = new GlobalState(context.globalState);
    this.store = store;
    this.logger = new Logger(this.register(vscode.window.createOutputChannel('DigitalOcean Invoices', { log: true })), new Redactor());
    const logger = this.logger;
    const http = new ApiHttp({
      baseUrl: () => {
        if (!this.settings.apiUrl.ok) {
          throw new ApiError('configuration', this.settings.apiUrl.message);
        }
        return this.settings.apiUrl.baseUrl;
      },
      userAgent: `${context.extension.id}/${context.extension.packageJSON.version} VSCode/${vscode.version}`,
      logger,
      locale,
    });
    const client = new DigitalOceanClient(http);
    const tokenStore = this.register(new TokenStore(context.secrets));
    this.accounts = new Accounts(store, tokenStore);
    this.session = this.register(new Session(this.accounts, tokenStore.onDidChange, store, logger));
    const environment = { session: this.session, store, logger };
    const pageSize = () => this.settings.pageSize;
    this.invoices = this.register(createInvoiceList({ ...environment, client, pageSize }));
    this.balance = this.register(new BalanceState({ ...environment, client }));
    this.history = this.register(createBillingHistoryList({ ...environment, client, pageSize }));
    const lineItemsLoader = async () => (await features()).lineItemsLoader;
    this.lineItems = this.register(new LineItemsStore(client, this.session, logger, lineItemsLoader, this.settings.groupLineItemsBy));
    this.insights = this.register(new InsightsState({ ...environment, client, fetching: async () => (await features()).insightsFetching }));
    const alerts = this.register(new AlertNotifier({
      insights: this.insights, invoices: this.invoices, store, locale, logger,
      settings: () => alertSettings(this.settings.alerts), accountId: () => this.accounts.active.id,
    }));

    const invoicesRefreshing = (listener: (refreshing: boolean) => void) => this.invoices.onDidChange((snapshot) => listener(snapshot.activity === 'refreshing'));
    // The controller comes before the tree that asks it, so the view's collapse events are relayed.
    const collapsed = this.register(new vscode.EventEmitter<vscode.TreeViewExpansionEvent<object>>());
    const lineItems = this.register(new LineItemsController(this.lineItems, invoicesRefreshing, collapsed.event));
    const provider = new InvoicesTreeProvider(this.invoices, this.balance, lineItems, locale, alerts);
    this.invoicesView = this.register(new InvoicesView(provider, this.invoices, locale));
    this.invoicesView.showGrouping(this.settings.groupLineItemsBy);
    this.register(this.invoicesView.treeView.onDidCollapseElement((event) => collapsed.fire(event)));
    this.historyView = this.register(new BillingHistoryView(this.history, locale));
    const accountName = () => (this.accounts.list().length > 1 ? this.accounts.active.name : undefined);
    this.statusBar = this.register(new MonthToDateStatusBar(this.invoices, this.balance, this.insights, locale, { budget: () => this.settings.budget, accountName }));
    const budgetNotifier = this.register(new BudgetNotifier({ store, invoices: this.invoices, locale, budget: () => this.settings.budget, accountId: () => this.accounts.active.id }));
    this.register(this.session.onDidChange(() => {
      this.invoicesView.showAccount(accountName());
      this.statusBar.render();
    }));

    const autoRefresh = this.register(new AutoRefresh(() => void this.refreshAll()));
    const tokenDeps: TokenCommandDeps = { accounts: this.accounts, session: this.session, invoices: this.invoices, store, client, logger, pageSize };
    this.tokenDeps = tokenDeps;
    const invoiceDeps: InvoiceCommandDeps = { session: this.session, invoices: this.invoices, client, logger, locale, globalState: store };
    const summaries = this.register(new PanelFeature(INVOICE_SUMMARY_VIEW_TYPE, async () => {
      const { InvoiceSummaryPanels, invoiceCommands: commands } = await features();
      return new InvoiceSummaryPanels({
        extensionUri: context.extensionUri,
        locale,
        fetch: (target, signal) => commands.fetchInvoiceSummary(invoiceDeps, target, signal),
        onAction: (action, invoice) => void commands.downloadInvoice(invoiceDeps, action === 'downloadPdf' ? 'pdf' : 'csv', invoice),
        session: this.session,
      });
    }));
    this.summaries = summaries;
    this.spendOverview = this.register(new PanelFeature(SPEND_OVERVIEW_VIEW_TYPE, async () => new (await features()).SpendOverview({
      invoices: this.invoices,
      locale,
      extensionUri: context.extensionUri,
      budget: () => this.settings.budget,
      reveal: (invoiceUuid) => {
        this.invoicesView.reveal(invoiceUuid).catch((error: unknown) => logger.warn(`Could not reveal invoice ${invoiceUuid}: ${String(error)}`));
      },
    })));
    this.dailySpend = this.register(new PanelFeature(DAILY_SPEND_VIEW_TYPE, async () => new (await features()).DailySpend({
      insights: this.insights, session: this.session, extensionUri: context.extensionUri, locale, logger,
    })));
    const reveal = (invoiceUuid: string) => revealInvoice(invoiceUuid, this.invoices, this.invoicesView);
    this.handlers = {
      [COMMANDS.refresh]: () => this.refreshAll(),
      [COMMANDS.loadMore]: () => this.invoicesView.loadMore(),
      [COMMANDS.setToken]: async () => (await tokenCommands()).promptForToken(tokenDeps),
      [COMMANDS.clearToken]: () => this.clearToken(),
      [COMMANDS.showLog]: () => logger.show(),
      [COMMANDS.openBillingPage]: () => vscode.env.openExternal(vscode.Uri.parse(BILLING_PAGE)),
      [COMMANDS.addAccount]: async () => (await accountCommands()).addAccount(tokenDeps),
      [COMMANDS.switchAccount]: async () => (await accountCommands()).switchAccount(tokenDeps),
      [COMMANDS.renameAccount]: async () => (await accountCommands()).renameAccount(tokenDeps),
      [COMMANDS.removeAccount]: async () => (await accountCommands()).removeAccount(tokenDeps),
      [COMMANDS.importDoctlAccounts]: async () => (await accountCommands()).importDoctlAccounts(tokenDeps),
      [COMMANDS.showSpendOverview]: async () => (await this.spendOverview.get()).show(),
      [COMMANDS.showDailySpend]: async (day?: unknown) => (await this.dailySpend.get()).show(day),
      [COMMANDS.retryLineItems]: (itemsKey: string) => lineItems.retry(itemsKey),
      [COMMANDS.showMoreLineItems]: (node) => provider.showMore(node),
      [COMMANDS.groupLineItemsByProject]: () => updateGroupLineItemsBy('project'),
      [COMMANDS.groupLineItemsByProduct]: () => updateGroupLineItemsBy('product'),
      [COMMANDS.loadMoreBillingHistory]: () => this.historyView.loadMore(),
      [COMMANDS.revealInvoice]: (target: unknown) => {
        const invoiceUuid = invoiceOfEntry(target);
        return invoiceUuid ? reveal(invoiceUuid) : false;
      },
      ...handlersOnDemand(
        [COMMANDS.showInvoiceSummary, COMMANDS.downloadInvoicePdf, COMMANDS.downloadInvoiceCsv, COMMANDS.copyInvoiceId, COMMANDS.copyInvoiceUuid],
        async () => (await invoiceCommands()).invoiceCommands(invoiceDeps, summaries),
      ),
      ...handlersOnDemand(
        [COMMANDS.copyLineItemDescription, COMMANDS.copyLineItemResourceId, COMMANDS.copyLineItemResourceUuid],
        async () => (await features()).lineItemCommands(),
      ),
    };
    const toolSources = { session: this.session, invoices: this.invoices, balance: this.balance, history: this.history, lineItems: this.lineItems, insights: this.insights };
    this.toolEnvironment = {
      sources: toolSources, logger, locale, budget: () => this.settings.budget, alerts: () => alertSettings(this.settings.alerts),
      groupLineItemsBy: () => this.settings.groupLineItemsBy,
    };

    this.register(vscode.workspace.onDidChangeConfiguration((event) => {
      this.settings = readSettings();
      if (affects(event, 'apiUrl') && !this.settings.apiUrl.ok) {
        void vscode.window.showErrorMessage(this.settings.apiUrl.message);
      }
      if (affects(event, 'apiUrl') || affects(event, 'pageSize')) {
        void this.refreshAll({ supersede: true });
      }
      if (affects(event, 'budget')) {
        this.statusBar.render();
        budgetNotifier.check();
        this.spendOverview.current?.render();
      }
      if (affects(event, 'alerts')) {
        alerts.update();
      }
      if (affects(event, 'groupLineItemsBy')) {
        this.lineItems.regroup(this.settings.groupLineItemsBy);
        this.invoicesView.showGrouping(this.settings.groupLineItemsBy);
      }
      if (affects(event, 'refreshIntervalMinutes')) {
        autoRefresh.schedule(this.settings.refreshIntervalMinutes);
      }
    }));
    autoRefresh.schedule(this.settings.refreshIntervalMinutes);
    void dropOutdatedCaches(store).catch((error: unknown) => logger.warn(`Could not drop outdated caches: ${String(error)}`));
    void openWalkthroughOnFirstStart(context, store, logger).catch((error: unknown) => logger.warn(`Could not open the walkthrough: ${String(error)}`));
    // The first request starts after activation has returned.
    setTimeout(() => void this.session.sync(), 0);
  }

  /**
   * Refresh: page 1 of the invoices (with the month in progress), the balance and the billing
   * history, in parallel; the daily spend only when it was not fetched today (it is nightly).
   */
  refreshAll(options: { supersede?: boolean } = {}): Promise<void> {
    // An account switch cancels the daily spend on its way: that is no failure of the refresh.
    const insights = this.insights.refreshIfDue().catch((error: unknown) => {
      if (!isAbort(error)) {
        throw error;
      }
    });
    return Promise.all([this.invoices.refresh(options), this.balance.refresh(), this.history.refresh(options), insights]).then(() => undefined);
  }

  /** Runs a contributed command (registered by `activate`) through the one wrapper. */
  /** What the tools registered at activation run with: the environment, and their code (loaded with the first call). */
  async agentTools(): Promise<AgentToolsRuntime> {
    return { environment: this.toolEnvironment, calls: (await features()).toolCalls };
  }

  runCommand(id: CommandId, args: unknown[]): Promise<unknown> {
    return runCommand(this.handlers, this.logger, id, args);
  }

  /** Checks and stores a token for the active account, as Set API Token does after its input box. */
  async setToken(token: string): Promise<SetTokenOutcome> {
    return (await tokenCommands()).saveToken(token, this.tokenDeps);
  }

  async clearToken(): Promise<void> {
    return (await tokenCommands()).clearToken(this.tokenDeps);
  }

}
