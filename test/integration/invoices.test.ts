import * as assert from 'assert';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/extension';
import { tokenFingerprint } from '../../src/auth/token';
import { formatAmount } from '../../src/util/money';
import { formatPeriod } from '../../src/util/period';
import { FAKE_TOKEN, FakeDoApi } from '../fake-api/server';
import { extensionApi, markdownText, rows, setSetting, useApiUrl, waitFor } from './support';

const TOKEN_KEY = 'digitaloceanInvoices.apiToken';

describe('Invoices view and status bar in the extension host', function () {
  this.timeout(60_000);
  let api: TestApi;
  let fake: FakeDoApi;
  let restoreApiUrl: () => Promise<void>;

  before(async () => {
    fake = new FakeDoApi();
    restoreApiUrl = await useApiUrl(await fake.start());
    await setSetting('pageSize', 10);
    api = await extensionApi();
    await api.clearToken();
  });

  after(async () => {
    await api.clearToken();
    await setSetting('pageSize', undefined);
    await restoreApiUrl();
    await fake.close();
  });

  it('shows nothing but the welcome view without a token', async () => {
    assert.strictEqual(api.state.snapshot.hasToken, false);
    assert.deepStrictEqual(await rows(api), []);
    assert.strictEqual(api.statusBar.item.text, '$(credit-card)');
  });

  it('does not store a token that DigitalOcean rejects', async () => {
    const outcome = await api.setToken('dop_v1_' + '9'.repeat(64));
    assert.strictEqual(outcome, 'rejected');
    assert.strictEqual(await api.secrets.get(TOKEN_KEY), undefined);
    assert.strictEqual(api.state.snapshot.hasToken, false);
  });

  it('checks a good token with one request, stores it and shows the invoices newest first', async () => {
    fake.reset();
    const outcome = await api.setToken(FAKE_TOKEN);
    assert.strictEqual(outcome, 'saved');
    assert.strictEqual(await api.secrets.get(TOKEN_KEY), FAKE_TOKEN);

    assert.strictEqual(fake.requests.filter((request) => request.path === '/v2/customers/my/invoices').length, 1);
    await waitFor('the balance', () => api.state.snapshot.balance);
    const shown = await rows(api);
    const preview = fake.data.preview;
    assert.strictEqual(shown[0].node.kind, 'balance', 'the balance stands first');
    assert.match(shown[0].label, /^Balance: \$/);
    assert.match(shown[0].tooltip, /Account balance/);
    assert.strictEqual(shown[1].label, formatPeriod(preview.invoice_period, 'en'));
    assert.match(shown[1].description, /in progress/);
    const invoiceRows = shown.filter((row) => row.node.kind === 'invoice').slice(1);
    const expected = fake.data.invoices.slice(0, 10);
    assert.deepStrictEqual(invoiceRows.map((row) => row.label), expected.map((invoice) => formatPeriod(invoice.invoice_period, 'en')));
    assert.deepStrictEqual(invoiceRows.map((row) => row.description), expected.map((invoice) => formatAmount(invoice.amount, 'en')));
    assert.ok(invoiceRows[0].tooltip.includes(expected[0].invoice_uuid));
    assert.ok(invoiceRows[0].tooltip.includes(expected[0].invoice_id));
    assert.ok(invoiceRows[0].tooltip.includes(expected[0].invoice_period));
    const loadMore = shown[shown.length - 1];
    assert.strictEqual(loadMore.label, 'Load more…');
    assert.strictEqual(loadMore.description, `10 of ${fake.data.invoices.length} loaded`);
  });

  it('shows month-to-date spend in the status bar', () => {
    assert.strictEqual(api.statusBar.item.text, `$(credit-card) ${formatAmount(fake.data.preview.amount, 'en')}`);
    const tooltip = markdownText(api.statusBar.item.tooltip as vscode.MarkdownString);
    assert.ok(tooltip.includes(formatPeriod(fake.data.preview.invoice_period, 'en')), tooltip);
  });

  it('appends pages with Load More until the node is gone, each invoice once', async () => {
    while (api.state.snapshot.next) {
      await vscode.commands.executeCommand('digitaloceanInvoices.loadMore');
    }
    const shown = await rows(api);
    assert.ok(!shown.some((row) => row.node.kind === 'loadMore'));
    const uuids = api.state.snapshot.invoices.map((invoice) => invoice.invoiceUuid);
    assert.strictEqual(uuids.length, fake.data.invoices.length);
    assert.strictEqual(new Set(uuids).size, uuids.length);
  });

  it('Refresh updates the view and the status bar together', async () => {
    fake.setPreviewAmount('4321.09');
    await vscode.commands.executeCommand('digitaloceanInvoices.refresh');
    assert.strictEqual(api.statusBar.item.text, '$(credit-card) $4,321.09');
    const shown = await rows(api);
    assert.strictEqual(shown.find((row) => row.node.kind === 'invoice')?.description, '$4,321.09 · in progress');
  });

  it('follows a pageSize change', async () => {
    fake.reset();
    await setSetting('pageSize', 4);
    await waitFor('a refresh with per_page=4', () => api.state.snapshot.invoices.length === 4 && !api.state.snapshot.activity);
    const listRequests = fake.requests.filter((request) => request.path === '/v2/customers/my/invoices');
    assert.strictEqual(listRequests[listRequests.length - 1].query.per_page, '4');
    await setSetting('pageSize', 10);
    await waitFor('page size 10 again', () => api.state.snapshot.invoices.length === 10 && !api.state.snapshot.activity);
  });

  it('refuses an http apiUrl on another host and keeps the data', async () => {
    const goodUrl = fake.url;
    const before = api.state.snapshot.invoices.length;
    fake.reset();
    await setSetting('apiUrl', 'http://example.com');
    await waitFor('the configuration error', () => api.state.snapshot.error?.kind === 'configuration');
    assert.match(api.state.snapshot.error!.message, /https/);
    assert.strictEqual(api.state.snapshot.invoices.length, before);
    assert.strictEqual(fake.requests.length, 0);
    await setSetting('apiUrl', goodUrl);
    await waitFor('recovery', () => !api.state.snapshot.error && !api.state.snapshot.activity && fake.requests.length > 0);
  });

  it('follows a token changed in another window', async () => {
    await api.secrets.delete(TOKEN_KEY);
    await waitFor('the token to be gone', () => !api.state.snapshot.hasToken);
    assert.strictEqual(api.statusBar.item.text, '$(credit-card)');
    await api.secrets.store(TOKEN_KEY, FAKE_TOKEN);
    await waitFor('invoices again', () => api.state.snapshot.invoices.length > 0 && api.state.snapshot.preview);
  });

  it('never writes the token into the log or globalState', () => {
    assert.ok(api.logger.recentLines.length > 0);
    for (const line of api.logger.recentLines) {
      assert.ok(!line.includes(FAKE_TOKEN), line);
    }
    const stored = JSON.stringify(api.globalState.keys().map((key) => [key, api.globalState.get(key)]));
    assert.ok(!stored.includes(FAKE_TOKEN));
    assert.ok(stored.includes(tokenFingerprint(FAKE_TOKEN)));
  });

  it('Clear API Token removes the token and its cached data', async () => {
    await vscode.commands.executeCommand('digitaloceanInvoices.clearToken');
    assert.strictEqual(await api.secrets.get(TOKEN_KEY), undefined);
    assert.strictEqual(api.state.snapshot.hasToken, false);
    assert.deepStrictEqual(await rows(api), []);
    assert.strictEqual(api.statusBar.item.text, '$(credit-card)');
    assert.ok(!api.globalState.keys().some((key) => key.includes(tokenFingerprint(FAKE_TOKEN))));
  });
});
