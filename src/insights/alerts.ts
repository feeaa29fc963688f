import { InsightsDataPoint } from '../api/types';
import { parseCents } from '../util/money';
import { divideRounded, InvoiceAmount, RunRateForecast } from './forecast';
import { productOf } from './products';
import { DailySpend, DaySpend, InsightsData, resourceKey } from './spend';

/**
 * The alerts on what changed, from the daily data. Each rule fires only *above* its threshold
 * (at it exactly, it does not), compared exactly in cents:
 * - jump: a day's spend rose over the day before by more than `jumpPercent` % and by more than
 *   `minimumCents` (so a cent-level wobble is no alert); a rise from nothing counts as above any
 *   percentage.
 * - newCharge: a SKU, or a resource of a SKU already seen, bills for the first time in the range,
 *   after at least one known day without it (and no unknown day before it, which could hide it).
 * - forecast: the run-rate forecast exceeds last month's invoice by more than `forecastPercent` %.
 * Each carries a key that stays the same for the same occasion, to show it once per account
 * (see alertLedger.ts).
 */

export interface AlertSettings {
  /** digitaloceanInvoices.anomalyJumpPercent; 0 turns jump alerts off. */
  readonly jumpPercent: number;
  /** digitaloceanInvoices.anomalyMinimumAmount, in cents. */
  readonly minimumCents: bigint;
  /** digitaloceanInvoices.forecastWarningPercent; 0 turns the forecast alert off. */
  readonly forecastPercent: number;
}

export const DEFAULT_ALERT_SETTINGS: AlertSettings = { jumpPercent: 25, minimumCents: 100n, forecastPercent: 15 };

const wholePercent = (value: unknown, fallback: number) =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : fallback;

/** The settings as configured; a value that is not a number >= 0 takes its default. */
export function alertSettings(configured: { anomalyJumpPercent?: unknown; anomalyMinimumAmount?: unknown; forecastWarningPercent?: unknown }): AlertSettings {
  const minimum = configured.anomalyMinimumAmount;
  // The setting's number as its shortest decimal text ("1.5"), then exact cents.
  const minimumCents = typeof minimum === 'number' && Number.isFinite(minimum) && minimum >= 0 ? parseCents(String(minimum)) : undefined;
  return {
    jumpPercent: wholePercent(configured.anomalyJumpPercent, DEFAULT_ALERT_SETTINGS.jumpPercent),
    minimumCents: minimumCents ?? DEFAULT_ALERT_SETTINGS.minimumCents,
    forecastPercent: wholePercent(configured.forecastWarningPercent, DEFAULT_ALERT_SETTINGS.forecastPercent),
  };
}

export type AlertKind = 'jump' | 'newCharge' | 'forecast';

export interface JumpAlert {
  readonly kind: 'jump';
  readonly key: string;
  readonly day: string;
  readonly cents: bigint;
  readonly previousCents: bigint;
  /** The rise in tenths of a percent; undefined for a rise from nothing. */
  readonly permille?: bigint;
}

export interface NewChargeAlert {
  readonly kind: 'newCharge';
  readonly key: string;
  readonly day: string;
  /** A SKU new in the range, or a new resource of a SKU seen before. */
  readonly subject: 'sku' | 'resource';
  readonly sku: string;
  readonly product: string;
  readonly description: string;
  readonly groupDescription: string;
  /** What it billed that day (its readable amounts). */
  readonly cents: bigint;
}

export interface ForecastAlert {
  readonly kind: 'forecast';
  readonly key: string;
  /** The month forecast, YYYY-MM. */
  readonly month: string;
  readonly forecastCents: bigint;
  readonly invoiceCents: bigint;
  readonly invoicePeriod: string;
  readonly permille: bigint;
}

export type Alert = JumpAlert | NewChargeAlert | ForecastAlert;

/** Day-over-day rises above both thresholds, between two known days. */
export function jumpAlerts(daily: DailySpend, settings: AlertSettings): JumpAlert[] {
  if (settings.jumpPercent <= 0) {
    return [];
  }
  const alerts: JumpAlert[] = [];
  daily.days.forEach((spend, index) => {
    const previous = daily.days[index - 1];
    if (!previous || previous.state !== 'known' || spend.state !== 'known') {
      return;
    }
    const rise = spend.cents - previous.cents;
    if (rise > settings.minimumCents && rise * 100n > previous.cents * BigInt(settings.jumpPercent)) {
      alerts.push({
        kind: 'jump', key: `jump:${spend.day}`, day: spend.day, cents: spend.cents, previousCents: previous.cents,
        permille: previous.cents > 0n ? divideRounded(rise * 1000n, previous.cents) : undefined,
      });
    }
  });
  return alerts;
}

/** A point that bills something: an amount that is not zero (an unreadable one counts). */
const bills = (point: InsightsDataPoint) => parseCents(point.amount) !== 0n;

/** Whether a first appearance on `day` is news: a known day without it came before, and no unknown one. */
function isNewOn(days: readonly DaySpend[], day: string): boolean {
  const before = days.filter((spend) => spend.day < day);
  return before.some((spend) => spend.state === 'known') && before.every((spend) => spend.state !== 'missing');
}

interface FirstSeen {
  readonly day: string;
  readonly points: InsightsDataPoint[];
}

function firstAppearances(points: readonly InsightsDataPoint[], keyOf: (point: InsightsDataPoint) => string): Map<string, FirstSeen> {
  const first = new Map<string, FirstSeen>();
  for (const point of points) {
    if (!bills(point)) {
      continue;
    }
    const key = keyOf(point);
    const seen = first.get(key);
    if (!seen || point.day < seen.day) {
      first.set(key, { day: point.day, points: [point] });
    } else if (point.day === seen.day) {
      seen.points.push(point);
    }
  }
  return first;
}

const centsOf = (points: readonly InsightsDataPoint[]) => points.reduce((sum, point) => sum + (parseCents(point.amount) ?? 0n), 0n);

/** SKUs new in the range, and new resources of SKUs seen before, in day order. */
export function newChargeAlerts(data: InsightsData, daily: DailySpend): NewChargeAlert[] {
  const alerts: NewChargeAlert[] = [];
  const skus = firstAppearances(data.dataPoints, (point) => point.sku);
  for (const [sku, seen] of skus) {
    if (isNewOn(daily.days, seen.day)) {
      const [point] = seen.points;
      alerts.push({
        kind: 'newCharge', key: `new-sku:${sku}:${seen.day}`, day: seen.day, subject: 'sku', sku, product: productOf(sku).name,
        description: point.description, groupDescription: point.groupDescription, cents: centsOf(seen.points),
      });
    }
  }
  for (const [key, seen] of firstAppearances(data.dataPoints, resourceKey)) {
    const [point] = seen.points;
    const skuNewThatDay = seen.points.some((candidate) => skus.get(candidate.sku)?.day === seen.day);
    if (!skuNewThatDay && isNewOn(daily.days, seen.day)) {
      alerts.push({
        kind: 'newCharge', key: `new-resource:${key}:${seen.day}`, day: seen.day, subject: 'resource', sku: point.sku,
        product: productOf(point.sku).name, description: point.description, groupDescription: point.groupDescription, cents: centsOf(seen.points),
      });
    }
  }
  return alerts.sort((a, b) => a.day.localeCompare(b.day) || a.subject.localeCompare(b.subject) || a.key.localeCompare(b.key));
}

/** The run-rate forecast above the invoice by more than the percentage; none against an invoice of 0 or less. */
export function forecastAlert(forecast: RunRateForecast, invoice: InvoiceAmount, settings: AlertSettings): ForecastAlert | undefined {
  const invoiceCents = parseCents(invoice.amount);
  if (settings.forecastPercent <= 0 || invoiceCents === undefined || invoiceCents <= 0n) {
    return undefined;
  }
  if (forecast.cents * 100n <= invoiceCents * BigInt(100 + settings.forecastPercent)) {
    return undefined;
  }
  return {
    kind: 'forecast', key: `forecast:${forecast.month}`, month: forecast.month, forecastCents: forecast.cents, invoiceCents,
    invoicePeriod: invoice.period, permille: divideRounded((forecast.cents - invoiceCents) * 1000n, invoiceCents),
  };
}

export interface AlertInput {
  readonly data: InsightsData;
  readonly daily: DailySpend;
  readonly settings: AlertSettings;
  readonly forecast?: RunRateForecast;
  readonly lastInvoice?: InvoiceAmount;
  /** Only alerts of this day or later (a forecast alert is always current). */
  readonly since?: string;
}

/** Every alert of the range, in day order, the forecast's last. */
export function evaluateAlerts(input: AlertInput): Alert[] {
  const forecast = input.forecast && input.lastInvoice ? forecastAlert(input.forecast, input.lastInvoice, input.settings) : undefined;
  const daily: Array<JumpAlert | NewChargeAlert> = [...jumpAlerts(input.daily, input.settings), ...newChargeAlerts(input.data, input.daily)]
    .filter((alert) => input.since === undefined || alert.day >= input.since)
    .sort((a, b) => a.day.localeCompare(b.day));
  return forecast ? [...daily, forecast] : daily;
}
