const PERIOD = /^(\d{4})-(\d{2})$/;

export interface YearMonth {
  readonly year: number;
  /** 1..12 */
  readonly month: number;
}

export function parsePeriod(period: unknown): YearMonth | undefined {
  if (typeof period !== 'string') {
    return undefined;
  }
  const match = PERIOD.exec(period);
  if (!match) {
    return undefined;
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  return month >= 1 && month <= 12 ? { year, month } : undefined;
}

/** "2019-12" → "December 2019" in the given locale; the raw text when it is not YYYY-MM. */
export function formatPeriod(period: unknown, locale: string): string {
  const parsed = parsePeriod(period);
  if (!parsed) {
    return typeof period === 'string' && period.trim() !== '' ? period : '—';
  }
  const date = Date.UTC(parsed.year, parsed.month - 1, 1);
  try {
    return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
  } catch {
    return new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
  }
}

export function formatDateTime(value: string | number | undefined, locale: string): string | undefined {
  if (value === undefined) {
    return undefined;
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    return typeof value === 'string' ? value : undefined;
  }
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
  } catch {
    return date.toISOString();
  }
}

/**
 * The calendar date of a date-time ("Jun 1, 2018"), in UTC as DigitalOcean dates billing
 * events; the raw text when it is not a date, "—" when empty.
 */
export function formatDate(value: string | undefined, locale: string): string {
  const date = new Date(value ?? '');
  if (!value || Number.isNaN(date.getTime())) {
    return value?.trim() ? value : '—';
  }
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
  } catch {
    return new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
  }
}
