// Billing insights: the fleet's daily amounts as GET /v2/billing/{account_urn}/insights/{start}/{end}
// serves them, and the month in progress drafted from the same fleet.
import { InvoiceItem } from './catalog';
import { centsOn, DAY_MS, DayNumber, dayNumberOf, dayText, FleetResource, runsOn } from './fleet';
import { divideRounded, formatCents } from './money';
import { isoSeconds } from './periods';

/** DigitalOcean's daily data starts on this day. */
export const INSIGHTS_FIRST_DAY = '2025-12-01';
/** At most this many days in one request, both ends counted: the fake reads "within 31 days" the strict way. */
export const INSIGHTS_MAX_DAYS = 31;

/** One data point, exactly as the API serialises it. */
export interface InsightsDataPoint {
  usage_team_urn: string;
  start_date: string;
  total_amount: string;
  region: string;
  sku: string;
  description: string;
  group_description: string;
}

export interface Team {
  /** 40 hex digits (as GET /v2/account's example) unless the options ask for a dashed UUID. */
  uuid: string;
  name: string;
}

export interface InsightsData {
  team: Team;
  /** Every data point from INSIGHTS_FIRST_DAY (or earlier, see DataOptions) to yesterday, by day then SKU. */
  dataPoints: InsightsDataPoint[];
}

export function teamUrn(team: Team): string {
  return `do:team:${team.uuid}`;
}

const byDayThenSku = (a: InsightsDataPoint, b: InsightsDataPoint) =>
  a.start_date.localeCompare(b.start_date) || a.sku.localeCompare(b.sku) || a.description.localeCompare(b.description);

/** The nightly data: one point per resource and day it ran, up to the day before `now` (today's is not in yet). */
export function buildInsights(fleet: readonly FleetResource[], team: Team, now: Date, firstDay = INSIGHTS_FIRST_DAY): InsightsData {
  const first = dayNumberOf(new Date(`${firstDay}T00:00:00Z`));
  const yesterday = dayNumberOf(now) - 1;
  const dataPoints: InsightsDataPoint[] = [];
  for (let day = first; day <= yesterday; day++) {
    for (const resource of fleet) {
      const cents = centsOn(resource, day);
      if (cents > 0) {
        dataPoints.push({
          usage_team_urn: teamUrn(team), start_date: dayText(day), total_amount: formatCents(cents), region: resource.region,
          sku: resource.sku, description: resource.description, group_description: resource.group,
        });
      }
    }
  }
  return { team, dataPoints: dataPoints.sort(byDayThenSku) };
}

/**
 * The month in progress as invoice items: each resource's days of the month so far, today's
 * hours (up to `updatedAt`) included, so the preview is the insights' month to date plus today.
 */
export function fleetPreviewItems(fleet: readonly FleetResource[], monthStart: Date, updatedAt: Date): InvoiceItem[] {
  const firstDay = dayNumberOf(monthStart);
  const today = dayNumberOf(updatedAt);
  const hoursToday = Math.floor((updatedAt.getTime() - today * DAY_MS) / 3_600_000);
  const items: InvoiceItem[] = [];
  for (const resource of fleet) {
    let cents = 0;
    let hours = 0;
    let start: DayNumber | undefined;
    for (let day = firstDay; day <= today; day++) {
      if (!runsOn(resource, day)) {
        continue;
      }
      // A one-off charge is on a past day (FLEET_EVENTS), like the whole days before today.
      const whole = day < today;
      start ??= day;
      cents += whole ? centsOn(resource, day) : divideRounded(centsOn(resource, day) * hoursToday, 24);
      hours += whole ? 24 : hoursToday;
    }
    if (cents <= 0 || start === undefined) {
      continue;
    }
    const startTime = new Date(start * DAY_MS);
    const endTime = new Date(startTime.getTime() + hours * 3_600_000);
    items.push({
      product: resource.product,
      ...(resource.resourceUuid ? { resource_uuid: resource.resourceUuid } : {}),
      ...(resource.resourceId ? { resource_id: resource.resourceId } : {}),
      group_description: resource.group,
      description: resource.description,
      amount: formatCents(cents),
      duration: String(hours),
      duration_unit: 'Hours',
      start_time: isoSeconds(startTime),
      end_time: isoSeconds(endTime),
      project_name: resource.project,
    });
  }
  return items;
}

export type RangeCheck = { ok: true; start: string; end: string } | { ok: false; message: string };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function isCalendarDay(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return DAY.test(text) && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/** The path's dates as the API checks them; the message is the one its 400 body carries. */
export function checkRange(start: string, end: string): RangeCheck {
  if (!isCalendarDay(start)) {
    return { ok: false, message: 'start_date must be a date in YYYY-MM-DD format' };
  }
  if (!isCalendarDay(end)) {
    return { ok: false, message: 'end_date must be a date in YYYY-MM-DD format' };
  }
  const days = (Date.parse(end) - Date.parse(start)) / DAY_MS + 1;
  if (days < 1) {
    return { ok: false, message: 'end_date must not be before start_date' };
  }
  if (days > INSIGHTS_MAX_DAYS) {
    return { ok: false, message: 'end_date must be within 31 days of start_date' };
  }
  return { ok: true, start, end };
}

export function pointsBetween(data: InsightsData, start: string, end: string): InsightsDataPoint[] {
  return data.dataPoints.filter((point) => point.start_date >= start && point.start_date <= end);
}
