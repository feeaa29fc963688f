import * as assert from 'assert';
import { DownloadHost, downloadActions } from '../../../src/invoices/downloadActions';

const desktop: DownloadHost = { ui: 'desktop', remoteName: undefined, scheme: 'file', inWorkspace: false };

describe('actions offered after a download', () => {
  it('in a local desktop window: the PDF opens in the system viewer, the CSV in an editor, both revealed in the file manager', () => {
    assert.deepStrictEqual(downloadActions('pdf', desktop), ['openWithSystem', 'revealInOS']);
    assert.deepStrictEqual(downloadActions('csv', desktop), ['openInEditor', 'revealInOS']);
    assert.deepStrictEqual(downloadActions('pdf', { ...desktop, inWorkspace: true }), ['openWithSystem', 'revealInOS'], 'the file manager, as before');
  });

  for (const [where, host] of [
    ['a browser (the VS Code server\'s workbench)', { ui: 'web', remoteName: '127.0.0.1:8000', scheme: 'file' }],
    ['a browser without a remote (vscode.dev)', { ui: 'web', remoteName: undefined, scheme: 'vscode-vfs' }],
    ['a remote desktop window (SSH)', { ui: 'desktop', remoteName: 'ssh-remote', scheme: 'file' }],
  ] as const) {
    it(`in ${where}: never the file manager or the system viewer; the Explorer for a file of the workspace`, () => {
      assert.deepStrictEqual(downloadActions('pdf', { ...host, inWorkspace: false }), [], 'a PDF outside the workspace: nothing that would fail');
      assert.deepStrictEqual(downloadActions('csv', { ...host, inWorkspace: false }), ['openInEditor']);
      assert.deepStrictEqual(downloadActions('pdf', { ...host, inWorkspace: true }), ['revealInExplorer']);
      assert.deepStrictEqual(downloadActions('csv', { ...host, inWorkspace: true }), ['openInEditor', 'revealInExplorer']);
    });
  }

  it('in a local desktop window, a file on another file system is not handed to the operating system', () => {
    const virtual = { ...desktop, scheme: 'vscode-vfs' };
    assert.deepStrictEqual(downloadActions('pdf', virtual), []);
    assert.deepStrictEqual(downloadActions('csv', { ...virtual, inWorkspace: true }), ['openInEditor', 'revealInExplorer']);
  });
});
