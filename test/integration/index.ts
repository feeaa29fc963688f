// The integration suite's entry point, loaded by VS Code's extension host as the
// extensionTestsPath (by test/host/run-integration.ts, and by the "Extension Tests" launch
// configuration in VS Code desktop). Runs every out/test/integration/**/*.test.js with mocha in
// the extension host, where `vscode` is real.
import Mocha from 'mocha';
import * as util from 'util';
import { countsLine, findTestFiles, MOCHA_LINE_PREFIX } from '../host/mocha-report';
import { recordDurations } from '../host/test-durations';
import { mochaGlobalSetup, mochaGlobalTeardown } from './hostFakeApi';

export async function run(): Promise<void> {
  // The reporter's lines go through console.log, which the extension host forwards to the
  // workbench; the prefix tells them apart from everything else logged there.
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(MOCHA_LINE_PREFIX + util.format(...args));
  // DOI_TEST_GREP runs only the tests whose titles match (set it in the shell that starts the host).
  const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, color: false, reporter: 'spec', grep: process.env.DOI_TEST_GREP || undefined });
  for (const file of findTestFiles(__dirname)) {
    mocha.addFile(file);
  }
  await mochaGlobalSetup();
  try {
    await runMocha(mocha);
  } finally {
    await mochaGlobalTeardown();
  }
}

function runMocha(mocha: Mocha): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const stats = runner.stats;
        console.log(countsLine({ passed: stats?.passes ?? 0, failed: failures, pending: stats?.pending ?? 0 }));
        if (failures > 0) {
          reject(new Error(`${failures} integration test(s) failed.`));
        } else {
          resolve();
        }
      });
      recordDurations(runner);
    } catch (error) {
      reject(error);
    }
  });
}
