// The benchmark's table and verdict: one row per figure, value against its limit; a row with a
// target is met when its ratio (of medians, for timings) is at most the target.
import type { Spread } from './samples';

export interface Row {
  readonly figure: string;
  readonly value: string;
  readonly limit: string;
  /** value ÷ limit (medians for timings); undefined when the figure could not be measured. */
  readonly ratio?: number;
  /** The ratio asked for at most; undefined when the row is for information. */
  readonly target?: number;
  /** Why the figure is missing. */
  readonly error?: string;
}

/** Milliseconds with the digits that matter at their size. */
export function ms(value: number): string {
  const digits = value >= 10 ? 0 : value >= 1 ? 1 : 3;
  return `${value.toFixed(digits)} ms`;
}

/** "110 ms [104–131]": the median, then the min and max. */
export function timing(samples: Spread): string {
  const bare = (value: number) => ms(value).replace(/ ms$/, '');
  return `${ms(samples.median)} [${bare(samples.min)}–${bare(samples.max)}]`;
}

export function isMissed(row: Row): boolean {
  return row.target !== undefined && (row.ratio === undefined || row.ratio > row.target);
}

function verdictCell(row: Row): string {
  if (row.target === undefined) {
    return '(info)';
  }
  if (row.ratio === undefined) {
    return 'NOT MEASURED';
  }
  return row.ratio <= row.target ? `yes (≤ ${row.target}×)` : `NO (> ${row.target}×)`;
}

export function tableLines(rows: readonly Row[]): string[] {
  const header = ['figure', 'value', 'limit', 'ratio', 'target met?'];
  const cells = rows.map((row) => [row.figure, row.value, row.limit, row.ratio === undefined ? '—' : `${row.ratio.toFixed(2)}×`, verdictCell(row)]);
  const widths = header.map((title, i) => Math.max(title.length, ...cells.map((cells) => cells[i].length)));
  const line = (row: string[]) => `| ${row.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...cells.map(line)];
}

/** What the run ends with: each missed target or missing figure on a line of its own. */
export function verdictLines(rows: readonly Row[]): string[] {
  const missed = rows.filter(isMissed);
  if (missed.length === 0) {
    return ['Every target met.'];
  }
  return missed.map((row) =>
    row.ratio === undefined
      ? `Not measured: ${row.figure}: ${row.error ?? 'no value'}`
      : `Target missed: ${row.figure}: ${row.ratio.toFixed(2)}× > ${row.target}× (${row.value} against ${row.limit})`,
  );
}
