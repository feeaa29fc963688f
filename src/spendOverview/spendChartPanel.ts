import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import { BudgetSettings } from '../settings';
import { budgetOf } from '../budget/budgetModel';
import { InvoiceList } from '../invoices/invoiceList';
import { DisposableOwner } from '../util/disposable';
import { l10n } from '../util/l10n';
import { renderChartPage } from './chartHtml';
import { buildChartModel } from './chartModel';

const DEFAULT_MONTHS = 12;

export interface SpendChartDeps {
  readonly invoices: InvoiceList;
  readonly budget: () => BudgetSettings;
  readonly extensionUri: vscode.Uri;
  readonly locale: string;
  /** Reveals an invoice in the tree. */
  readonly reveal: (invoiceUuid: string) => void;
}

/** "Show Spend Overview": one webview panel, re-rendered when the invoices change. */
export class SpendChartPanel extends DisposableOwner {
  private static current: SpendChartPanel | undefined;
  private months = DEFAULT_MONTHS;
  private lastModel = '';

  static show(deps: SpendChartDeps): SpendChartPanel {
    if (SpendChartPanel.current) {
      SpendChartPanel.current.panel.reveal();
      return SpendChartPanel.current;
    }
    SpendChartPanel.current = new SpendChartPanel(deps);
    return SpendChartPanel.current;
  }

  /** Draws the open panel again (the budget setting changed). */
  static renderCurrent(): void {
    SpendChartPanel.current?.render();
  }

  /** Closes the panel, if open (the extension is deactivated). */
  static closeCurrent(): void {
    SpendChartPanel.current?.panel.dispose();
  }

  readonly panel: vscode.WebviewPanel;

  private constructor(private readonly deps: SpendChartDeps) {
    super();
    const media = vscode.Uri.joinPath(deps.extensionUri, 'media');
    this.panel = this.register(vscode.window.createWebviewPanel('digitaloceanInvoices.spendOverview', l10n.t('DigitalOcean Spend Overview'), vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [media],
    }));
    this.panel.iconPath = vscode.Uri.joinPath(media, 'digitalocean.svg');
    this.register(this.panel.onDidDispose(() => {
      SpendChartPanel.current = undefined;
      this.dispose();
    }));
    this.register(this.panel.webview.onDidReceiveMessage((message: { type?: string; invoiceUuid?: unknown }) => {
      if (message.type === 'reveal' && typeof message.invoiceUuid === 'string') {
        deps.reveal(message.invoiceUuid);
      } else if (message.type === 'showAll') {
        this.months = Number.MAX_SAFE_INTEGER;
        this.render();
      }
    }));
    this.register(deps.invoices.onDidChange(() => this.render()));
    this.render();
  }

  render(): void {
    const { invoices, budget, locale } = this.deps;
    const snapshot = invoices.snapshot;
    const model = buildChartModel(snapshot.items, snapshot.preview, budgetOf(snapshot.preview, budget(), Date.now())?.projection, budget().cents, this.months);
    // An unchanged chart is not reloaded (it would lose focus), e.g. on line-item progress.
    const modelKey = JSON.stringify(model, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
    if (modelKey === this.lastModel) {
      return;
    }
    this.lastModel = modelKey;
    const webview = this.panel.webview;
    const media = vscode.Uri.joinPath(this.deps.extensionUri, 'media');
    webview.html = renderChartPage({
      model,
      locale,
      nonce: randomBytes(16).toString('base64'),
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'spendChart.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'spendChart.css')).toString(),
      title: l10n.t('DigitalOcean Spend Overview'),
    });
  }
}
