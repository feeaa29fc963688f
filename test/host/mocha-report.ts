// How test counts travel from a mocha run to test/run-all.ts, and how runners find test
// files. Loaded in the extension host too (by test/integration/index.ts), so it must stay free
// of heavy imports.
import * as fs from 'fs';
import * as path from 'path';

export interface TestCounts {
  passed: number;
  failed: number;
  pending: number;
}

/** When set, a stage writes its TestCounts as JSON to this file. */
export const COUNTS_FILE_ENV = 'DOI_TEST_COUNTS_FILE';
/** Marks the mocha reporter's own lines among the extension host's log lines. */
export const MOCHA_LINE_PREFIX = '[mocha] ';
/** Marks the one line that carries the counts as JSON. */
export const COUNTS_LINE_PREFIX = '[mocha-counts] ';

export function countsLine(counts: TestCounts): string {
  return COUNTS_LINE_PREFIX + JSON.stringify(counts);
}

function asCounts(value: unknown): TestCounts | undefined {
  const record = value as Partial<Record<keyof TestCounts, unknown>> | null;
  if (record && typeof record.passed === 'number' && typeof record.failed === 'number') {
    return { passed: record.passed, failed: record.failed, pending: Number(record.pending ?? 0) };
  }
  return undefined;
}

export function parseCountsLine(line: string): TestCounts | undefined {
  if (!line.startsWith(COUNTS_LINE_PREFIX)) {
    return undefined;
  }
  try {
    return asCounts(JSON.parse(line.slice(COUNTS_LINE_PREFIX.length)));
  } catch {
    return undefined;
  }
}

/** Writes the counts to the file named by COUNTS_FILE_ENV, if any. */
export function writeCountsFile(counts: TestCounts): void {
  const file = process.env[COUNTS_FILE_ENV];
  if (file) {
    fs.writeFileSync(file, JSON.stringify(counts) + '\n');
  }
}

export function readCountsFile(file: string): TestCounts | undefined {
  try {
    return asCounts(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch {
    return undefined;
  }
}

export function formatCounts(counts: TestCounts): string {
  return `${counts.passed} passed, ${counts.failed} failed` + (counts.pending ? ` (${counts.pending} pending)` : '');
}

/** Every `*.test.js` below `dir`, sorted ([] when `dir` does not exist). */
export function findTestFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) {
    return [];
  }
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? findTestFiles(full) : entry.name.endsWith('.test.js') ? [full] : [];
    })
    .sort();
}
