// Runs the Playwright UI tests (out/test/ui/**/*.test.js) with mocha in this Node process.
// Each test file starts its own fake API, VS Code server and workbench through
// test/ui/fixture.ts. Expects `dist/` and `out/` built.
// Usage: node out/test/host/run-ui.js [files...]   (DOI_UI_TIMEOUT_MS, default 15 min)
import * as fs from 'fs';
import Mocha from 'mocha';
import * as path from 'path';
import { closeAllWorkbenches } from '../ui/fixture';
import { Cleanup } from './cleanup';
import { findTestFiles, formatCounts, TestCounts, writeCountsFile } from './mocha-report';
import { outDir, projectRoot } from './paths';
import { HarnessError, runMain, secondsSince } from './proc';
import { recordDurations } from './test-durations';

const DEFAULT_TIMEOUT_MS = 15 * 60 * 1000;
const uiOutDir = path.join(outDir, 'test', 'ui');

export async function runUi(only: string[] = []): Promise<number> {
  const timeoutMs = Number(process.env.DOI_UI_TIMEOUT_MS) || DEFAULT_TIMEOUT_MS;
  if (!fs.existsSync(path.join(projectRoot, 'dist', 'extension.js'))) {
    throw new HarnessError('Missing dist/extension.js: run "npm run build" first.');
  }
  const files = only.length > 0 ? only.map((file) => path.resolve(file)) : findTestFiles(uiOutDir);
  if (files.length === 0) {
    throw new HarnessError(`No UI tests found (${path.relative(projectRoot, uiOutDir)}/**/*.test.js): run "npx tsc -p ." first.`);
  }

  const cleanup = new Cleanup();
  cleanup.add('the UI test workbenches', closeAllWorkbenches);
  const removeSignalHandlers = cleanup.onSignals();
  const started = Date.now();
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: process.stdout.isTTY, reporter: 'spec' });
  files.forEach((file) => mocha.addFile(file));
  let timer: NodeJS.Timeout | undefined;
  try {
    const counts = await new Promise<TestCounts>((resolve) => {
      const runner = mocha.run((failures) =>
        resolve({ passed: runner.stats?.passes ?? 0, failed: failures, pending: runner.stats?.pending ?? 0 }),
      );
      recordDurations(runner);
      timer = setTimeout(() => {
        console.log(`[host] UI tests did not finish within ${timeoutMs / 1000} s: stopping.`);
        runner.abort();
        void closeAllWorkbenches();
        // An aborted run may never call back: count what ran, plus the timeout as a failure.
        const stats = runner.stats;
        resolve({ passed: stats?.passes ?? 0, failed: (stats?.failures ?? 0) + 1, pending: stats?.pending ?? 0 });
      }, timeoutMs);
    });
    writeCountsFile(counts);
    console.log(`[host] UI tests: ${formatCounts(counts)} in ${secondsSince(started)}`);
    return counts.failed > 0 ? 1 : 0;
  } finally {
    clearTimeout(timer);
    await cleanup.run();
    removeSignalHandlers();
  }
}

if (require.main === module) {
  runMain(() => runUi(process.argv.slice(2)));
}
