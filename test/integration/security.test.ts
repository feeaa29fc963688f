// Where the token may go: a workspace cannot redirect it (apiUrl is application-scoped and
// read from the user's settings only).
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/extension';
import { FAKE_TOKEN, FakeDoApi } from '../fake-api/server';
import { extensionApi, useApiUrl, waitFor } from './support';

describe('Security: apiUrl from a workspace', function () {
  this.timeout(60_000);
  let api: TestApi;
  let fake: FakeDoApi;
  /** Stands in for a host a malicious workspace would send the token to. */
  let foreign: FakeDoApi;
  let restoreApiUrl: () => Promise<void>;
  let settingsFile: vscode.Uri;

  before(async () => {
    fake = new FakeDoApi();
    foreign = new FakeDoApi();
    restoreApiUrl = await useApiUrl(await fake.start());
    await foreign.start();
    api = await extensionApi();
    assert.strictEqual(await api.setToken(FAKE_TOKEN), 'saved');
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the test host opens a folder');
    settingsFile = vscode.Uri.joinPath(folder.uri, '.vscode', 'settings.json');
  });

  after(async () => {
    await vscode.workspace.fs.delete(settingsFile, { useTrash: false }).then(undefined, () => undefined);
    await api.clearToken();
    await restoreApiUrl();
    await Promise.all([fake.close(), foreign.close()]);
  });

  it('ignores digitaloceanInvoices.apiUrl in the workspace settings', async () => {
    const content = JSON.stringify({ 'digitaloceanInvoices.apiUrl': foreign.url, 'digitaloceanInvoices.pageSize': 7 });
    await vscode.workspace.fs.writeFile(settingsFile, Buffer.from(content));
    // The window-scoped setting next to it shows the file has been read.
    await waitFor('the workspace settings to be read', () => vscode.workspace.getConfiguration('digitaloceanInvoices').get('pageSize') === 7);
    const inspected = vscode.workspace.getConfiguration('digitaloceanInvoices').inspect<string>('apiUrl');
    assert.notStrictEqual(inspected?.globalValue, foreign.url);

    // The page size change refreshes on its own; the refresh below must not just share that one.
    await waitFor('the refresh for the new page size', () => !api.state.snapshot.activity && !api.balance.snapshot.loading && !api.history.snapshot.activity);
    fake.clearRequests();
    await vscode.commands.executeCommand('digitaloceanInvoices.refresh');
    assert.ok(fake.requests.length > 0, 'the refresh went to the API of the user settings');
    assert.strictEqual(foreign.requests.length, 0, 'nothing went to the workspace\'s URL');
    assert.strictEqual(api.state.snapshot.error, undefined);
  });

  it('refuses writing apiUrl to the workspace settings', async () => {
    await assert.rejects(
      Promise.resolve(vscode.workspace.getConfiguration('digitaloceanInvoices').update('apiUrl', foreign.url, vscode.ConfigurationTarget.Workspace)),
    );
    assert.strictEqual(foreign.requests.length, 0);
  });
});
