import * as vscode from 'vscode';
import { INVOICE_SUMMARY_VIEW_TYPE } from '../../constants';
import { Invoice, InvoiceSummary } from '../../api/types';
import type { Session } from '../../session/session';
import { DisposableOwner } from '../../util/disposable';
import { PanelHost } from '../../webview/panelHost';
import { isCommandMessage } from '../../webview/protocol';
import { WebviewPanels } from '../../webview/webviewPanels';
import { InvoiceRow, invoiceRow } from '../invoiceNodes';
import { parseSummaryState, SummaryState } from './summaryState';
import { renderSummaryError, renderSummaryLoading, renderSummaryPage, SummaryAssets, summaryTitle } from './summaryHtml';

/** What the summary's buttons ask for. */
export type SummaryAction = 'downloadPdf' | 'downloadCsv';

export interface SummaryPanelsOptions {
  readonly extensionUri: vscode.Uri;
  readonly locale: string;
  /** The summary of an invoice of the active account; rejects with an Error whose message says why. */
  readonly fetch: (target: InvoiceRow, signal: AbortSignal) => Promise<InvoiceSummary>;
  readonly onAction: (action: SummaryAction, invoice: Invoice) => void;
  /** Whose invoices are shown: a panel closes when the account (or its token) changes. */
  readonly session: Pick<Session, 'state' | 'onDidChange'>;
}

/** One open summary: loading, then the summary or why it could not be loaded. */
class SummaryPanel extends DisposableOwner {
  /** The first load, started with the panel. */
  readonly loaded: Promise<void>;
  private loading: AbortController | undefined;
  private hasSummary = false;
  private readonly assets: SummaryAssets;
  /** The session key the panel was opened (or restored) under: its invoice is that account's. */
  readonly accountKey: string | undefined;

  constructor(readonly host: PanelHost<SummaryState>, private readonly options: SummaryPanelsOptions) {
    super();
    this.accountKey = options.session.state.key;
    this.assets = { styleUri: host.asset('invoiceSummary.css'), scriptUri: host.asset('webview/invoiceSummary.js') };
    this.register(host.onDidReceiveMessage((message) => {
      const command = isCommandMessage(message) ? message.command : undefined;
      if (command === 'downloadPdf' || command === 'downloadCsv') {
        options.onAction(command, host.state.invoice);
      } else if (command === 'retry') {
        void this.load();
      }
    }));
    this.register({ dispose: () => this.loading?.abort() });
    this.loaded = this.load();
  }

  private title(period = this.host.state.invoice.period): string {
    return summaryTitle(period, this.host.state.inProgress, this.options.locale);
  }

  /** Loads the summary (again); a newer load wins over one still on its way. */
  async load(): Promise<void> {
    this.loading?.abort();
    const loading = new AbortController();
    this.loading = loading;
    const { invoice, inProgress } = this.host.state;
    if (!this.hasSummary) {
      this.host.setPage(renderSummaryLoading(this.title(), this.assets));
    }
    try {
      const summary = await this.options.fetch(invoiceRow(invoice, inProgress), loading.signal);
      if (loading.signal.aborted || this.host.isClosed) {
        return;
      }
      const billingPeriod = summary.billingPeriod || invoice.period;
      this.host.panel.title = this.title(billingPeriod);
      this.host.setPage(renderSummaryPage({
        summary: { ...summary, billingPeriod },
        inProgress,
        locale: this.options.locale,
        assets: this.assets,
        canDownload: !inProgress,
      }));
      this.hasSummary = true;
    } catch (failure) {
      if (loading.signal.aborted || this.host.isClosed) {
        return;
      }
      const message = failure instanceof Error ? failure.message : String(failure);
      if (this.hasSummary) {
        // The summary shown stays; the page of a failure would lose it.
        void vscode.window.showErrorMessage(message);
      } else {
        this.host.setPage(renderSummaryError(this.title(), message, this.assets));
      }
    }
  }
}

const keyOf = (state: SummaryState) => `${state.inProgress ? 'preview' : 'invoice'}:${state.invoice.invoiceUuid}`;

/**
 * "Show Invoice Summary": one panel per invoice, revealed and loaded again when shown again.
 * A switch to another account closes the previous account's panels: their invoices, Retry and
 * Download belong to it, and the session now asks with the other account's token.
 */
export class InvoiceSummaryPanels implements vscode.Disposable {
  readonly panels: WebviewPanels<SummaryState, never, SummaryPanel>;
  private readonly followAccount: vscode.Disposable;

  constructor(options: SummaryPanelsOptions) {
    this.panels = new WebviewPanels({
      viewType: INVOICE_SUMMARY_VIEW_TYPE,
      enableFindWidget: true,
      keyOf,
      parseState: parseSummaryState,
      title: (state) => summaryTitle(state.invoice.period, state.inProgress, options.locale),
      attach: (host) => new SummaryPanel(host, options),
    }, options.extensionUri, options.locale);
    this.followAccount = options.session.onDidChange(({ key }) => {
      for (const part of this.panels.parts.filter((panel) => panel.accountKey !== key)) {
        part.host.dispose();
      }
    });
  }

  /** Opens (or reveals) the invoice's panel; resolves once its summary, or why not, shows. */
  async show(target: InvoiceRow): Promise<vscode.WebviewPanel> {
    const state: SummaryState = { invoice: target.invoice, inProgress: target.inProgress };
    const { host, part, created } = this.panels.show(state);
    host.setState(state);
    await (created ? part.loaded : part.load());
    return host.panel;
  }

  dispose(): void {
    this.followAccount.dispose();
    this.panels.dispose();
  }
}
