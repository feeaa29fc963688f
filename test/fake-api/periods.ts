// Billing periods are calendar months in UTC, written 'YYYY-MM'.

export const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

export interface Period {
  year: number;
  /** 1..12 */
  month: number;
}

export function periodOf(date: Date): Period {
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1 };
}

export function addMonths(period: Period, months: number): Period {
  const index = period.year * 12 + (period.month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

export function formatPeriod(period: Period): string {
  return `${period.year}-${String(period.month).padStart(2, '0')}`;
}

export function periodStart(period: Period): Date {
  return new Date(Date.UTC(period.year, period.month - 1, 1));
}

export function hoursInPeriod(period: Period): number {
  return (periodStart(addMonths(period, 1)).getTime() - periodStart(period).getTime()) / 3_600_000;
}

export function addHours(date: Date, hours: number): Date {
  return new Date(date.getTime() + hours * 3_600_000);
}

/** '2020-01-01T00:00:00Z', the API's timestamp format (no milliseconds). */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** 'January 2020' */
export function periodTitle(period: Period): string {
  return `${MONTH_NAMES[period.month - 1]} ${period.year}`;
}
