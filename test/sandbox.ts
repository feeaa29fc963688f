// `npm start`: the extension in a real VS Code (the VS Code server's browser workbench) against
// the fake DigitalOcean API, for trying it by hand. Builds the extension, installs the server
// if needed, starts it as sandbox-server.ts says (signed in through DIGITALOCEAN_ACCESS_TOKEN,
// dialogs shown, secrets kept over reloads) and prints the URL to open; Ctrl-C stops everything.
// DOI_SANDBOX_PORT picks the port to open (default: a free one).
import { spawn } from 'child_process';
import { FakeDoApi } from './fake-api/server';
import { Cleanup } from './host/cleanup';
import { ensureVscodeServer } from './host/install-vscode-server';
import { projectRoot } from './host/paths';
import { HarnessError, runMain, secondsSince } from './host/proc';
import { SANDBOX_PASTE_TOKEN, sandboxFakeApiOptions, sandboxServerOptions } from './host/sandbox-server';
import { startVscodeServer } from './host/vscode-server';
import { workbenchUrl } from './host/workbench';

function build(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['esbuild.js'], { cwd: projectRoot, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new HarnessError(`The build (node esbuild.js) failed with exit code ${code}.`)),
    );
  });
}

async function main(): Promise<number> {
  const started = Date.now();
  console.log('[sandbox] building the extension (node esbuild.js)...');
  await build();
  await ensureVscodeServer();

  const cleanup = new Cleanup();
  cleanup.onSignals();
  try {
    const api = new FakeDoApi(sandboxFakeApiOptions());
    const apiUrl = await api.start();
    cleanup.add('the fake DigitalOcean API', () => api.close());
    const server = await startVscodeServer(sandboxServerOptions(apiUrl, {
      label: 'sandbox',
      port: Number(process.env.DOI_SANDBOX_PORT) || undefined,
    }));
    cleanup.add('the VS Code server', server.stop);
    const url = workbenchUrl({ serverUrl: server.url, folder: server.workspaceDir, extensionDevelopmentPath: projectRoot });
    const rule = '-'.repeat(Math.min(url.length + 4, 100));
    console.log(
      [
        '',
        rule,
        `  Ready in ${secondsSince(started)}. Open this URL in a browser:`,
        '',
        `  ${url}`,
        rule,
        '',
        'The DigitalOcean view shows the sandbox account\'s data at once: its token is in',
        'DIGITALOCEAN_ACCESS_TOKEN, so it is the read-only "Environment" account (Switch Account lists it).',
        'To try setting a token, run "DigitalOcean Invoices: Set API Token" (or Add Account) and paste',
        `  ${SANDBOX_PASTE_TOKEN}`,
        'Tokens set here are kept over "Developer: Reload Window".',
        '',
        `Fake DigitalOcean API: ${apiUrl} (set as digitaloceanInvoices.apiUrl)`,
        `Server log: ${server.logFile}`,
        'After a rebuild (npm run build, or npm run watch in another terminal), run "Developer: Reload Window".',
        'Ctrl-C stops everything.',
        '',
      ].join('\n'),
    );
    await server.exited;
    if (!cleanup.stopping) {
      console.error(`[sandbox] the VS Code server exited (log: ${server.logFile}).`);
    }
    return 1;
  } finally {
    await cleanup.run();
  }
}

runMain(main);
