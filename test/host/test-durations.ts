// Every test's duration, recorded by each mocha stage of test/run-all.ts into one file (a JSON
// line per test), so the run can name its slowest tests. Loaded in the extension host too (by
// test/integration/index.ts): only light imports.
import * as fs from 'fs';
import type Mocha from 'mocha';
import * as path from 'path';

/** When set, a mocha run appends the durations of its tests to this file. */
export const DURATIONS_FILE_ENV = 'DOI_TEST_DURATIONS_FILE';
/** The name of the run-all stage a mocha run belongs to, recorded with each duration. */
export const STAGE_ENV = 'DOI_TEST_STAGE';

export interface TestDuration {
  readonly stage: string;
  /** mocha's full title: the describe titles and the test's. */
  readonly title: string;
  /** The test's source file relative to the project, e.g. test/ui/restart.test.ts. */
  readonly file?: string;
  readonly ms: number;
}

/** out/test/ui/restart.test.js → test/ui/restart.test.ts */
function sourceFile(compiled: string | undefined): string | undefined {
  if (!compiled) {
    return undefined;
  }
  const parts = compiled.split(path.sep);
  const out = parts.lastIndexOf('out');
  return out >= 0 ? parts.slice(out + 1).join('/').replace(/\.js$/, '.ts') : compiled;
}

/** Records the duration of every test that passes or fails in `runner`; written when the run ends. */
export function recordDurations(runner: Mocha.Runner): void {
  const file = process.env[DURATIONS_FILE_ENV];
  if (!file) {
    return;
  }
  const stage = process.env[STAGE_ENV] ?? 'tests';
  const durations: TestDuration[] = [];
  const record = (test: Mocha.Test) => {
    if (test.duration !== undefined) {
      durations.push({ stage, title: test.fullTitle(), file: sourceFile(test.file), ms: test.duration });
    }
  };
  runner.on('pass', record);
  // A failing hook is reported as a failure too; only tests are recorded.
  runner.on('fail', (runnable: Mocha.Runnable) => {
    if ((runnable as { type?: string }).type === 'test') {
      record(runnable as Mocha.Test);
    }
  });
  runner.once('end', () => {
    fs.appendFileSync(file, durations.map((entry) => JSON.stringify(entry) + '\n').join(''));
  });
}

export function readDurations(file: string): TestDuration[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return text.split('\n').filter(Boolean).flatMap((line) => {
    try {
      const entry = JSON.parse(line) as TestDuration;
      return typeof entry.ms === 'number' && typeof entry.title === 'string' ? [entry] : [];
    } catch {
      return [];
    }
  });
}

/** The `count` longest, longest first. */
export function slowest(durations: readonly TestDuration[], count: number): TestDuration[] {
  return [...durations].sort((a, b) => b.ms - a.ms).slice(0, count);
}

/** One line per test: seconds, stage, title and file. */
export function formatSlowest(durations: readonly TestDuration[]): string[] {
  return durations.map(
    (entry) => `  ${(entry.ms / 1000).toFixed(1).padStart(6)} s  ${entry.stage}: ${entry.title}${entry.file ? ` (${entry.file})` : ''}`,
  );
}
