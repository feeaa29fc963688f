import { MAX_INSIGHTS_DAYS } from '../api/client';
import { addDays, daysBetween, requireDayNumber } from '../api/days';

/** Days from `start` to `end` (YYYY-MM-DD, UTC), both included. */
export interface DayRange {
  readonly start: string;
  readonly end: string;
}

/** DigitalOcean's daily data starts on this day; there is nothing to ask for before it. */
export const INSIGHTS_FIRST_DAY = '2025-12-01';

export function dayCount(range: DayRange): number {
  return daysBetween(range.start, range.end) + 1;
}

/**
 * Splits a range into consecutive windows of at most `maxDays` days each (the last one may be
 * shorter), in day order. Windows are counted in days, not months: 90 days are 3 windows
 * (31 + 31 + 28) wherever they start, across month and year ends and leap days alike.
 */
export function splitIntoWindows(range: DayRange, maxDays = MAX_INSIGHTS_DAYS): DayRange[] {
  if (!Number.isInteger(maxDays) || maxDays < 1) {
    throw new RangeError(`maxDays must be a positive integer, got ${maxDays}`);
  }
  const total = requireDayNumber(range.end) - requireDayNumber(range.start) + 1;
  const windows: DayRange[] = [];
  for (let offset = 0; offset < total; offset += maxDays) {
    const start = addDays(range.start, offset);
    windows.push({ start, end: addDays(start, Math.min(maxDays, total - offset) - 1) });
  }
  return windows;
}

/**
 * The part of `range` DigitalOcean has daily data for, and the days before it that it has none
 * for (to be said, not asked for). Either may be undefined.
 */
export function withinInsightsData(range: DayRange, firstDay = INSIGHTS_FIRST_DAY): { withData?: DayRange; beforeData?: DayRange } {
  if (range.end < firstDay) {
    return { beforeData: range };
  }
  if (range.start >= firstDay) {
    return { withData: range };
  }
  return { withData: { start: firstDay, end: range.end }, beforeData: { start: range.start, end: addDays(firstDay, -1) } };
}

/** The `days` days ending with `lastDay`. */
export function lastDays(lastDay: string, days: number): DayRange {
  return { start: addDays(lastDay, -(days - 1)), end: lastDay };
}
