import { Invoice } from '../api/types';
import { Projection } from '../budget/budget';
import { parseCents } from '../util/money';
import { parsePeriod } from '../util/period';
import { linearScale, logarithmicScale, outlierCap, ValueScale } from './chartScale';

/** The months drawn unless all loaded months are asked for. */
export const RECENT_MONTHS = 12;

export interface ChartBar {
  readonly period: string;
  readonly invoiceUuid: string;
  readonly cents: bigint;
  /** The month in progress: `cents` so far, `projectedCents` by month end. */
  readonly inProgress: boolean;
  readonly projectedCents?: bigint;
  /** Taller than the axis: drawn to its top, with its value written on it. */
  readonly capped: boolean;
}

export interface ChartOptions {
  /** All loaded months instead of the last RECENT_MONTHS. */
  readonly allMonths: boolean;
  readonly logarithmic: boolean;
}

export interface ChartModel {
  /** Oldest first, as a chart reads left to right. */
  readonly bars: readonly ChartBar[];
  readonly budgetCents: bigint;
  readonly scale: ValueScale;
  /** Months loaded but not drawn because of the month limit. */
  readonly hiddenMonths: number;
  /** Months loaded (drawn or not). */
  readonly loadedMonths: number;
  readonly allMonths: boolean;
}

/**
 * The value axis: logarithmic when asked (and something is positive), else linear up to the
 * tallest figure (bar, projection or budget); a month that stands out as an outlier is capped,
 * so the others keep their height (the budget line always stays on the axis).
 */
function chooseScale(bars: readonly ChartBar[], budgetCents: bigint, logarithmic: boolean): ValueScale {
  const values = bars.flatMap((bar) => (bar.projectedCents === undefined ? [bar.cents] : [bar.cents, bar.projectedCents]));
  const all = budgetCents > 0n ? [...values, budgetCents] : values;
  if (logarithmic) {
    const scale = logarithmicScale(all);
    if (scale) {
      return scale;
    }
  }
  const lowest = values.reduce((a, b) => (b < a ? b : a), 0n);
  const tallest = all.reduce((a, b) => (b > a ? b : a), 0n);
  const cap = outlierCap(values);
  const top = cap !== undefined && cap < budgetCents ? budgetCents : cap ?? tallest;
  return linearScale(top, lowest);
}

/**
 * Monthly totals of the loaded invoices plus the month in progress. Invoices with a
 * malformed amount or period are left out of the chart (the tree still shows them).
 */
export function buildChartModel(invoices: readonly Invoice[], preview: Invoice | undefined, projection: Projection | undefined, budgetCents: bigint, options: ChartOptions): ChartModel {
  const byPeriod = new Map<string, Omit<ChartBar, 'capped'>>();
  for (const invoice of invoices) {
    const cents = parseCents(invoice.amount);
    if (cents === undefined || !parsePeriod(invoice.period) || byPeriod.has(invoice.period)) {
      continue;
    }
    byPeriod.set(invoice.period, { period: invoice.period, invoiceUuid: invoice.invoiceUuid, cents, inProgress: false });
  }
  const closed = [...byPeriod.values()].sort((a, b) => a.period.localeCompare(b.period));
  const previewCents = preview && parseCents(preview.amount);
  const current = preview && previewCents !== undefined && parsePeriod(preview.period) && !byPeriod.has(preview.period)
    ? [{ period: preview.period, invoiceUuid: preview.invoiceUuid, cents: previewCents, inProgress: true, projectedCents: projection?.projectedCents }]
    : [];
  const all = [...closed, ...current];
  const shown = options.allMonths ? all : all.slice(Math.max(0, all.length - RECENT_MONTHS));
  const scale = chooseScale(shown.map((bar) => ({ ...bar, capped: false })), budgetCents, options.logarithmic);
  const bars = shown.map((bar) => ({ ...bar, capped: bar.cents > scale.maxCents }));
  return { bars, budgetCents, scale, hiddenMonths: all.length - bars.length, loadedMonths: all.length, allMonths: options.allMonths };
}
