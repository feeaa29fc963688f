// What is offered after a download, decided from the real window's vscode.env: in the browser
// workbench (where this suite runs by default) never the operating system's file manager or
// PDF viewer, which do not exist there, but the Explorer for a file of the workspace; in a
// local desktop window (npm run test:desktop) those of the operating system.
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { invoiceRow } from '../../src/invoices/invoiceNodes';
import { useFakeApiSession, waitFor } from './support';

describe('Actions offered after a download in this window', function () {
  this.timeout(60_000);
  const session = useFakeApiSession();
  let outside: string;
  const created: string[] = [];

  before(async () => {
    outside = await fs.mkdtemp(path.join(os.tmpdir(), 'doi-offer-'));
  });
  after(async () => {
    await vscode.commands.executeCommand('notifications.clearAll');
    await fs.rm(outside, { recursive: true, force: true });
    await Promise.all(created.map((file) => fs.rm(file, { force: true })));
  });

  /** Downloads the newest closed invoice to `file` and returns what the extension offered for it. */
  async function offeredFor(format: 'pdf' | 'csv', file: string): Promise<string> {
    const { api } = session;
    const invoice = await waitFor('a closed invoice', () => api.state.snapshot.items[0]);
    const command = format === 'pdf' ? 'digitaloceanInvoices.downloadInvoicePdf' : 'digitaloceanInvoices.downloadInvoiceCsv';
    const saved = await vscode.commands.executeCommand<vscode.Uri | undefined>(command, invoiceRow(invoice, false), vscode.Uri.file(file));
    assert.strictEqual(saved?.fsPath, file);
    const prefix = `Offered for ${path.basename(file)}: `;
    const line = await waitFor(`the offer for ${path.basename(file)}`, () => api.logger.recentLines.find((entry) => entry.includes(prefix)));
    return line.slice(line.indexOf(prefix) + prefix.length);
  }

  const inBrowser = vscode.env.uiKind === vscode.UIKind.Web;
  const inWorkspace = (name: string) => {
    const file = path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, name);
    created.push(file);
    return file;
  };

  it('runs with a folder open, in the browser workbench or a local desktop window', () => {
    assert.ok(vscode.workspace.workspaceFolders?.length, 'a folder is open');
    assert.ok(inBrowser || vscode.env.remoteName === undefined, `remote: ${vscode.env.remoteName}`);
  });

  it(`offers Open and Reveal in ${inBrowser ? 'Explorer' : 'the file manager'} for a CSV saved in the workspace`, async () => {
    assert.strictEqual(await offeredFor('csv', inWorkspace('offer-invoice.csv')), inBrowser ? 'openInEditor, revealInExplorer.' : 'openInEditor, revealInOS.');
  });

  it(`offers ${inBrowser ? 'only Reveal in Explorer' : 'Open and Reveal in the file manager'} for a PDF saved in the workspace`, async () => {
    assert.strictEqual(await offeredFor('pdf', inWorkspace('offer-invoice.pdf')), inBrowser ? 'revealInExplorer.' : 'openWithSystem, revealInOS.');
  });

  it(`offers ${inBrowser ? 'nothing for a PDF and only Open for a CSV' : 'the same'} outside the workspace`, async () => {
    assert.strictEqual(await offeredFor('pdf', path.join(outside, 'elsewhere.pdf')), inBrowser ? 'nothing.' : 'openWithSystem, revealInOS.');
    assert.strictEqual(await offeredFor('csv', path.join(outside, 'elsewhere.csv')), inBrowser ? 'openInEditor.' : 'openInEditor, revealInOS.');
  });
});
