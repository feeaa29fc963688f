import { l10n } from '../util/l10n';
import { parsePeriod, YearMonth } from '../util/period';

/**
 * The tools' inputs come from a language model: anything may arrive. Each check returns the
 * value to use or a message that tells the model what to send instead.
 */
export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

/** Months of invoices one call covers at most; the default is the latest 12. */
export const MAX_MONTHS = 60;
export const DEFAULT_MONTHS = 12;
/** Days of billing history one call covers at most (any two calendar years); the default is the latest 365. */
export const MAX_HISTORY_DAYS = 731;
export const DEFAULT_HISTORY_DAYS = 365;

/** An inclusive range; its bounds are ordered as strings. */
interface Range {
  readonly from: string;
  readonly to: string;
}

/** Months as "YYYY-MM". */
export type MonthRange = Range;
/** Days as "YYYY-MM-DD" (UTC). */
export type DateRange = Range;

export type InvoiceRef =
  | { readonly kind: 'current' }
  | { readonly kind: 'period'; readonly period: string }
  | { readonly kind: 'uuid'; readonly uuid: string }
  | { readonly kind: 'id'; readonly id: string };

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const fail = <T>(message: string): Checked<T> => ({ ok: false, message });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INVOICE_ID = /^\d{1,15}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** The input object itself: a model may send nothing, null or a non-object. */
export function inputObject(input: unknown): Record<string, unknown> {
  return typeof input === 'object' && input !== null && !Array.isArray(input) ? input as Record<string, unknown> : {};
}

function monthIndex(month: YearMonth): number {
  return month.year * 12 + month.month - 1;
}

export function formatMonth(index: number): string {
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The UTC month of `now` as "YYYY-MM". */
export function monthOf(now: number): string {
  const date = new Date(now);
  return formatMonth(date.getUTCFullYear() * 12 + date.getUTCMonth());
}

function readMonth(name: string, value: unknown): Checked<number | undefined> {
  if (value === undefined || value === null || value === '') {
    return ok(undefined);
  }
  const parsed = parsePeriod(typeof value === 'string' ? value.trim() : value);
  return parsed
    ? ok(monthIndex(parsed))
    : fail(l10n.t('{0} must be a month written as YYYY-MM (for example 2024-03), not {1}.', name, JSON.stringify(value)));
}

/** How a range of months or days is bounded and described. */
interface RangeUnit {
  readonly defaultLength: number;
  readonly maxLength: number;
  readonly format: (index: number) => string;
  readonly afterNow: (from: string, now: string) => string;
  readonly reversed: (from: string, to: string) => string;
  readonly tooLong: (from: string, to: string, length: number) => string;
}

/**
 * A range of month or day numbers. Without bounds, the latest `defaultLength` up to `now`;
 * with one, `defaultLength` from or up to it (never past `now`).
 */
function checkRange(from: Checked<number | undefined>, to: Checked<number | undefined>, now: number, unit: RangeUnit): Checked<Range> {
  if (!from.ok || !to.ok) {
    return fail([from, to].flatMap((check) => (check.ok ? [] : [check.message])).join(' '));
  }
  if (to.value === undefined && from.value !== undefined && from.value > now) {
    return fail(unit.afterNow(unit.format(from.value), unit.format(now)));
  }
  const last = to.value ?? (from.value === undefined ? now : Math.min(now, from.value + unit.defaultLength - 1));
  const first = from.value ?? last - unit.defaultLength + 1;
  if (first > last) {
    return fail(unit.reversed(unit.format(first), unit.format(last)));
  }
  if (last - first + 1 > unit.maxLength) {
    return fail(unit.tooLong(unit.format(first), unit.format(last), last - first + 1));
  }
  return ok({ from: unit.format(first), to: unit.format(last) });
}

const MONTHS: RangeUnit = {
  defaultLength: DEFAULT_MONTHS,
  maxLength: MAX_MONTHS,
  format: formatMonth,
  afterNow: (from, now) => l10n.t('fromMonth {0} is after the month in progress ({1}).', from, now),
  reversed: (from, to) => l10n.t('fromMonth {0} comes after toMonth {1}: give the earlier month as fromMonth.', from, to),
  tooLong: (from, to, length) => l10n.t('{0} to {1} covers {2} months; ask for at most {3} months at a time.', from, to, length, MAX_MONTHS),
};

/** fromMonth/toMonth of listInvoices: 12 months by default, up to the month in progress. */
export function checkMonthRange(input: unknown, currentMonth: string): Checked<MonthRange> {
  const { fromMonth, toMonth } = inputObject(input);
  return checkRange(readMonth('fromMonth', fromMonth), readMonth('toMonth', toMonth), monthIndex(parsePeriod(currentMonth)!), MONTHS);
}

/** `invoice` of invoiceBreakdown: required; "current", "YYYY-MM", an invoice uuid or an invoice number. */
export function checkInvoiceRef(input: unknown): Checked<InvoiceRef> {
  const { invoice } = inputObject(input);
  if (invoice === undefined || invoice === null || (typeof invoice === 'string' && invoice.trim() === '')) {
    return fail(l10n.t('invoice is required: "current" for the month in progress, a month as YYYY-MM, or an invoice uuid.'));
  }
  const text = typeof invoice === 'string' ? invoice.trim() : Number.isSafeInteger(invoice) ? String(invoice) : '';
  if (text.toLowerCase() === 'current') {
    return ok({ kind: 'current' });
  }
  if (parsePeriod(text)) {
    return ok({ kind: 'period', period: text });
  }
  if (UUID.test(text)) {
    return ok({ kind: 'uuid', uuid: text });
  }
  if (INVOICE_ID.test(text)) {
    return ok({ kind: 'id', id: text });
  }
  return fail(l10n.t('invoice must be "current", a month as YYYY-MM (for example 2024-03) or an invoice uuid, not {0}.', JSON.stringify(invoice)));
}

/** A `groupBy` input: one of `allowed`, `fallback` (the first) when not given. */
export function checkGroupBy<T extends string>(input: unknown, allowed: readonly [T, ...T[]], fallback: T = allowed[0]): Checked<T> {
  const { groupBy } = inputObject(input);
  if (groupBy === undefined || groupBy === null || groupBy === '') {
    return ok(fallback);
  }
  const match = allowed.find((value) => typeof groupBy === 'string' && value === groupBy.trim().toLowerCase());
  return match
    ? ok(match)
    : fail(l10n.t('groupBy must be one of {0}, not {1}.', allowed.map((value) => `"${value}"`).join(', '), JSON.stringify(groupBy)));
}

/** Days since the epoch of a real calendar date "YYYY-MM-DD"; undefined otherwise. */
export function dayNumber(text: string): number | undefined {
  const match = DATE.exec(text);
  if (!match) {
    return undefined;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  // Date.UTC rolls 2024-02-30 over to March: a real date reads back the same.
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? time / DAY_MS : undefined;
}

export function formatDay(dayNumberValue: number): string {
  return new Date(dayNumberValue * DAY_MS).toISOString().slice(0, 10);
}

function readDate(name: string, value: unknown): Checked<number | undefined> {
  if (value === undefined || value === null || value === '') {
    return ok(undefined);
  }
  const day = typeof value === 'string' ? dayNumber(value.trim()) : undefined;
  return day === undefined
    ? fail(l10n.t('{0} must be a date written as YYYY-MM-DD (for example 2024-03-31), not {1}.', name, JSON.stringify(value)))
    : ok(day);
}

const DAYS: RangeUnit = {
  defaultLength: DEFAULT_HISTORY_DAYS,
  maxLength: MAX_HISTORY_DAYS,
  format: formatDay,
  afterNow: (from, now) => l10n.t('fromDate {0} is after today ({1}).', from, now),
  reversed: (from, to) => l10n.t('fromDate {0} comes after toDate {1}: give the earlier date as fromDate.', from, to),
  tooLong: (from, to, length) => l10n.t('{0} to {1} covers {2} days; ask for at most {3} days at a time.', from, to, length, MAX_HISTORY_DAYS),
};

/** fromDate/toDate of billingHistory: 365 days by default, up to today. */
export function checkDateRange(input: unknown, today: string): Checked<DateRange> {
  const { fromDate, toDate } = inputObject(input);
  return checkRange(readDate('fromDate', fromDate), readDate('toDate', toDate), dayNumber(today)!, DAYS);
}

/** Days of daily spend one call covers: the default, and at most (three request windows). */
export const DEFAULT_SPEND_DAYS = 30;
export const MAX_SPEND_DAYS = 90;

/** `days` of dailySpend: a whole number from 1 to 90 (digits in a string too), 30 by default. */
export function checkDays(input: unknown): Checked<number> {
  const { days } = inputObject(input);
  if (days === undefined || days === null || days === '') {
    return ok(DEFAULT_SPEND_DAYS);
  }
  const value = typeof days === 'string' && /^\s*\d{1,3}\s*$/.test(days) ? Number(days) : days;
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_SPEND_DAYS
    ? ok(value)
    : fail(l10n.t('days must be a whole number from 1 to {0}, not {1}.', MAX_SPEND_DAYS, JSON.stringify(days)));
}
