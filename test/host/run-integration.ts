// Runs the integration suite (out/test/integration/index.js) inside the extension host of a
// real VS Code server, driven from headless Chromium. Expects `dist/` and `out/` built.
// Usage: node out/test/host/run-integration.js   (DOI_INTEGRATION_TIMEOUT_MS, default 10 min)
// In German: DOI_DISPLAY_LANGUAGE=de DOI_TEST_GREP=German node out/test/host/run-integration.js
// Through a proxy: DOI_THROUGH_PROXY=1 node out/test/host/run-integration.js — http.proxy set, the
// default apiUrl served through it (see api-through-proxy.ts); only the suite for it runs.
//
// The suite reaches the fake DigitalOcean API through process.env.DO_FAKE_API_URL (set on the
// server process; the extension hosts it starts inherit its environment) and the extension
// through the user setting digitaloceanInvoices.apiUrl, which points at the same server.
import * as fs from 'fs';
import * as path from 'path';
import { FakeDoApi } from '../fake-api/server';
import { PROXY_SUITE_GREP, serveApiThroughProxy } from './api-through-proxy';
import { Cleanup } from './cleanup';
import {
  COUNTS_LINE_PREFIX,
  formatCounts,
  MOCHA_LINE_PREFIX,
  parseCountsLine,
  TestCounts,
  writeCountsFile,
} from './mocha-report';
import { outDir, projectRoot } from './paths';
import { HarnessError, pollUntil, runMain, secondsSince } from './proc';
import { startVscodeServer } from './vscode-server';
import { openWorkbench } from './workbench';

const DEFAULT_TIMEOUT_MS = 10 * 60 * 1000;
/** How long to wait, after the workbench reports the exit, for the counts line to arrive. */
const COUNTS_GRACE_MS = 10_000;
const testsIndex = path.join(outDir, 'test', 'integration', 'index.js');

export async function runIntegration(): Promise<number> {
  const timeoutMs = Number(process.env.DOI_INTEGRATION_TIMEOUT_MS) || DEFAULT_TIMEOUT_MS;
  for (const [file, hint] of [
    [path.join(projectRoot, 'dist', 'extension.js'), 'npm run build'],
    [testsIndex, 'npx tsc -p .'],
  ]) {
    if (!fs.existsSync(file)) {
      throw new HarnessError(`Missing ${path.relative(projectRoot, file)}: run "${hint}" first.`);
    }
  }

  const cleanup = new Cleanup();
  const removeSignalHandlers = cleanup.onSignals();
  const otherLines: string[] = [];
  let counts: TestCounts | undefined;
  let timer: NodeJS.Timeout | undefined;
  // Counts from here; each start-up step also has its own, shorter limit.
  const deadline = new Promise<{ error: string }>(
    (resolve) => (timer = setTimeout(() => resolve({ error: `the run did not finish within ${timeoutMs / 1000} s` }), timeoutMs)),
  );
  const started = Date.now();
  try {
    const api = new FakeDoApi();
    const apiUrl = await api.start();
    cleanup.add('the fake DigitalOcean API', () => api.close());
    console.log(`[host] fake DigitalOcean API on ${apiUrl}`);

    // Through the proxy the extension keeps its default apiUrl, which the proxy leads to the fake.
    const proxied = process.env.DOI_THROUGH_PROXY === '1' ? await serveApiThroughProxy(apiUrl) : undefined;
    if (proxied) {
      cleanup.add('the proxy and the TLS front', proxied.stop);
      console.log(`[host] the default API URL through the proxy at ${proxied.settings['http.proxy']}`);
    }
    const server = await startVscodeServer({
      label: proxied ? 'integration-proxy' : 'integration',
      settings: proxied?.settings ?? { 'digitaloceanInvoices.apiUrl': apiUrl },
      env: {
        DO_FAKE_API_URL: apiUrl,
        ...proxied?.env,
        // The other suites expect the fake's URL in apiUrl.
        ...(proxied ? { DOI_TEST_GREP: process.env.DOI_TEST_GREP || PROXY_SUITE_GREP } : {}),
      },
    });
    cleanup.add('the VS Code server', server.stop);
    console.log(`[host] VS Code server on ${server.url} answered after ${server.startSeconds.toFixed(1)} s`);

    const suiteStart = Date.now();
    const workbench = await openWorkbench({
      serverUrl: server.url,
      folder: server.workspaceDir,
      extensionDevelopmentPath: projectRoot,
      extensionTestsPath: testsIndex,
      displayLanguage: process.env.DOI_DISPLAY_LANGUAGE || undefined,
      onLog: (type, line) => {
        if (line.startsWith(MOCHA_LINE_PREFIX)) {
          console.log(line.slice(MOCHA_LINE_PREFIX.length));
        } else if (line.startsWith(COUNTS_LINE_PREFIX)) {
          counts = parseCountsLine(line);
        } else {
          otherLines.push(`[${type}] ${line}`);
        }
      },
    });
    cleanup.add('Chromium', workbench.close);
    workbench.page.on('pageerror', (error) => otherLines.push(`[pageerror] ${error.message}`));

    const outcome = await Promise.race([
      workbench.exitCode.then((code) => ({ code })),
      server.exited.then(() => ({ error: `the VS Code server exited during the run (log: ${server.logFile})` })),
      new Promise<{ error: string }>((resolve) => workbench.page.once('close', () => resolve({ error: 'the workbench page closed' }))),
      deadline,
    ]);
    clearTimeout(timer);

    if ('code' in outcome) {
      // The counts line is logged before the exit, but log lines and the exit travel separately.
      await pollUntil(async () => counts !== undefined, 'the counts line', COUNTS_GRACE_MS, 50).catch(() => undefined);
    }
    const code = 'code' in outcome ? outcome.code : 1;
    const problem = cleanup.stopping
      ? 'interrupted by a signal'
      : 'error' in outcome
        ? outcome.error
        : counts === undefined
          ? `the suite ended with exit code ${code} without reporting its counts (did run() fail before mocha ran?)`
          : code !== 0 && counts.failed === 0
            ? `the suite ended with exit code ${code}`
            : undefined;
    const final: TestCounts = counts ?? { passed: 0, failed: 0, pending: 0 };
    if (problem && final.failed === 0) {
      final.failed = 1;
    }
    if (final.failed > 0) {
      console.log(`[host] --- workbench log lines (${otherLines.length}) ---`);
      otherLines.slice(-300).forEach((line) => console.log(line));
      console.log(`[host] --- end of workbench log lines; server log: ${server.logFile} ---`);
    }
    if (problem) {
      console.log(`[host] integration suite failed: ${problem}`);
    }
    writeCountsFile(final);
    console.log(`[host] integration suite: ${formatCounts(final)} in ${secondsSince(suiteStart)} (total ${secondsSince(started)})`);
    return final.failed > 0 ? 1 : 0;
  } finally {
    clearTimeout(timer);
    await cleanup.run();
    removeSignalHandlers();
  }
}

if (require.main === module) {
  runMain(runIntegration);
}
