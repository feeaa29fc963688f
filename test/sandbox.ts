// `npm start`: the extension in a real VS Code (the VS Code server's browser workbench) against
// the fake DigitalOcean API, for trying it by hand. Builds the extension, installs the server
// if needed, prints the URL to open and the token to paste; Ctrl-C stops everything.
// DOI_SANDBOX_PORT picks the server's port (default: a free one).
import { spawn } from 'child_process';
import { FAKE_TOKEN, FakeDoApi } from './fake-api/server';
import { Cleanup } from './host/cleanup';
import { ensureVscodeServer } from './host/install-vscode-server';
import { projectRoot } from './host/paths';
import { HarnessError, runMain, secondsSince } from './host/proc';
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
    const api = new FakeDoApi();
    const apiUrl = await api.start();
    cleanup.add('the fake DigitalOcean API', () => api.close());
    const server = await startVscodeServer({
      label: 'sandbox',
      port: Number(process.env.DOI_SANDBOX_PORT) || undefined,
      settings: { 'digitaloceanInvoices.apiUrl': apiUrl },
      env: { DO_FAKE_API_URL: apiUrl },
    });
    cleanup.add('the VS Code server', server.stop);
    const url = workbenchUrl({ serverUrl: server.url, folder: server.workspaceDir, extensionDevelopmentPath: projectRoot });
    console.log(
      [
        '',
        `Ready in ${secondsSince(started)}. Open this URL in a browser:`,
        '',
        `  ${url}`,
        '',
        `Fake DigitalOcean API: ${apiUrl} (set as digitaloceanInvoices.apiUrl)`,
        `Token to paste into "DigitalOcean Invoices: Set API Token": ${FAKE_TOKEN}`,
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
