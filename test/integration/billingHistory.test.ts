import * as assert from 'assert';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/extension';
import { entryKey } from '../../src/billingHistory/billingHistoryList';
import { formatAmount } from '../../src/util/money';
import { formatDate } from '../../src/util/period';
import type { BillingHistoryNode } from '../../src/billingHistory/billingHistoryNodes';
import { describeState, markdownText, setSetting, useFakeApiSession, waitFor } from './support';

const HISTORY_PATH = '/v2/customers/my/billing_history';

interface HistoryRow {
  readonly node: BillingHistoryNode;
  readonly item: vscode.TreeItem;
  readonly label: string;
  readonly description: string;
  readonly tooltip: string;
}

/** The billing history view's rows (or an error row's children), as VS Code gets them. */
async function historyRows(api: TestApi, parent?: BillingHistoryNode): Promise<HistoryRow[]> {
  const provider = api.historyView.provider;
  return Promise.all(provider.getChildren(parent).map(async (node) => {
    const item = await provider.getTreeItem(node);
    const tooltip = item.tooltip instanceof vscode.MarkdownString ? markdownText(item.tooltip) : String(item.tooltip ?? '');
    return { node, item, label: String(item.label ?? ''), description: String(item.description ?? ''), tooltip };
  }));
}

describe('Billing History view in the extension host', function () {
  this.timeout(60_000);
  const session = useFakeApiSession();
  const history = () => session.api.history.snapshot;
  const settled = (what: string, probe: () => boolean) => waitFor(what, () => probe() && !history().activity, { detail: () => ({ ...history(), items: history().items.length }) });

  before(async () => {
    await setSetting('pageSize', 10);
    await settled('page 1 of the billing history', () => history().items.length === 10);
  });
  after(() => setSetting('pageSize', undefined));

  it('shows the entries newest first with the date, type, description and amount', async () => {
    const shown = await historyRows(session.api);
    const expected = session.fake.data.billingHistory.slice(0, 10);
    const entries = shown.filter((row) => row.node.kind === 'entry');
    assert.deepStrictEqual(entries.map((row) => row.label), expected.map((entry) => formatDate(entry.date, 'en')));
    assert.deepStrictEqual(entries.map((row) => row.description), expected.map((entry) => `${formatAmount(entry.amount, 'en')} · ${entry.type} · ${entry.description}`));
    const payment = entries.find((row) => row.node.kind === 'entry' && row.node.entry.type === 'Payment');
    assert.ok(payment, 'a payment on page 1');
    assert.match(payment.description, /^-\$[\d,]+\.\d\d · Payment · /, 'payments are negative');
    const invoiceRow = entries.find((row) => row.node.kind === 'entry' && row.node.entry.invoiceUuid)!;
    assert.strictEqual(invoiceRow.item.command?.command, 'digitaloceanInvoices.revealInvoice');
    assert.match(invoiceRow.tooltip, /Invoice uuid:/);
    const loadMore = shown[shown.length - 1];
    assert.strictEqual(loadMore.label, 'Load more…');
    assert.strictEqual(loadMore.description, `10 of ${session.fake.data.billingHistory.length} loaded`);
    assert.strictEqual(loadMore.item.command?.command, 'digitaloceanInvoices.loadMoreBillingHistory');
  });

  it('Load more selects and focuses the first entry it loaded', async () => {
    await vscode.commands.executeCommand('digitaloceanInvoices.loadMoreBillingHistory');
    const eleventh = entryKey(history().items[10]);
    await waitFor('the eleventh entry selected', () => {
      const [selected] = session.api.historyView.treeView.selection;
      return selected?.kind === 'entry' && entryKey(selected.entry) === eleventh;
    }, { detail: () => session.api.historyView.treeView.selection });
  });

  it('loads more until the end, each entry once, in the API\'s order', async () => {
    while (history().next) {
      await vscode.commands.executeCommand('digitaloceanInvoices.loadMoreBillingHistory');
    }
    const shown = await historyRows(session.api);
    assert.ok(!shown.some((row) => row.node.kind === 'loadMore'));
    const all = session.fake.data.billingHistory;
    assert.strictEqual(shown.length, all.length);
    assert.strictEqual(new Set(history().items.map(entryKey)).size, all.length);
    assert.deepStrictEqual(shown.map((row) => row.label), all.map((entry) => formatDate(entry.date, 'en')));
  });

  it('Refresh refreshes it with the invoices; a fault shows an error row with its actions and keeps the data', async () => {
    const before = history().items;
    session.fake.reset();
    session.fake.addFault({ kind: 'status', status: 500, path: HISTORY_PATH });
    await vscode.commands.executeCommand('digitaloceanInvoices.refresh');
    assert.ok(session.fake.requests.some((request) => request.path === '/v2/customers/my/invoices'), 'the invoices were refreshed too');
    const shown = await historyRows(session.api);
    const errorRow = shown.find((row) => row.node.kind === 'error');
    assert.ok(errorRow, 'an error row');
    assert.match(errorRow.label, /server error \(HTTP 500\)/);
    assert.deepStrictEqual((await historyRows(session.api, errorRow.node)).map((row) => row.label), ['Retry', 'Show Log']);
    assert.strictEqual(history().items, before, 'the entries are kept');
    assert.strictEqual(shown.filter((row) => row.node.kind === 'entry').length, before.length);
    assert.strictEqual(session.api.state.snapshot.error, undefined, 'the invoices are not affected');

    session.fake.clearFaults();
    await vscode.commands.executeCommand('digitaloceanInvoices.refresh');
    assert.ok(!(await historyRows(session.api)).some((row) => row.node.kind === 'error'), 'Retry clears the error');
  });

  it('an entry of an invoice that is not loaded yet loads invoices until it can reveal it', async () => {
    await vscode.commands.executeCommand('digitaloceanInvoices.refresh');
    while (history().next) {
      await vscode.commands.executeCommand('digitaloceanInvoices.loadMoreBillingHistory');
    }
    const loaded = new Set(session.api.state.snapshot.items.map((invoice) => invoice.invoiceUuid));
    const target = [...history().items].reverse().find((entry) => entry.invoiceUuid && !loaded.has(entry.invoiceUuid));
    assert.ok(target?.invoiceUuid, 'an entry of an invoice beyond page 1');
    const row = (await historyRows(session.api)).find((candidate) => candidate.node.kind === 'entry' && entryKey(candidate.node.entry) === entryKey(target));
    assert.ok(row?.item.command, 'the entry has a command');
    const revealed = await vscode.commands.executeCommand(row.item.command.command, ...(row.item.command.arguments ?? []));
    assert.strictEqual(revealed, true);
    assert.ok(session.api.state.snapshot.items.some((invoice) => invoice.invoiceUuid === target.invoiceUuid), 'loaded');
    await waitFor('the invoice selected', () => session.api.view.treeView.selection.some((node) => node.kind === 'invoice' && node.invoice.invoiceUuid === target.invoiceUuid),
      { detail: () => ({ selection: session.api.view.treeView.selection.map((node) => node.kind), state: describeState(session.api) }) });
    assert.strictEqual(await vscode.commands.executeCommand('digitaloceanInvoices.revealInvoice', 'no-such-invoice'), false);
  });

  it('clearing the token empties the view and forgets its cache', async () => {
    const fingerprint = session.api.session.state.key ?? '';
    assert.ok(session.api.globalState.keys().some((key) => key.startsWith('digitaloceanInvoices.billingHistoryCache.') && key.endsWith(fingerprint)));
    await vscode.commands.executeCommand('digitaloceanInvoices.clearToken');
    assert.strictEqual(history().hasToken, false);
    assert.deepStrictEqual(await historyRows(session.api), [], 'empty, so the welcome view shows');
    assert.ok(!session.api.globalState.keys().some((key) => key.includes(fingerprint)), 'no cache left');
  });
});
