// How test/run-all.ts judges one stage from its exit code and, for a mocha stage, the counts it
// reported. Pure, so test/unit/host/stage-result.test.ts can try every case.
import type { TestCounts } from './mocha-report';

export interface StageVerdict {
  status: 'passed' | 'failed';
  counts: TestCounts;
  note?: string;
}

/**
 * A stage passes when it exits with 0 and, if it is a mocha stage (`counted`), reported counts
 * with at least one test run and none failed. A stage that ran no test fails: a renamed
 * `describe` that a grep no longer matches must not look like a green suite.
 */
export function judgeStage(counted: boolean, code: number, reported: TestCounts | undefined): StageVerdict {
  const verdict = (counts: TestCounts, note?: string): StageVerdict => ({
    status: code === 0 && counts.failed === 0 ? 'passed' : 'failed',
    counts,
    ...(note ? { note } : {}),
  });
  if (!counted) {
    return code === 0 ? verdict({ passed: 0, failed: 0, pending: 0 }) : verdict({ passed: 0, failed: 1, pending: 0 }, `exit code ${code}`);
  }
  if (!reported) {
    return code === 0
      ? verdict({ passed: 0, failed: 1, pending: 0 }, 'reported no test counts')
      : verdict({ passed: 0, failed: 1, pending: 0 }, `exit code ${code} before reporting test counts`);
  }
  const counts = { ...reported };
  if (counts.passed + counts.failed === 0) {
    counts.failed = 1;
    return { status: 'failed', counts, note: counts.pending > 0 ? `ran no tests (${counts.pending} pending)` : 'ran no tests' };
  }
  if (code !== 0 && counts.failed === 0) {
    counts.failed = 1;
    return verdict(counts, `exit code ${code} with no failed test`);
  }
  return verdict(counts);
}
