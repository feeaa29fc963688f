import { daysFrom } from '../api/days';
import { InsightsDataPoint } from '../api/types';
import { l10n } from '../util/l10n';
import { parseCents } from '../util/money';
import { productOf } from './products';
import { DayRange } from './windows';

/**
 * Daily spend from the data points: per day, per product, region or resource, summed exactly
 * in cents (each point's decimal amount to cents as util/money rounds it, then added as
 * bigint). A point whose amount is not a decimal number is counted as unreadable, never as 0.
 */

export type GroupBy = 'product' | 'region' | 'resource';

export interface SpendGroup {
  /** Stable across ranges: a product key (see products.ts), the region, or the resource. */
  readonly key: string;
  readonly label: string;
  /** For a resource: its group (e.g. the Kubernetes cluster), '' when none. */
  readonly detail: string;
  readonly cents: bigint;
  /** Data points in the group. */
  readonly count: number;
  /** Of those, how many have an amount that is not a decimal number (left out of `cents`). */
  readonly unreadable: number;
}

export interface SpendFilter {
  /** A product key (SpendGroup.key of a product group). */
  readonly product?: string;
  readonly region?: string;
  readonly day?: string;
}

/** Data points are known for the day, unknown because its window failed, or none exist before DigitalOcean's daily data starts. */
export type DayState = 'known' | 'missing' | 'noData';

export interface DaySpend {
  readonly day: string;
  readonly state: DayState;
  readonly cents: bigint;
  readonly count: number;
  readonly unreadable: number;
  /** Cents by product key, for the stacked chart. */
  readonly byProduct: ReadonlyMap<string, bigint>;
}

export interface DailySpend {
  readonly range: DayRange;
  readonly days: readonly DaySpend[];
  /** Exact sum of the known days. */
  readonly cents: bigint;
  readonly unreadable: number;
  /** The range's products, largest first: the stacking order and the legend. */
  readonly products: readonly SpendGroup[];
}

/** What a fetch brought: InsightsResult fits. */
export interface InsightsData {
  readonly range: DayRange;
  readonly dataPoints: readonly InsightsDataPoint[];
  readonly missingDays: readonly string[];
  readonly beforeData?: DayRange;
}

export function resourceKey(point: InsightsDataPoint): string {
  return `${point.groupDescription}\u0000${point.description}`;
}

function keyAndLabel(point: InsightsDataPoint, by: GroupBy): { key: string; label: string; detail: string } {
  switch (by) {
    case 'product': {
      const product = productOf(point.sku);
      return { key: product.key, label: product.name, detail: '' };
    }
    case 'region':
      return { key: point.region, label: point.region || l10n.t('(no region)'), detail: '' };
    case 'resource':
      return {
        key: resourceKey(point),
        label: point.description || point.groupDescription || point.sku || l10n.t('(no description)'),
        detail: point.description ? point.groupDescription : '',
      };
  }
}

export function matches(point: InsightsDataPoint, filter: SpendFilter = {}): boolean {
  return (filter.day === undefined || point.day === filter.day)
    && (filter.region === undefined || point.region === filter.region)
    && (filter.product === undefined || productOf(point.sku).key === filter.product);
}

const magnitude = (value: bigint) => (value < 0n ? -value : value);

/** Largest amount first (by size, so a credit ranks by its size too); equal ones by label. */
export function bySize(a: SpendGroup, b: SpendGroup): number {
  const difference = magnitude(b.cents) - magnitude(a.cents);
  return difference !== 0n ? (difference > 0n ? 1 : -1) : a.label.localeCompare(b.label, 'en');
}

/** The points matching `filter`, grouped and summed exactly, largest first. */
export function groupSpend(points: readonly InsightsDataPoint[], by: GroupBy, filter: SpendFilter = {}): SpendGroup[] {
  const groups = new Map<string, { key: string; label: string; detail: string; cents: bigint; count: number; unreadable: number }>();
  for (const point of points) {
    if (!matches(point, filter)) {
      continue;
    }
    const { key, label, detail } = keyAndLabel(point, by);
    let group = groups.get(key);
    if (!group) {
      group = { key, label, detail, cents: 0n, count: 0, unreadable: 0 };
      groups.set(key, group);
    }
    group.count++;
    const cents = parseCents(point.amount);
    if (cents === undefined) {
      group.unreadable++;
    } else {
      group.cents += cents;
    }
  }
  return [...groups.values()].sort(bySize);
}

/** Every day of the range with its total and its products; days are never left out, only marked. */
export function dailySpend(data: InsightsData, filter: Omit<SpendFilter, 'day'> = {}): DailySpend {
  const missing = new Set(data.missingDays);
  const noDataUntil = data.beforeData?.end;
  const perDay = new Map<string, { cents: bigint; count: number; unreadable: number; byProduct: Map<string, bigint> }>();
  for (const point of data.dataPoints) {
    if (!matches(point, filter)) {
      continue;
    }
    let day = perDay.get(point.day);
    if (!day) {
      day = { cents: 0n, count: 0, unreadable: 0, byProduct: new Map() };
      perDay.set(point.day, day);
    }
    day.count++;
    const cents = parseCents(point.amount);
    if (cents === undefined) {
      day.unreadable++;
      continue;
    }
    day.cents += cents;
    const product = productOf(point.sku).key;
    day.byProduct.set(product, (day.byProduct.get(product) ?? 0n) + cents);
  }
  const days: DaySpend[] = daysFrom(data.range.start, data.range.end).map((day) => {
    const state: DayState = noDataUntil !== undefined && day <= noDataUntil ? 'noData' : missing.has(day) ? 'missing' : 'known';
    const spent = state === 'known' ? perDay.get(day) : undefined;
    return { day, state, cents: spent?.cents ?? 0n, count: spent?.count ?? 0, unreadable: spent?.unreadable ?? 0, byProduct: spent?.byProduct ?? new Map() };
  });
  return {
    range: data.range,
    days,
    cents: days.reduce((sum, day) => sum + day.cents, 0n),
    unreadable: days.reduce((sum, day) => sum + day.unreadable, 0),
    products: groupSpend(data.dataPoints, 'product', filter),
  };
}

const within = (day: string, range: DayRange) => day >= range.start && day <= range.end;

/** Whether `outer` holds every day of `inner`. */
export function covers(outer: DayRange, inner: DayRange): boolean {
  return outer.start <= inner.start && outer.end >= inner.end;
}

/** The part of `data` that falls in `range`; days of `range` that `data` does not cover count as missing. */
export function sliceToRange(data: InsightsData, range: DayRange): InsightsData {
  const beforeData = data.beforeData && data.beforeData.start <= range.end && data.beforeData.end >= range.start
    ? { start: data.beforeData.start > range.start ? data.beforeData.start : range.start, end: data.beforeData.end < range.end ? data.beforeData.end : range.end }
    : undefined;
  const uncovered = daysFrom(range.start, range.end).filter((day) => !within(day, data.range) && !(beforeData && within(day, beforeData)));
  return {
    range,
    dataPoints: data.dataPoints.filter((point) => within(point.day, range)),
    missingDays: [...data.missingDays.filter((day) => within(day, range)), ...uncovered].sort(),
    ...(beforeData ? { beforeData } : {}),
  };
}
