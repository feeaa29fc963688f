import { Invoice } from '../api/types';
import { Projection } from '../budget/budget';
import { parseCents } from '../util/money';
import { parsePeriod } from '../util/period';

export interface ChartBar {
  readonly period: string;
  readonly invoiceUuid: string;
  readonly cents: bigint;
  /** The month in progress: `cents` so far, `projectedCents` by month end. */
  readonly inProgress: boolean;
  readonly projectedCents?: bigint;
}

export interface ChartModel {
  /** Oldest first, as a chart reads left to right. */
  readonly bars: readonly ChartBar[];
  readonly budgetCents: bigint;
  /** The tallest figure drawn (bar, projection or budget), for the scale. */
  readonly maxCents: bigint;
  /** Months loaded but not drawn because of the month limit. */
  readonly hiddenMonths: number;
}

/**
 * Monthly totals of the loaded invoices plus the month in progress. Invoices with a
 * malformed amount or period are left out of the chart (the tree still shows them).
 */
export function buildChartModel(invoices: readonly Invoice[], preview: Invoice | undefined, projection: Projection | undefined, budgetCents: bigint, months: number): ChartModel {
  const byPeriod = new Map<string, ChartBar>();
  for (const invoice of invoices) {
    const cents = parseCents(invoice.amount);
    if (cents === undefined || !parsePeriod(invoice.period) || byPeriod.has(invoice.period)) {
      continue;
    }
    byPeriod.set(invoice.period, { period: invoice.period, invoiceUuid: invoice.invoiceUuid, cents, inProgress: false });
  }
  const closed = [...byPeriod.values()].sort((a, b) => a.period.localeCompare(b.period));
  const previewCents = preview && parseCents(preview.amount);
  const current: ChartBar[] = preview && previewCents !== undefined && parsePeriod(preview.period) && !byPeriod.has(preview.period)
    ? [{ period: preview.period, invoiceUuid: preview.invoiceUuid, cents: previewCents, inProgress: true, projectedCents: projection?.projectedCents }]
    : [];
  const all = [...closed, ...current];
  const bars = all.slice(Math.max(0, all.length - Math.max(1, months)));
  let maxCents = budgetCents;
  for (const bar of bars) {
    for (const value of [bar.cents, bar.projectedCents ?? 0n]) {
      if (value > maxCents) {
        maxCents = value;
      }
    }
  }
  return { bars, budgetCents, maxCents, hiddenMonths: all.length - bars.length };
}
