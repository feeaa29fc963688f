import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import { Invoice, InvoiceSummary } from '../../api/types';
import { renderSummaryPage, summaryTitle } from './summaryHtml';

/** What the summary's buttons ask for. */
export type SummaryAction = 'downloadPdf' | 'downloadCsv';

export interface SummaryPanelsOptions {
  readonly extensionUri: vscode.Uri;
  readonly locale: string;
  readonly onAction: (action: SummaryAction, invoice: Invoice) => void;
}

/** "Show Invoice Summary": one webview panel per invoice, revealed and updated when shown again. */
export class InvoiceSummaryPanels implements vscode.Disposable {
  private readonly panels = new Map<string, vscode.WebviewPanel>();

  constructor(private readonly options: SummaryPanelsOptions) {}

  show(invoice: Invoice, inProgress: boolean, summary: InvoiceSummary): vscode.WebviewPanel {
    const key = `${inProgress ? 'preview' : 'invoice'}:${invoice.invoiceUuid}`;
    const title = summaryTitle(summary.billingPeriod || invoice.period, inProgress, this.options.locale);
    let panel = this.panels.get(key);
    if (panel) {
      panel.reveal();
    } else {
      panel = this.create(key, invoice, title);
    }
    panel.title = title;
    const webview = panel.webview;
    const media = vscode.Uri.joinPath(this.options.extensionUri, 'media');
    webview.html = renderSummaryPage({
      summary: { ...summary, billingPeriod: summary.billingPeriod || invoice.period },
      inProgress,
      locale: this.options.locale,
      nonce: randomBytes(16).toString('base64'),
      cspSource: webview.cspSource,
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'invoiceSummary.css')).toString(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'invoiceSummary.js')).toString(),
      canDownload: !inProgress,
    });
    return panel;
  }

  private create(key: string, invoice: Invoice, title: string): vscode.WebviewPanel {
    const media = vscode.Uri.joinPath(this.options.extensionUri, 'media');
    const panel = vscode.window.createWebviewPanel('digitaloceanInvoices.invoiceSummary', title, vscode.ViewColumn.Active, {
      enableScripts: true,
      enableFindWidget: true,
      localResourceRoots: [media],
    });
    panel.iconPath = vscode.Uri.joinPath(media, 'digitalocean.svg');
    this.panels.set(key, panel);
    const subscriptions = [
      panel.webview.onDidReceiveMessage((message: { type?: unknown }) => {
        if (message?.type === 'downloadPdf' || message?.type === 'downloadCsv') {
          this.options.onAction(message.type, invoice);
        }
      }),
    ];
    panel.onDidDispose(() => {
      this.panels.delete(key);
      subscriptions.forEach((subscription) => subscription.dispose());
    });
    return panel;
  }

  dispose(): void {
    for (const panel of [...this.panels.values()]) {
      panel.dispose();
    }
  }
}
