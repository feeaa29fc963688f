// Smoke test: the extension is there, activates and registers its commands.
import * as assert from 'assert';
import * as vscode from 'vscode';

const EXTENSION_ID = 'doinvoices.digitalocean-invoices';

// Read when mocha loads the files, before any test of any file changes the setting.
const apiUrlAtStart = vscode.workspace.getConfiguration('digitaloceanInvoices').get<string>('apiUrl');

describe('Extension activation', () => {
  it('is installed and activates', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed`);
    await extension.activate();
    assert.strictEqual(extension.isActive, true);
  });

  it('registers every command it contributes, and no other of its own', async () => {
    const contributed: string[] = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.commands.map((command: { command: string }) => command.command);
    const registered = (await vscode.commands.getCommands(true)).filter((id) => id.startsWith('digitaloceanInvoices.') && !id.startsWith('digitaloceanInvoices.invoices.') && !id.startsWith('digitaloceanInvoices.billingHistory.'));
    assert.ok(contributed.length >= 21, `${contributed.length} commands contributed`);
    assert.deepStrictEqual(contributed.filter((id) => !registered.includes(id)), [], 'contributed but not registered');
    assert.deepStrictEqual(registered.filter((id) => !contributed.includes(id)), [], 'registered but not contributed');
  });

  it('points at the fake API given by the test host', function () {
    const fakeApiUrl = process.env.DO_FAKE_API_URL;
    if (!fakeApiUrl) {
      // Only the browser host (test/host/run-integration.ts) starts a fake API.
      this.skip();
    }
    assert.strictEqual(apiUrlAtStart, fakeApiUrl);
  });
});
