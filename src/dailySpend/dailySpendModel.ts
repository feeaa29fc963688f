import { addDays } from '../api/days';
import { InsightsDataPoint } from '../api/types';
import { productOf } from '../insights/products';
import { dailySpend, DaySpend, DayState, groupSpend, InsightsData, matches, resourceKey, SpendFilter, SpendGroup } from '../insights/spend';
import { DayRange } from '../insights/windows';
import { l10n } from '../util/l10n';

/** Resources listed for the range; the rest are counted. */
export const TOP_RESOURCES = 10;

export interface ResourceSpend extends SpendGroup {
  /** The products the resource's charges are for (usually one). */
  readonly products: readonly string[];
}

/** One day's figures, by product and by resource. */
export interface DayBreakdown {
  readonly day: string;
  readonly state: DayState;
  readonly cents: bigint;
  readonly unreadable: number;
  readonly products: readonly SpendGroup[];
  readonly resources: readonly ResourceSpend[];
}

export interface DailySpendFilter {
  readonly product?: string;
  readonly region?: string;
}

export interface DailySpendModel {
  readonly range: DayRange;
  /** Every day of the range, oldest first; each with its cents by product. */
  readonly days: readonly DaySpend[];
  /** The range's products (of the filter), largest first: the stacking order from the bottom, and the legend. */
  readonly products: readonly SpendGroup[];
  /** Exact sum of the known days. */
  readonly cents: bigint;
  /** Data points whose amount is not a number (left out of every sum). */
  readonly unreadable: number;
  /** Data points of the range that match the filter. */
  readonly points: number;
  /** Every product and region of the range to filter by, largest first (a chosen one is among them). */
  readonly productOptions: readonly SpendGroup[];
  readonly regionOptions: readonly SpendGroup[];
  readonly filter: DailySpendFilter;
  readonly topResources: readonly ResourceSpend[];
  /** Resources of the range beyond the top ones. */
  readonly moreResources: number;
  /** Consecutive days whose figures did not load (a failed window), in day order. */
  readonly missing: readonly DayRange[];
  /** The days of the range before DigitalOcean's daily data starts. */
  readonly beforeData?: DayRange;
  readonly breakdown?: DayBreakdown;
}

/** Consecutive days as ranges: ['2026-11-01', '2026-11-02', '2026-11-05'] → 1–2 and 5. */
export function dayRuns(days: readonly string[]): DayRange[] {
  const runs: DayRange[] = [];
  for (const day of [...new Set(days)].sort()) {
    const last = runs[runs.length - 1];
    if (last && addDays(last.end, 1) === day) {
      runs[runs.length - 1] = { start: last.start, end: day };
    } else {
      runs.push({ start: day, end: day });
    }
  }
  return runs;
}

function resourcesOf(points: readonly InsightsDataPoint[], filter: SpendFilter): ResourceSpend[] {
  const products = new Map<string, Set<string>>();
  for (const point of points) {
    if (matches(point, filter)) {
      const key = resourceKey(point);
      const names = products.get(key) ?? new Set<string>();
      names.add(productOf(point.sku).name);
      products.set(key, names);
    }
  }
  return groupSpend(points, 'resource', filter).map((group) => ({ ...group, products: [...(products.get(group.key) ?? [])].sort() }));
}

/** A chosen filter value the range has no data point for still stands among the options, at 0. */
function withChosen(options: SpendGroup[], chosen: string | undefined, label: (key: string) => string): SpendGroup[] {
  return chosen === undefined || options.some((option) => option.key === chosen)
    ? options
    : [...options, { key: chosen, label: label(chosen), detail: '', cents: 0n, count: 0, unreadable: 0 }];
}

/** The name a product key stands for: `product:<name>` or `sku:<SKU>` (see products.ts). */
export function productLabel(key: string): string {
  return key.replace(/^(product|sku):/, '');
}

/**
 * The page's figures for a range: stacked by product per day, filtered by product and region,
 * the top resources, and the breakdown of the chosen day. Exact: every sum in cents.
 */
export function buildDailySpendModel(data: InsightsData, filter: DailySpendFilter = {}, day?: string): DailySpendModel {
  const spend = dailySpend(data, filter);
  const points = data.dataPoints.filter((point) => matches(point, filter));
  const resources = resourcesOf(data.dataPoints, filter);
  const chosenDay = day !== undefined ? spend.days.find((candidate) => candidate.day === day) : undefined;
  return {
    range: data.range,
    days: spend.days,
    products: spend.products,
    cents: spend.cents,
    unreadable: spend.unreadable,
    points: points.length,
    productOptions: withChosen(groupSpend(data.dataPoints, 'product'), filter.product, productLabel),
    regionOptions: withChosen(groupSpend(data.dataPoints, 'region'), filter.region, (region) => region || l10n.t('(no region)')),
    filter,
    topResources: resources.slice(0, TOP_RESOURCES),
    moreResources: Math.max(0, resources.length - TOP_RESOURCES),
    missing: dayRuns(data.missingDays),
    ...(data.beforeData ? { beforeData: data.beforeData } : {}),
    ...(chosenDay ? { breakdown: breakdownOf(data.dataPoints, chosenDay, filter) } : {}),
  };
}

function breakdownOf(points: readonly InsightsDataPoint[], day: DaySpend, filter: DailySpendFilter): DayBreakdown {
  const known = day.state === 'known';
  const onDay = { ...filter, day: day.day };
  return {
    day: day.day,
    state: day.state,
    cents: day.cents,
    unreadable: day.unreadable,
    products: known ? groupSpend(points, 'product', onDay) : [],
    resources: known ? resourcesOf(points, onDay) : [],
  };
}
