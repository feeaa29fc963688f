// Smoke test: the extension is there, activates and registers its commands.
import * as assert from 'assert';
import * as vscode from 'vscode';

const EXTENSION_ID = 'doinvoices.digitalocean-invoices';
const COMMANDS = [
  'digitaloceanInvoices.refresh',
  'digitaloceanInvoices.setToken',
  'digitaloceanInvoices.clearToken',
  'digitaloceanInvoices.loadMore',
];

// Read when mocha loads the files, before any test of any file changes the setting.
const apiUrlAtStart = vscode.workspace.getConfiguration('digitaloceanInvoices').get<string>('apiUrl');

describe('Extension activation', () => {
  it('is installed and activates', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed`);
    await extension.activate();
    assert.strictEqual(extension.isActive, true);
  });

  it('registers its commands', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = COMMANDS.filter((id) => !registered.has(id));
    assert.deepStrictEqual(missing, [], `commands not registered: ${missing.join(', ')}`);
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
