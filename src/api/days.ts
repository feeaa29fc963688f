/**
 * Calendar days as the billing insights write them: 'YYYY-MM-DD', in UTC (DigitalOcean dates
 * billing in UTC). Arithmetic goes through day numbers (days since 1970-01-01), so month and
 * year ends and leap days need no special cases.
 */

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
export const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a real calendar day ('2025-02-29' is none); undefined otherwise. */
export function dayNumber(day: string): number | undefined {
  const match = DAY.exec(day);
  if (!match) {
    return undefined;
  }
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, date);
  const back = new Date(time);
  // Date.UTC rolls 02-30 over into March: a day that does not come back as written is none.
  return back.getUTCFullYear() === year && back.getUTCMonth() === month - 1 && back.getUTCDate() === date ? time / DAY_MS : undefined;
}

export function isDay(value: unknown): value is string {
  return typeof value === 'string' && dayNumber(value) !== undefined;
}

export function dayOfNumber(number: number): string {
  return new Date(number * DAY_MS).toISOString().slice(0, 10);
}

/** The UTC day of a moment. */
export function dayOf(time: number): string {
  return dayOfNumber(Math.floor(time / DAY_MS));
}

/** Throws on a malformed day: callers pass days they made or checked. */
export function requireDayNumber(day: string): number {
  const number = dayNumber(day);
  if (number === undefined) {
    throw new RangeError(`not a calendar day: ${JSON.stringify(day)}`);
  }
  return number;
}

export function addDays(day: string, days: number): string {
  return dayOfNumber(requireDayNumber(day) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return requireDayNumber(to) - requireDayNumber(from);
}

/** Every day from `start` to `end`, both included; empty when `end` is before `start`. */
export function daysFrom(start: string, end: string): string[] {
  const first = requireDayNumber(start);
  const last = requireDayNumber(end);
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, index) => dayOfNumber(first + index));
}

/** 'YYYY-MM' of a day. */
export function monthOf(day: string): string {
  return day.slice(0, 7);
}

export function firstOfMonth(day: string): string {
  return `${monthOf(day)}-01`;
}

export function lastOfMonth(day: string): string {
  const [year, month] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
  return dayOf(Date.UTC(year, month, 0));
}
