// VS Code desktop (Electron) run of the compiled integration suite through @vscode/test-cli:
//   npm run test:desktop
// It downloads VS Code 1.100.3 (the floor of engines.vscode, and the version the browser host
// runs), so it works where VS Code can be downloaded, not offline; on Linux run it under Xvfb.
// Not part of `npm test`, which runs the same suite in the VS Code server's browser workbench
// (test/host/run-integration.ts).
//
// As in the browser host, the suite gets a fake DigitalOcean API: started here (test-cli exits
// this process when the run ends), named in the user setting digitaloceanInvoices.apiUrl of a
// fresh profile and in the extension host's environment as DO_FAKE_API_URL.
import { defineConfig } from '@vscode/test-cli';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.dirname(fileURLToPath(import.meta.url));
const profileDir = path.join(root, '.vscode-test', 'desktop-profile');
const userDataDir = path.join(profileDir, 'user-data');
const workspaceDir = path.join(profileDir, 'workspace');

// Compiled by `tsc`, which test:desktop runs first.
const { FakeDoApi } = require('./out/test/fake-api/server.js');
const { BASE_SETTINGS } = require('./out/test/host/vscode-server.js');

const api = new FakeDoApi();
const apiUrl = await api.start();
fs.rmSync(profileDir, { recursive: true, force: true });
fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
fs.mkdirSync(workspaceDir, { recursive: true });
fs.writeFileSync(
  path.join(userDataDir, 'User', 'settings.json'),
  JSON.stringify({ ...BASE_SETTINGS, 'digitaloceanInvoices.apiUrl': apiUrl }, null, 2) + '\n',
);

export default defineConfig({
  label: 'integration',
  files: 'out/test/integration/**/*.test.js',
  version: '1.100.3',
  workspaceFolder: workspaceDir,
  launchArgs: ['--user-data-dir', userDataDir, '--disable-extensions', '--disable-workspace-trust'],
  env: { DO_FAKE_API_URL: apiUrl },
  mocha: { ui: 'bdd', timeout: 30_000, color: true },
});
