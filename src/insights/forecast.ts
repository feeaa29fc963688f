import { DAY_MS, addDays, daysFrom, firstOfMonth, lastOfMonth, monthOf, requireDayNumber } from '../api/days';
import { Projection, projectMonthEnd } from '../budget/budget';
import { parseCents } from '../util/money';
import { parsePeriod } from '../util/period';
import { DailySpend, DaySpend } from './spend';

/**
 * The figures of "forecast and change": yesterday's spend, the 7-day average, the month-end
 * forecast from the run rate beside the straight-line projection, the change against last
 * month's invoice and the year-to-date total. All in exact cents (bigint); where a division
 * is needed it is done once, at the end, rounded half away from zero.
 */

/** n / d rounded half away from zero; d > 0. */
export function divideRounded(n: bigint, d: bigint): bigint {
  const half = d / 2n;
  return n >= 0n ? (n + half) / d : -((-n + half) / d);
}

function dayIn(daily: DailySpend, day: string): DaySpend | undefined {
  const index = requireDayNumber(day) - requireDayNumber(daily.range.start);
  return index >= 0 && index < daily.days.length ? daily.days[index] : undefined;
}

/** The spend of one day, when it is in the range and known. */
export function spendOn(daily: DailySpend, day: string): bigint | undefined {
  const spend = dayIn(daily, day);
  return spend?.state === 'known' ? spend.cents : undefined;
}

export interface Average {
  /** The average, rounded half away from zero to the cent (for display). */
  readonly cents: bigint;
  /** The exact sum it is made of: forecasts use this, not the rounded average. */
  readonly sumCents: bigint;
  readonly days: number;
  readonly from: string;
  readonly to: string;
}

/**
 * The average of the `days` days ending with `lastDay`. Days before DigitalOcean's daily data
 * starts are left out (so a young account averages fewer days); undefined when a day is
 * missing (a failed window) or outside the range, or no day is known.
 */
export function trailingAverage(daily: DailySpend, lastDay: string, days = 7): Average | undefined {
  const window = daysFrom(addDays(lastDay, -(days - 1)), lastDay).map((day) => dayIn(daily, day));
  if (window.some((spend) => spend === undefined || spend.state === 'missing')) {
    return undefined;
  }
  const known = window.filter((spend): spend is DaySpend => spend?.state === 'known');
  if (known.length === 0) {
    return undefined;
  }
  const sumCents = known.reduce((sum, spend) => sum + spend.cents, 0n);
  return { cents: divideRounded(sumCents, BigInt(known.length)), sumCents, days: known.length, from: known[0].day, to: lastDay };
}

export interface MonthToDate {
  readonly month: string;
  readonly cents: bigint;
  /** The moment the amount is counted up to (epoch ms). */
  readonly through: number;
}

/** This month's known days before `today`, counted through the start of today; undefined if one is not known. */
export function monthToDateFromDaily(daily: DailySpend, today: string): MonthToDate | undefined {
  const days = today === firstOfMonth(today) ? [] : daysFrom(firstOfMonth(today), addDays(today, -1));
  let cents = 0n;
  for (const day of days) {
    const spend = spendOn(daily, day);
    if (spend === undefined) {
      return undefined;
    }
    cents += spend;
  }
  return { month: monthOf(today), cents, through: requireDayNumber(today) * DAY_MS };
}

export interface RunRateForecast {
  readonly month: string;
  readonly cents: bigint;
  readonly monthToDate: MonthToDate;
  readonly average: Average;
  /** Days from `through` to the end of the month (whole days when counted from a day's start). */
  readonly daysLeft: number;
}

/**
 * Month to date + the average × the time left in the month. Exact: the average's exact sum
 * times the milliseconds left, divided once by (its days × a day's milliseconds), rounded half
 * away from zero — not the rounded average times the days. From the start of a day the time
 * left is whole days (today included), so this is month to date + 7-day average × days left.
 */
export function runRateForecast(monthToDate: MonthToDate, average: Average): RunRateForecast {
  const monthEnd = (requireDayNumber(lastOfMonth(`${monthToDate.month}-01`)) + 1) * DAY_MS;
  const left = Math.max(0, monthEnd - monthToDate.through);
  const ahead = divideRounded(average.sumCents * BigInt(left), BigInt(average.days) * BigInt(DAY_MS));
  return { month: monthToDate.month, cents: monthToDate.cents + ahead, monthToDate, average, daysLeft: left / DAY_MS };
}

/** The run-rate forecast for the month of `today`, from daily data alone: month to date and the 7 days before today. */
export function runRateFromDaily(daily: DailySpend, today: string): RunRateForecast | undefined {
  const monthToDate = monthToDateFromDaily(daily, today);
  const average = trailingAverage(daily, addDays(today, -1));
  return monthToDate && average ? runRateForecast(monthToDate, average) : undefined;
}

export interface PreviewAmount {
  readonly amount: string;
  readonly period: string;
  readonly updatedAt?: string;
}

/** Today's straight-line projection of the invoice preview (see state/budget). */
export function straightLine(preview: PreviewAmount, now: number): Projection | undefined {
  return projectMonthEnd(preview.amount, preview.period, preview.updatedAt, now);
}

export type ForecastBasis = 'runRate' | 'straightLine';

export interface BestForecast {
  readonly basis: ForecastBasis;
  readonly cents: bigint;
}

/**
 * The forecast to warn by: the run rate once daily data gives one (it follows a change of
 * spending within a week, where the straight line still averages the whole month), else the
 * straight line.
 */
export function bestForecast(runRate: RunRateForecast | undefined, projection: Projection | undefined): BestForecast | undefined {
  if (runRate) {
    return { basis: 'runRate', cents: runRate.cents };
  }
  return projection && { basis: 'straightLine', cents: projection.projectedCents };
}

export interface Change {
  readonly differenceCents: bigint;
  /** In tenths of a percent, rounded half away from zero; undefined against 0. */
  readonly permille?: bigint;
}

/** `cents` against an invoice amount (decimal string); undefined when the amount is not a number. */
export function changeAgainst(cents: bigint, invoiceAmount: string): Change | undefined {
  const base = parseCents(invoiceAmount);
  if (base === undefined) {
    return undefined;
  }
  const differenceCents = cents - base;
  const absolute = base < 0n ? -base : base;
  return { differenceCents, permille: absolute === 0n ? undefined : divideRounded(differenceCents * 1000n, absolute) };
}

export interface InvoiceAmount {
  readonly amount: string;
  /** YYYY-MM */
  readonly period: string;
}

export interface YearToDate {
  readonly year: number;
  readonly cents: bigint;
  /** The months counted (closed invoices, then the month in progress). */
  readonly months: readonly string[];
  /** Months of the year before the month in progress without a (loaded) invoice. */
  readonly missingMonths: readonly string[];
  /** Invoices of the year whose amount is not a number (left out of `cents`). */
  readonly unreadable: number;
}

/** The closed invoices of the preview's year plus its month to date. */
export function yearToDate(invoices: readonly InvoiceAmount[], preview: InvoiceAmount): YearToDate | undefined {
  const current = parsePeriod(preview.period);
  const previewCents = parseCents(preview.amount);
  if (!current || previewCents === undefined) {
    return undefined;
  }
  const year = String(current.year);
  const earlier = Array.from({ length: current.month - 1 }, (_, index) => `${year}-${String(index + 1).padStart(2, '0')}`);
  const byPeriod = new Map(invoices.filter((invoice) => earlier.includes(invoice.period)).map((invoice) => [invoice.period, invoice.amount]));
  let cents = previewCents;
  let unreadable = 0;
  const months: string[] = [];
  for (const [period, amount] of byPeriod) {
    const invoiceCents = parseCents(amount);
    if (invoiceCents === undefined) {
      unreadable++;
    } else {
      cents += invoiceCents;
      months.push(period);
    }
  }
  months.sort();
  months.push(preview.period);
  return { year: current.year, cents, months, missingMonths: earlier.filter((period) => !byPeriod.has(period)), unreadable };
}
