// The panel pattern in the real extension host: reveal-if-open, the serializers that bring
// panels back after a window reload (called here as VS Code calls them, with a panel of the
// view type and the state its page saved), a loading state and a failure in the summary.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { invoiceRow } from '../../src/invoices/invoiceNodes';
import { INVOICE_SUMMARY_VIEW_TYPE, SPEND_OVERVIEW_VIEW_TYPE } from '../../src/constants';
import { formatAmount } from '../../src/util/money';
import { formatPeriod } from '../../src/util/period';
import { useFakeApiSession, waitFor } from './support';

const INVOICES = '/v2/customers/my/invoices';

function webviewTabs(viewType: string): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(viewType));
}

/** A panel as VS Code hands one to a serializer after a reload. */
function revivedPanel(viewType: string): vscode.WebviewPanel {
  return vscode.window.createWebviewPanel(viewType, 'restoring…', vscode.ViewColumn.Active, {});
}

function closed(panel: vscode.WebviewPanel): Promise<void> {
  return new Promise((resolve) => panel.onDidDispose(() => resolve()));
}

describe('Webview panels in the extension host', function () {
  this.timeout(60_000);
  const session = useFakeApiSession();

  before(async () => {
    await waitFor('invoices and the preview', () => session.api.state.snapshot.items.length > 1 && session.api.state.snapshot.preview);
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('restores the spend overview with the months and scale it saved, and reveals it when shown again', async () => {
    const overview = session.api.container.spendOverview;
    const panel = revivedPanel(SPEND_OVERVIEW_VIEW_TYPE);
    await overview.restore(panel, { allMonths: true, logarithmic: true });
    const parts = () => overview.current?.panels.parts ?? [];
    assert.strictEqual(panel.title, 'DigitalOcean Spend Overview');
    assert.strictEqual(panel.webview.options.enableScripts, true, 'the restored page may run its script');
    assert.match(panel.webview.html, /<canvas id="chart" role="img">/);
    assert.match(panel.webview.html, /script-src 'nonce-[^']+';/);
    const icon = panel.iconPath as { light: vscode.Uri; dark: vscode.Uri };
    assert.deepStrictEqual([icon.light.path.split('/').pop(), icon.dark.path.split('/').pop()], ['panel-light.svg', 'panel-dark.svg']);
    assert.deepStrictEqual(parts().map((part) => part.host.state), [{ allMonths: true, logarithmic: true }]);

    assert.strictEqual(await vscode.commands.executeCommand('digitaloceanInvoices.showSpendOverview'), panel, 'shown again, the restored panel is revealed');
    await waitFor('one spend overview tab', () => webviewTabs(SPEND_OVERVIEW_VIEW_TYPE).length === 1, {
      detail: () => vscode.window.tabGroups.all.flatMap((group) => group.tabs).map((tab) => [tab.label, (tab.input as { viewType?: string })?.viewType]),
    });
    const gone = closed(panel);
    panel.dispose();
    await gone;
    assert.deepStrictEqual(parts(), [], 'a closed panel is forgotten');
  });

  it('restores a saved spend overview state it cannot read as 12 months on a linear axis', async () => {
    const overview = session.api.container.spendOverview;
    await overview.restore(revivedPanel(SPEND_OVERVIEW_VIEW_TYPE), { allMonths: 'many', logarithmic: 1 });
    assert.deepStrictEqual(overview.current?.panels.parts.map((part) => part.host.state), [{ allMonths: false, logarithmic: false }]);
  });

  it('restores an invoice summary: loads the invoice it saved again', async () => {
    const invoice = session.api.state.snapshot.items[0];
    const panel = revivedPanel(INVOICE_SUMMARY_VIEW_TYPE);
    session.fake.reset();
    await session.api.container.summaries.restore(panel, { invoice, inProgress: false });
    assert.strictEqual(panel.title, `Invoice ${formatPeriod(invoice.period, 'en')}`);
    await waitFor('the summary in the restored panel', () => panel.webview.html.includes(`<td class="amount">${formatAmount(invoice.amount, 'en')}</td>`));
    assert.deepStrictEqual(session.fake.requests.map((request) => request.path), [`${INVOICES}/${invoice.invoiceUuid}/summary`]);
    assert.strictEqual(await vscode.commands.executeCommand('digitaloceanInvoices.showInvoiceSummary', invoiceRow(invoice, false)), panel,
      'the restored panel is the invoice\'s panel');
  });

  it('closes a restored summary panel whose saved state names no invoice', async () => {
    const panel = revivedPanel(INVOICE_SUMMARY_VIEW_TYPE);
    const gone = closed(panel);
    await session.api.container.summaries.restore(panel, { invoice: { invoiceUuid: 42 }, inProgress: false });
    await gone;
    assert.deepStrictEqual((session.api.container.summaries.current?.panels.parts ?? []), []);
  });

  it('shows the summary of the month in progress as loading until it arrives', async () => {
    const preview = session.api.state.snapshot.preview!;
    session.fake.hold();
    const shown = vscode.commands.executeCommand<vscode.WebviewPanel>('digitaloceanInvoices.showInvoiceSummary', invoiceRow(preview, true));
    const part = await waitFor('the summary panel', () => (session.api.container.summaries.current?.panels.parts ?? [])[0]);
    assert.match(part.host.panel.webview.html, /<main aria-busy="true">[\s\S]*Loading the invoice summary…/);
    session.fake.release();
    const panel = await shown;
    assert.strictEqual(panel, part.host.panel);
    assert.ok(!panel.webview.html.includes('aria-busy'), 'the summary replaced the loading state');
    assert.match(panel.webview.html, /Total so far/);
  });

  it('says in the panel why a summary could not be loaded, and loads it on Retry', async () => {
    const invoice = session.api.state.snapshot.items[1];
    const summaryPath = `${INVOICES}/${invoice.invoiceUuid}/summary`;
    session.fake.addFault({ kind: 'status', status: 404, path: summaryPath });
    const panel = await vscode.commands.executeCommand<vscode.WebviewPanel>('digitaloceanInvoices.showInvoiceSummary', invoiceRow(invoice, false));
    assert.match(panel.webview.html, /<p class="error" role="alert">Could not load the invoice summary of [^<]+: [^<]+<\/p>/);
    assert.match(panel.webview.html, /data-command="retry"/);
    assert.ok(session.api.logger.recentLines.some((line) => line.includes('Could not load the invoice summary')));
    session.fake.clearFaults();
    const [part] = (session.api.container.summaries.current?.panels.parts ?? []);
    await part.load();
    assert.match(panel.webview.html, new RegExp(`<td class="amount">${formatAmount(invoice.amount, 'en').replace('$', '\\$')}</td>`));
  });
});
