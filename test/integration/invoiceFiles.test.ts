import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/extension';
import type { InvoiceTarget } from '../../src/invoices/invoiceCommands';
import { invoiceRow } from '../../src/invoices/invoiceNodes';
import { formatAmount } from '../../src/util/money';
import { formatPeriod } from '../../src/util/period';
import { FAKE_TOKEN, FakeDoApi } from '../fake-api/server';
import { extensionApi, rows, useApiUrl, waitFor } from './support';

const INVOICES = '/v2/customers/my/invoices';

/** The bytes the fake API serves for a path, fetched directly. */
async function served(fake: FakeDoApi, apiPath: string): Promise<Buffer> {
  const response = await fetch(fake.url + apiPath, { headers: { authorization: `Bearer ${FAKE_TOKEN}` } });
  assert.strictEqual(response.status, 200);
  return Buffer.from(await response.arrayBuffer());
}

function webviewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputWebview);
}

describe('Invoice summary, downloads and copying in the extension host', function () {
  this.timeout(60_000);
  let api: TestApi;
  let fake: FakeDoApi;
  let restoreApiUrl: () => Promise<void>;
  let folder: string;
  let closed: InvoiceTarget;
  let preview: InvoiceTarget;

  before(async () => {
    fake = new FakeDoApi();
    restoreApiUrl = await useApiUrl(await fake.start());
    api = await extensionApi();
    await api.clearToken();
    assert.strictEqual(await api.setToken(FAKE_TOKEN), 'saved');
    const snapshot = await waitFor('invoices and the preview', () => api.state.snapshot.items.length > 0 && api.state.snapshot.preview && api.state.snapshot);
    closed = invoiceRow(snapshot.items[0], false);
    preview = invoiceRow(snapshot.preview!, true);
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'doi-files-'));
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await api.clearToken();
    await restoreApiUrl();
    await fake.close();
    await fs.rm(folder, { recursive: true, force: true });
  });

  beforeEach(() => fake.reset());

  for (const format of ['pdf', 'csv'] as const) {
    it(`Download Invoice ${format.toUpperCase()} writes exactly the API's bytes, and nothing else`, async () => {
      const target = vscode.Uri.file(path.join(folder, `invoice.${format}`));
      const command = format === 'pdf' ? 'digitaloceanInvoices.downloadInvoicePdf' : 'digitaloceanInvoices.downloadInvoiceCsv';
      const saved = await vscode.commands.executeCommand<vscode.Uri | undefined>(command, closed, target);
      assert.strictEqual(saved?.fsPath, target.fsPath);
      const expected = await served(fake, `${INVOICES}/${closed.invoice.invoiceUuid}/${format}`);
      assert.ok(expected.length > 0);
      assert.ok((await fs.readFile(target.fsPath)).equals(expected), 'the file holds the bytes as served');
      assert.deepStrictEqual((await fs.readdir(folder)).filter((name) => name.endsWith('.tmp')), [], 'no temporary file is left');
      assert.strictEqual(fake.requests.filter((request) => request.path.endsWith(`/${format}`)).length, 2, 'one download (and the check)');
    });
  }

  it('a failing download leaves no file, and keeps an existing one as it was', async () => {
    const pdfPath = `${INVOICES}/${closed.invoice.invoiceUuid}/pdf`;
    const tempFiles = async () => (await fs.readdir(folder)).filter((name) => name.endsWith('.tmp'));
    fake.addFault({ kind: 'truncated', path: pdfPath });
    const fresh = vscode.Uri.file(path.join(folder, 'fresh.pdf'));
    assert.strictEqual(await vscode.commands.executeCommand('digitaloceanInvoices.downloadInvoicePdf', closed, fresh), undefined);
    await assert.rejects(fs.stat(fresh.fsPath), /ENOENT/, 'a PDF cut short is not saved');
    assert.ok(api.logger.recentLines.some((line) => line.includes('Could not download the invoice PDF') && line.includes('incomplete')));

    fake.clearFaults();
    fake.addFault({ kind: 'status', status: 404, path: pdfPath });
    const existing = vscode.Uri.file(path.join(folder, 'existing.pdf'));
    await fs.writeFile(existing.fsPath, 'previous content');
    assert.strictEqual(await vscode.commands.executeCommand('digitaloceanInvoices.downloadInvoicePdf', closed, existing), undefined);
    assert.strictEqual(await fs.readFile(existing.fsPath, 'utf8'), 'previous content');

    fake.clearFaults();
    const unwritable = vscode.Uri.file(path.join(folder, 'no-such-folder', 'invoice.csv'));
    assert.strictEqual(await vscode.commands.executeCommand('digitaloceanInvoices.downloadInvoiceCsv', closed, unwritable), undefined);
    await assert.rejects(fs.stat(path.dirname(unwritable.fsPath)), /ENOENT/);
    assert.ok(api.logger.recentLines.some((line) => line.includes('Could not save')), 'the save failure is reported');
    assert.deepStrictEqual(await tempFiles(), [], 'no temporary file is left');
  });

  it('does not download a PDF or CSV of the month in progress', async () => {
    const target = vscode.Uri.file(path.join(folder, 'preview.csv'));
    assert.strictEqual(await vscode.commands.executeCommand('digitaloceanInvoices.downloadInvoiceCsv', preview, target), undefined);
    await assert.rejects(fs.stat(target.fsPath), /ENOENT/);
    assert.strictEqual(fake.requests.length, 0);
  });

  it('Show Invoice Summary opens a titled webview with the summary', async () => {
    const panel = await vscode.commands.executeCommand<vscode.WebviewPanel | undefined>('digitaloceanInvoices.showInvoiceSummary', closed);
    const title = `Invoice ${formatPeriod(closed.invoice.period, 'en')}`;
    assert.ok(panel, 'the command returns its panel');
    assert.strictEqual(panel.title, title);
    await waitFor(`a tab "${title}"`, () => webviewTabs().some((tab) => tab.label === title), { detail: () => webviewTabs().map((tab) => tab.label) });
    const expected = fake.data.invoices.find((invoice) => invoice.invoice_uuid === closed.invoice.invoiceUuid)!;
    const html = panel.webview.html;
    assert.ok(html.includes(fake.data.account.user_email));
    assert.ok(html.includes(`<td class="amount">${formatAmount(expected.amount, 'en')}</td>`), 'the total');
    assert.match(html, /default-src 'none'/);
    assert.deepStrictEqual(fake.requests.map((request) => request.path), [`${INVOICES}/${closed.invoice.invoiceUuid}/summary`]);

    const again = await vscode.commands.executeCommand<vscode.WebviewPanel>('digitaloceanInvoices.showInvoiceSummary', closed);
    assert.strictEqual(again, panel, 'the same invoice reuses its panel');
    assert.strictEqual(webviewTabs().filter((tab) => tab.label === title).length, 1);
  });

  it('Show Invoice Summary works for the month in progress', async () => {
    const panel = await vscode.commands.executeCommand<vscode.WebviewPanel | undefined>('digitaloceanInvoices.showInvoiceSummary', preview);
    const title = `Invoice Preview ${formatPeriod(preview.invoice.period, 'en')}`;
    assert.strictEqual(panel?.title, title);
    await waitFor(`a tab "${title}"`, () => webviewTabs().some((tab) => tab.label === title));
    assert.match(panel.webview.html, /month to date/);
    assert.ok(!panel.webview.html.includes('data-command'), 'no downloads offered for the preview');
  });

  it('Copy Invoice ID and Copy Invoice UUID put them on the clipboard', async () => {
    await vscode.commands.executeCommand('digitaloceanInvoices.copyInvoiceId', closed);
    assert.strictEqual(await vscode.env.clipboard.readText(), closed.invoice.invoiceId);
    await vscode.commands.executeCommand('digitaloceanInvoices.copyInvoiceUuid', preview);
    assert.strictEqual(await vscode.env.clipboard.readText(), preview.invoice.invoiceUuid);
  });

  it('takes the node the invoices view passes to its context menu', async () => {
    const row = (await rows(api)).find((candidate) => candidate.item.contextValue === 'invoice');
    assert.ok(row, 'a closed invoice row');
    await vscode.commands.executeCommand('digitaloceanInvoices.copyInvoiceUuid', row.node);
    assert.strictEqual(await vscode.env.clipboard.readText(), (row.node as InvoiceTarget).invoice.invoiceUuid);
  });

  it('from the Command Palette, asks which loaded invoice (the month in progress first)', async () => {
    await vscode.env.clipboard.writeText('');
    let settled = false;
    const copied = vscode.commands.executeCommand<string | undefined>('digitaloceanInvoices.copyInvoiceId');
    void copied.then(() => (settled = true));
    // Accepting does nothing until the quick pick is open.
    await waitFor('the quick pick to take its first item', async () => {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await new Promise((resolve) => setTimeout(resolve, 50));
      return settled;
    });
    assert.strictEqual(await copied, preview.invoice.invoiceId);
    assert.strictEqual(await vscode.env.clipboard.readText(), preview.invoice.invoiceId);
  });
});
