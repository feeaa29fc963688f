// mocha's spec reporter that also writes the run's counts to the file named by
// DOI_TEST_COUNTS_FILE, and its tests' durations to DOI_TEST_DURATIONS_FILE.
// Usage: mocha --reporter out/test/host/counts-reporter.js
import Mocha from 'mocha';
import { writeCountsFile } from './mocha-report';
import { recordDurations } from './test-durations';

class CountsReporter extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    recordDurations(runner);
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const stats = runner.stats;
      writeCountsFile({ passed: stats?.passes ?? 0, failed: stats?.failures ?? 0, pending: stats?.pending ?? 0 });
    });
  }
}

export = CountsReporter;
