import * as assert from 'assert';
import * as vscode from 'vscode';
import { tokenFingerprint } from '../../src/session/token';
import { formatAmount } from '../../src/util/money';
import { formatPeriod } from '../../src/util/period';
import { FAKE_TOKEN } from '../fake-api/server';
import { markdownText, rows, setSetting, useFakeApiSession, waitFor } from './support';

const TOKEN_KEY = 'digitaloceanInvoices.apiToken';

describe('Invoices view and status bar in the extension host', function () {
  this.timeout(60_000);
  const session = useFakeApiSession({ token: false });

  before(() => setSetting('pageSize', 10));
  after(() => setSetting('pageSize', undefined));

  it('shows nothing but the welcome view without a token', async () => {
    assert.strictEqual(session.api.state.snapshot.hasToken, false);
    assert.deepStrictEqual(await rows(session.api), []);
    assert.strictEqual(session.api.statusBar.item.text, '$(credit-card)');
  });

  it('does not store a token that DigitalOcean rejects', async () => {
    const outcome = await session.api.setToken('dop_v1_' + '9'.repeat(64));
    assert.strictEqual(outcome, 'rejected');
    assert.strictEqual(await session.api.secrets.get(TOKEN_KEY), undefined);
    assert.strictEqual(session.api.state.snapshot.hasToken, false);
  });

  it('checks a good token with one request, stores it and shows the invoices newest first', async () => {
    session.fake.reset();
    const outcome = await session.api.setToken(FAKE_TOKEN);
    assert.strictEqual(outcome, 'saved');
    assert.strictEqual(await session.api.secrets.get(TOKEN_KEY), FAKE_TOKEN);

    assert.strictEqual(session.fake.requests.filter((request) => request.path === '/v2/customers/my/invoices').length, 1);
    await waitFor('the balance', () => session.api.balance.snapshot.balance);
    const shown = await rows(session.api);
    const preview = session.fake.data.preview;
    assert.strictEqual(shown[0].node.kind, 'balance', 'the balance stands first');
    const { balance } = session.fake.data;
    assert.strictEqual(shown[0].label, formatAmount(balance.month_to_date_balance, 'en'), 'the amount first: a narrow side bar still shows it');
    assert.strictEqual(shown[0].description, 'Month-to-date balance');
    for (const [name, amount] of [['Month-to-date balance', balance.month_to_date_balance], ['Account balance', balance.account_balance], ['Month-to-date usage', balance.month_to_date_usage]]) {
      assert.ok(shown[0].tooltip.includes(`**${name}:** ${formatAmount(amount, 'en')}`), `${name} in ${shown[0].tooltip}`);
    }
    assert.ok((shown[0].item.tooltip as vscode.MarkdownString).value.includes('Month\u2011to\u2011date\u00a0balance:'), 'the term does not break at its hyphens in the hover');
    // Alert rows of the daily spend may stand between the balance and the month in progress.
    const inProgress = shown.find((row) => row.node.kind === 'invoice' && row.node.inProgress)!;
    assert.strictEqual(inProgress.label, formatAmount(preview.amount, 'en'), 'the amount first: a narrow side bar still shows it');
    assert.strictEqual(inProgress.description, `${formatPeriod(preview.invoice_period, 'en')} · in progress`);
    assert.strictEqual(inProgress.item.accessibilityInformation?.label, `${formatPeriod(preview.invoice_period, 'en')}, ${formatAmount(preview.amount, 'en')} · in progress`);
    const invoiceRows = shown.filter((row) => row.node.kind === 'invoice').slice(1);
    const expected = session.fake.data.invoices.slice(0, 10);
    assert.deepStrictEqual(invoiceRows.map((row) => row.label), expected.map((invoice) => formatAmount(invoice.amount, 'en')));
    assert.deepStrictEqual(invoiceRows.map((row) => row.description), expected.map((invoice) => formatPeriod(invoice.invoice_period, 'en')));
    assert.ok(invoiceRows[0].tooltip.includes(expected[0].invoice_uuid));
    assert.ok(invoiceRows[0].tooltip.includes(expected[0].invoice_id));
    assert.ok(invoiceRows[0].tooltip.includes(expected[0].invoice_period));
    const loadMore = shown[shown.length - 1];
    assert.strictEqual(loadMore.label, 'Load more…');
    assert.strictEqual(loadMore.description, `10 of ${session.fake.data.invoices.length} loaded`);
  });

  it('shows month-to-date usage in the status bar, the balance under the same names as the row', () => {
    assert.strictEqual(session.api.statusBar.item.text, `$(credit-card) ${formatAmount(session.fake.data.preview.amount, 'en')}`);
    const tooltip = markdownText(session.api.statusBar.item.tooltip as vscode.MarkdownString);
    assert.ok(tooltip.includes(formatPeriod(session.fake.data.preview.invoice_period, 'en')), tooltip);
    const balance = session.fake.data.balance;
    assert.ok(tooltip.includes(`**Month-to-date balance:** ${formatAmount(balance.month_to_date_balance, 'en')}`), tooltip);
    assert.ok(tooltip.includes(`**Account balance:** ${formatAmount(balance.account_balance, 'en')}`), tooltip);
    assert.match(tooltip, /^\*\*DigitalOcean month-to-date usage\*\*/);
    const raw = (session.api.statusBar.item.tooltip as vscode.MarkdownString).value;
    assert.ok(!/[A-Za-z]-[A-Za-z]/.test(raw), `no hyphen a hover may break a word at: ${raw}`);
  });

  it('Load More selects and focuses the first invoice it loaded', async () => {
    await vscode.commands.executeCommand('digitaloceanInvoices.loadMore');
    const eleventh = session.fake.data.invoices[10].invoice_uuid;
    await waitFor('the eleventh invoice selected', () => {
      const [selected] = session.api.view.treeView.selection;
      return selected?.kind === 'invoice' && selected.invoice.invoiceUuid === eleventh;
    }, { detail: () => session.api.view.treeView.selection });
  });

  it('appends pages with Load More until the node is gone, each invoice once', async () => {
    while (session.api.state.snapshot.next) {
      await vscode.commands.executeCommand('digitaloceanInvoices.loadMore');
    }
    const shown = await rows(session.api);
    assert.ok(!shown.some((row) => row.node.kind === 'loadMore'));
    const uuids = session.api.state.snapshot.items.map((invoice) => invoice.invoiceUuid);
    assert.strictEqual(uuids.length, session.fake.data.invoices.length);
    assert.strictEqual(new Set(uuids).size, uuids.length);
  });

  it('Refresh updates the view and the status bar together, and keeps the pages loaded', async () => {
    session.fake.setPreviewAmount('4321.09');
    session.fake.clearRequests();
    await vscode.commands.executeCommand('digitaloceanInvoices.refresh');
    assert.strictEqual(session.api.statusBar.item.text, '$(credit-card) $4,321.09');
    const shown = await rows(session.api);
    assert.strictEqual(shown.find((row) => row.node.kind === 'invoice')?.label, '$4,321.09');
    assert.strictEqual(session.api.state.snapshot.items.length, session.fake.data.invoices.length, 'every page loaded before is still shown');
    assert.ok(!shown.some((row) => row.node.kind === 'loadMore'));
    assert.deepStrictEqual(session.fake.requests.filter((request) => request.path === '/v2/customers/my/invoices').map((request) => request.query.page), ['1']);
  });

  it('follows a pageSize change', async () => {
    session.fake.reset();
    await setSetting('pageSize', 4);
    await waitFor('a refresh with per_page=4', () => session.api.state.snapshot.items.length === 4 && !session.api.state.snapshot.activity);
    const listRequests = session.fake.requests.filter((request) => request.path === '/v2/customers/my/invoices');
    assert.strictEqual(listRequests[listRequests.length - 1].query.per_page, '4');
    await setSetting('pageSize', 10);
    await waitFor('page size 10 again', () => session.api.state.snapshot.items.length === 10 && !session.api.state.snapshot.activity);
  });

  it('refuses an http apiUrl on another host and keeps the data', async () => {
    const goodUrl = session.fake.url;
    const before = session.api.state.snapshot.items.length;
    session.fake.reset();
    await setSetting('apiUrl', 'http://example.com');
    await waitFor('the configuration error', () => session.api.state.snapshot.error?.kind === 'configuration');
    assert.match(session.api.state.snapshot.error!.message, /https/);
    assert.strictEqual(session.api.state.snapshot.items.length, before);
    assert.strictEqual(session.fake.requests.length, 0);
    await setSetting('apiUrl', goodUrl);
    await waitFor('recovery', () => !session.api.state.snapshot.error && !session.api.state.snapshot.activity && session.fake.requests.length > 0);
  });

  it('follows a token changed in another window', async () => {
    await session.api.secrets.delete(TOKEN_KEY);
    await waitFor('the token to be gone', () => !session.api.state.snapshot.hasToken);
    assert.strictEqual(session.api.statusBar.item.text, '$(credit-card)');
    await session.api.secrets.store(TOKEN_KEY, FAKE_TOKEN);
    await waitFor('invoices again', () => session.api.state.snapshot.items.length > 0 && session.api.state.snapshot.preview);
  });

  it('never writes the token into the log or globalState', () => {
    assert.ok(session.api.logger.recentLines.length > 0);
    for (const line of session.api.logger.recentLines) {
      assert.ok(!line.includes(FAKE_TOKEN), line);
    }
    const stored = JSON.stringify(session.api.globalState.keys().map((key) => [key, session.api.globalState.get(key)]));
    assert.ok(!stored.includes(FAKE_TOKEN));
    assert.ok(stored.includes(tokenFingerprint(FAKE_TOKEN)));
  });

  it('Clear API Token removes the token and its cached data', async () => {
    await vscode.commands.executeCommand('digitaloceanInvoices.clearToken');
    assert.strictEqual(await session.api.secrets.get(TOKEN_KEY), undefined);
    assert.strictEqual(session.api.state.snapshot.hasToken, false);
    assert.deepStrictEqual(await rows(session.api), []);
    assert.strictEqual(session.api.statusBar.item.text, '$(credit-card)');
    assert.ok(!session.api.globalState.keys().some((key) => key.includes(tokenFingerprint(FAKE_TOKEN))));
  });
});
