import { ListStatus } from '../paging/pagedList';
import { l10n } from '../util/l10n';
import { centsToDecimal, parseCents } from '../util/money';
import { formatDateTime, formatPeriod } from '../util/period';

/** The lines given, without the empty ones. */
export function lines(...parts: readonly (string | undefined | false)[]): string {
  return parts.filter((part): part is string => typeof part === 'string' && part !== '').join('\n');
}

export function bullet(text: string): string {
  return `- ${text}`;
}

/** "May 2024 (2024-05)": the month as the views show it, with the raw period a model can pass back. */
export function monthLabel(period: string, locale: string): string {
  const shown = formatPeriod(period, locale);
  return shown === period ? period : `${shown} (${period})`;
}

export interface ExactSum {
  readonly cents: bigint;
  /** Amounts that are not decimal numbers, left out of `cents`. */
  readonly unreadable: number;
}

/** The exact sum of decimal amounts, never through floats. */
export function exactSum(amounts: Iterable<string>): ExactSum {
  let cents = 0n;
  let unreadable = 0;
  for (const amount of amounts) {
    const value = parseCents(amount);
    if (value === undefined) {
      unreadable++;
    } else {
      cents += value;
    }
  }
  return { cents, unreadable };
}

export function decimal(sum: ExactSum): string {
  return centsToDecimal(sum.cents);
}

export function unreadableNote(count: number): string | undefined {
  return count === 0 ? undefined : count === 1
    ? l10n.t('1 amount is not a number and is left out of the sums.')
    : l10n.t('{0} amounts are not numbers and are left out of the sums.', count);
}

/** What the view would show beside the data: cached data not refreshed yet, and why the last load failed. */
export function listNotes(read: { readonly snapshot: ListStatus; readonly problem?: string }, locale: string): string[] {
  const notes: string[] = [];
  if (read.problem) {
    notes.push(l10n.t('Note: {0}', read.problem));
  }
  const fetched = formatDateTime(read.snapshot.fetchedAt, locale);
  if (read.snapshot.stale && fetched) {
    notes.push(l10n.t('Fetched {0} (cached, not refreshed yet)', fetched));
  }
  return notes;
}
