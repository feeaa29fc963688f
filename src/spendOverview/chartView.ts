import { centsToDecimal, formatCents } from '../util/money';
import { formatPeriod } from '../util/period';
import { l10n } from '../util/l10n';
import { ChartModel, RECENT_MONTHS } from './chartModel';
import { ValueScale } from './chartScale';

// What the spend overview's page draws, as plain JSON: every text already formatted here
// (exact, from cents); the numbers are for the geometry of the drawing only.

export interface ChartViewBar {
  readonly invoiceUuid: string;
  /** "November 2026" */
  readonly month: string;
  /** "Nov 26", under the bar. */
  readonly shortMonth: string;
  /** Dollars, to draw with. */
  readonly value: number;
  /** "$202,169.83" */
  readonly amount: string;
  readonly capped: boolean;
  readonly inProgress: boolean;
  readonly projection?: number;
  readonly projected?: string;
  /** The bar's description: month, amount, and for the month in progress its projection. */
  readonly label: string;
  /** The lines of its tooltip under the month. */
  readonly details: readonly string[];
}

export interface ChartTick {
  readonly value: number;
  readonly label: string;
}

export interface ChartCommand {
  readonly command: 'showAllMonths' | 'showRecentMonths';
  readonly label: string;
}

export interface SpendChartView {
  readonly bars: readonly ChartViewBar[];
  readonly axis: {
    readonly logarithmic: boolean;
    readonly min: number;
    readonly max: number;
    readonly ticks: readonly ChartTick[];
  };
  readonly budget?: { readonly value: number; readonly label: string };
  /** The chart's accessible name: what it shows and its value axis. */
  readonly description: string;
  /** "9 older months are loaded but not drawn." */
  readonly monthsNote?: string;
  readonly monthsCommand?: ChartCommand;
  readonly logarithmic: boolean;
  /** Which bars are cut off at the top of the axis, with their amounts. */
  readonly cappedNote?: string;
  /** The text of the "in progress" badge in the table. */
  readonly inProgressBadge: string;
  /** Shown instead of the chart when nothing is loaded. */
  readonly empty?: string;
}

function dollars(cents: bigint): number {
  return Number(cents) / 100;
}

function shortMonth(period: string, locale: string): string {
  const [year, month] = period.split('-').map(Number);
  try {
    return new Intl.DateTimeFormat(locale, { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, 1));
  } catch {
    return period;
  }
}

/** Tick labels: whole dollars when every tick is one, compact ("$200K") from $10,000 up. */
export function tickLabels(scale: ValueScale, locale: string): string[] {
  const whole = scale.ticks.every((tick) => tick % 100n === 0n);
  const compact = scale.maxCents >= 1_000_000n;
  const options: Intl.NumberFormatOptions = {
    style: 'currency',
    currency: 'USD',
    ...(compact ? { notation: 'compact' } : {}),
    ...(whole && !compact ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {}),
  };
  let format: Intl.NumberFormat;
  try {
    format = new Intl.NumberFormat(locale, options);
  } catch {
    format = new Intl.NumberFormat('en', options);
  }
  return scale.ticks.map((tick) => format.format(centsToDecimal(tick) as Intl.StringNumericLiteral));
}

export function buildChartView(model: ChartModel, locale: string): SpendChartView {
  const money = (cents: bigint) => formatCents(cents, locale);
  const bars = model.bars.map((bar): ChartViewBar => {
    const month = formatPeriod(bar.period, locale);
    const projected = bar.projectedCents === undefined ? undefined : money(bar.projectedCents);
    return {
      invoiceUuid: bar.invoiceUuid,
      month,
      shortMonth: shortMonth(bar.period, locale),
      value: dollars(bar.cents),
      amount: money(bar.cents),
      capped: bar.capped,
      inProgress: bar.inProgress,
      ...(bar.projectedCents === undefined ? {} : { projection: dollars(bar.projectedCents), projected }),
      label: bar.inProgress
        ? l10n.t('{0}: {1} so far, projected {2} (month in progress)', month, money(bar.cents), projected ?? '—')
        : l10n.t('{0}: {1}', month, money(bar.cents)),
      details: bar.inProgress
        ? [l10n.t('{0} so far', money(bar.cents)), ...(projected ? [l10n.t('Projected month end: {0}', projected)] : [])]
        : [money(bar.cents)],
    };
  });
  const { scale } = model;
  const labels = tickLabels(scale, locale);
  const ticks = scale.ticks.map((tick, index) => ({ value: dollars(tick), label: labels[index] }));
  const first = bars[0];
  const last = bars[bars.length - 1];
  const description = first && last
    ? scale.kind === 'logarithmic'
      ? l10n.t('Bar chart of the monthly spend from {0} to {1}; logarithmic value axis from {2} to {3}.', first.month, last.month, labels[0], labels[labels.length - 1])
      : l10n.t('Bar chart of the monthly spend from {0} to {1}; value axis from {2} to {3}.', first.month, last.month, labels[0], labels[labels.length - 1])
    : l10n.t('No invoices loaded yet.');
  const capped = bars.filter((bar) => bar.capped);
  const canShowAll = !model.allMonths && model.hiddenMonths > 0;
  const canShowRecent = model.allMonths && model.loadedMonths > RECENT_MONTHS;
  return {
    bars,
    axis: { logarithmic: scale.kind === 'logarithmic', min: dollars(scale.minCents), max: dollars(scale.maxCents), ticks },
    ...(model.budgetCents > 0n ? { budget: { value: dollars(model.budgetCents), label: l10n.t('Budget {0}', money(model.budgetCents)) } } : {}),
    description,
    ...(canShowAll ? { monthsNote: l10n.t('{0} older months are loaded but not drawn.', model.hiddenMonths) } : {}),
    ...(canShowAll ? { monthsCommand: { command: 'showAllMonths', label: l10n.t('Show all {0} loaded months', model.loadedMonths) } } : {}),
    ...(canShowRecent ? { monthsCommand: { command: 'showRecentMonths', label: l10n.t('Show the last {0} months', RECENT_MONTHS) } } : {}),
    logarithmic: scale.kind === 'logarithmic',
    ...(capped.length > 0
      ? { cappedNote: l10n.t('Above the axis, cut off: {0}. The logarithmic scale shows every month in full.', capped.map((bar) => l10n.t('{0} ({1})', bar.month, bar.amount)).join(', ')) }
      : {}),
    inProgressBadge: l10n.t('in progress'),
    ...(bars.length === 0 ? { empty: l10n.t('No invoices loaded yet.') } : {}),
  };
}
