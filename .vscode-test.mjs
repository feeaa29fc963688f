// VS Code desktop (Electron) run of the compiled integration suite through @vscode/test-cli:
//   npm run test:desktop
// It downloads VS Code 1.100.3 (the floor of engines.vscode, and the version the browser host
// runs), so it works where VS Code can be downloaded, not offline; on Linux run it under Xvfb.
// Not part of `npm test`, which runs the same suite in the VS Code server's browser workbench
// (test/host/run-integration.ts).
//
// The suite's fake DigitalOcean API is started in the extension host by
// out/test/integration/hostFakeApi.js (a mocha `require`: its mochaGlobalSetup runs before the
// test files load), not here: VS Code's debugger and the Extension Test Runner read this file
// with `vscode-test --list-configuration` in a process that ends at once, and a server started
// here would end with it.
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
const { BASE_SETTINGS } = require('./out/test/host/vscode-server.js');

fs.rmSync(profileDir, { recursive: true, force: true });
fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
fs.mkdirSync(workspaceDir, { recursive: true });
fs.writeFileSync(
  path.join(userDataDir, 'User', 'settings.json'),
  JSON.stringify(BASE_SETTINGS, null, 2) + '\n',
);

export default defineConfig({
  label: 'integration',
  files: 'out/test/integration/**/*.test.js',
  version: '1.100.3',
  workspaceFolder: workspaceDir,
  launchArgs: ['--user-data-dir', userDataDir, '--disable-extensions', '--disable-workspace-trust'],
  // An environment token would be an account the suite does not expect.
  env: { DIGITALOCEAN_ACCESS_TOKEN: '', DIGITALOCEAN_TOKEN: '' },
  mocha: { ui: 'bdd', timeout: 30_000, color: true, require: [path.join(root, 'out', 'test', 'integration', 'hostFakeApi.js')] },
});
