import { ShownError } from '../paging/pagedList';
import { formatPermille } from '../insights/alertText';
import { InsightsProgress } from '../insights/fetchInsights';
import { DaySpend, SpendGroup } from '../insights/spend';
import { dayCount, DayRange, INSIGHTS_FIRST_DAY } from '../insights/windows';
import { linearScale } from '../spendOverview/chartScale';
import { tickLabels } from '../spendOverview/chartView';
import { l10n } from '../util/l10n';
import { formatCents } from '../util/money';
import { formatDate, formatDateTime } from '../util/period';
import { DailySpendModel, DayBreakdown, ResourceSpend } from './dailySpendModel';
import { RANGE_CHOICES, RangeChoice } from './dailySpendState';

// What the Daily Spend page draws, as plain JSON: every text formatted here (exact, from
// cents, in the display language); the numbers are for the geometry of the chart only.

/** Commands the page sends back (data-command), with their argument where they take one. */
export type DailyCommand = 'setRange' | 'setProduct' | 'setRegion' | 'selectDay' | 'retry' | 'setToken' | 'switchAccount';

export interface DailyAction {
  readonly command: DailyCommand;
  readonly label: string;
}

export interface DailyRangeButton {
  readonly choice: RangeChoice;
  readonly label: string;
  readonly pressed: boolean;
}

export interface DailyOption {
  /** `all`, or `k:` and the key. */
  readonly value: string;
  readonly label: string;
  readonly selected: boolean;
}

/** Why nothing is drawn (yet), or what goes on while the figures shown stay. */
export interface DailyStatus {
  readonly kind: 'loading' | 'error' | 'info';
  readonly message: string;
  readonly actions: readonly DailyAction[];
}

export interface DailySeries {
  readonly key: string;
  readonly label: string;
  readonly total: string;
}

export interface DailyViewDay {
  readonly day: string;
  /** "Nov 24, 2026" */
  readonly label: string;
  /** "Nov 24", under the bar. */
  readonly short: string;
  readonly state: DaySpend['state'];
  /** The day's total, or what is known of it ("No daily data", "Not loaded"). */
  readonly total: string;
  /** Dollars per series (in the order of `series`), to draw with; null where the day has none. */
  readonly values: readonly (number | null)[];
  /** The same, formatted; '' where the day has none. */
  readonly amounts: readonly string[];
  readonly selected: boolean;
}

export interface DailyResourceRow {
  readonly label: string;
  readonly detail: string;
  readonly products: string;
  readonly amount: string;
}

export interface DailyProductRow {
  readonly label: string;
  readonly amount: string;
  readonly share: string;
}

export interface DailyBreakdownView {
  readonly day: string;
  readonly heading: string;
  /** Why it has no figures (no daily data, not loaded). */
  readonly note?: string;
  readonly products: readonly DailyProductRow[];
  readonly resources: readonly DailyResourceRow[];
  readonly productsCaption: string;
  readonly resourcesCaption: string;
  readonly close: string;
}

export interface DailyChart {
  readonly series: readonly DailySeries[];
  readonly days: readonly DailyViewDay[];
  readonly axis: { readonly min: number; readonly max: number; readonly ticks: readonly { readonly value: number; readonly label: string }[] };
  /** The chart's accessible name: what it shows and its value axis. */
  readonly description: string;
  /** "Total $1,234.56 in 30 days" */
  readonly summary: string;
  readonly tableCaption: string;
  /** The day table's column headings: day, total, then the series. */
  readonly columns: readonly string[];
  readonly resourcesCaption: string;
  readonly resources: readonly DailyResourceRow[];
  readonly moreResources?: string;
  /** Failed windows: which days, and that they are unknown, not zero. */
  readonly missing?: string;
  readonly beforeData?: string;
  /** Shown instead of the chart when the range has no charge. */
  readonly empty?: string;
  readonly breakdown?: DailyBreakdownView;
}

export interface DailySpendView {
  /** "Last 30 days: Nov 3, 2026 to Dec 2, 2026" */
  readonly heading: string;
  readonly ranges: readonly DailyRangeButton[];
  readonly products: readonly DailyOption[];
  readonly regions: readonly DailyOption[];
  readonly status?: DailyStatus;
  /** Lines under the heading: when the figures were fetched, problems with them. */
  readonly notes: readonly string[];
  readonly chart?: DailyChart;
}

/** What the panel knows at the moment; the view says it. */
export interface DailyPageInput {
  readonly choice: RangeChoice;
  /** Undefined: no day of this month has ended yet. */
  readonly range?: DayRange;
  readonly hasToken: boolean;
  readonly model?: DailySpendModel;
  readonly loading?: { readonly progress?: InsightsProgress };
  readonly error?: ShownError;
  /** When the figures shown were fetched; `cached` when they come from the cache of an earlier session. */
  readonly fetchedAt?: number;
  readonly cached?: boolean;
  readonly problems?: readonly string[];
  /** Why windows failed, as the API said. */
  readonly failures?: readonly string[];
}

const RANGE_LABELS: Record<RangeChoice, () => string> = {
  last7: () => l10n.t('7 days'),
  last30: () => l10n.t('30 days'),
  last90: () => l10n.t('90 days'),
  thisMonth: () => l10n.t('This month'),
};

const HEADINGS: Record<RangeChoice, () => string> = {
  last7: () => l10n.t('Last 7 days'),
  last30: () => l10n.t('Last 30 days'),
  last90: () => l10n.t('Last 90 days'),
  thisMonth: () => l10n.t('This month'),
};

export const ALL = 'all';
const optionValue = (key: string) => `k:${key}`;

/** The key an option's value stands for; undefined for "all" (or anything else). */
export function optionKey(value: string | undefined): string | undefined {
  return value?.startsWith('k:') ? value.slice(2) : undefined;
}

function dollars(cents: bigint): number {
  return Number(cents) / 100;
}

function shortDay(day: string, locale: string): string {
  const date = Date.parse(`${day}T00:00:00Z`);
  try {
    return new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(date);
  } catch {
    return day.slice(5);
  }
}

function fullDay(day: string, locale: string): string {
  const date = Date.parse(`${day}T00:00:00Z`);
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' }).format(date);
  } catch {
    return day;
  }
}

export function rangeText(range: DayRange, locale: string): string {
  return range.start === range.end
    ? formatDate(range.start, locale)
    : l10n.t('{0} to {1}', formatDate(range.start, locale), formatDate(range.end, locale));
}

function options(groups: readonly SpendGroup[], chosen: string | undefined, all: string, locale: string): DailyOption[] {
  return [
    { value: ALL, label: all, selected: chosen === undefined },
    ...groups.map((group) => ({ value: optionValue(group.key), label: `${group.label} (${formatCents(group.cents, locale)})`, selected: group.key === chosen })),
  ];
}

/** What to do about an error, as buttons. */
function errorActions(error: ShownError): DailyAction[] {
  const retry: DailyAction = { command: 'retry', label: l10n.t('Retry') };
  const setToken: DailyAction = { command: 'setToken', label: l10n.t('Set API Token') };
  switch (error.kind) {
    case 'unauthorized':
    case 'forbidden':
    case 'missingScope':
      return [setToken, retry];
    case 'noTeam':
      return [{ command: 'switchAccount', label: l10n.t('Switch Account') }, setToken];
    default:
      return [retry];
  }
}

function progressText(progress: InsightsProgress | undefined): string {
  return progress && progress.knownPages > 0
    ? l10n.t('Loading the daily spend… {0} of {1} pages', progress.loadedPages, progress.knownPages)
    : l10n.t('Loading the daily spend…');
}

function status(input: DailyPageInput): DailyStatus | undefined {
  if (!input.hasToken) {
    return { kind: 'info', message: l10n.t('Set a DigitalOcean API token first.'), actions: [{ command: 'setToken', label: l10n.t('Set API Token') }] };
  }
  if (!input.range) {
    return { kind: 'info', message: l10n.t('No day of this month has ended yet: DigitalOcean adds each day\'s figures the night after. The last 7 days show the days before.'), actions: [] };
  }
  if (input.error) {
    return { kind: 'error', message: input.model ? l10n.t('Could not refresh the daily spend: {0}', input.error.message) : input.error.message, actions: errorActions(input.error) };
  }
  if (input.loading) {
    return { kind: 'loading', message: progressText(input.loading.progress), actions: [] };
  }
  return input.model ? undefined : { kind: 'loading', message: progressText(undefined), actions: [] };
}

function notes(input: DailyPageInput, locale: string): string[] {
  const lines: string[] = [];
  const fetched = formatDateTime(input.fetchedAt, locale);
  if (input.model && fetched) {
    lines.push(input.cached ? l10n.t('Fetched {0} (cached, not refreshed yet)', fetched) : l10n.t('Fetched {0}', fetched));
    lines.push(l10n.t('DigitalOcean estimates each day\'s figures the night after: today\'s are not in yet.'));
  }
  if (input.model && input.model.unreadable > 0) {
    lines.push(l10n.t('{0} amounts could not be read and are not counted.', input.model.unreadable));
  }
  return [...lines, ...(input.problems ?? [])];
}

function resourceRows(resources: readonly ResourceSpend[], locale: string): DailyResourceRow[] {
  return resources.map((resource) => ({
    label: resource.label,
    detail: resource.detail,
    products: resource.products.join(', '),
    amount: formatCents(resource.cents, locale),
  }));
}

function breakdownView(breakdown: DayBreakdown, locale: string): DailyBreakdownView {
  const day = fullDay(breakdown.day, locale);
  const base = {
    day: breakdown.day,
    productsCaption: l10n.t('By product'),
    resourcesCaption: l10n.t('By resource'),
    close: l10n.t('Close the breakdown'),
  };
  if (breakdown.state === 'noData') {
    return {
      ...base, heading: day, products: [], resources: [],
      note: l10n.t('DigitalOcean has no daily data for this day: its daily figures start on {0}.', formatDate(INSIGHTS_FIRST_DAY, locale)),
    };
  }
  if (breakdown.state === 'missing') {
    return { ...base, heading: day, products: [], resources: [], note: l10n.t('The figures of this day did not load; they are unknown, not zero.') };
  }
  const total = breakdown.cents;
  const share = (cents: bigint) => (total > 0n && cents >= 0n ? formatPermille((cents * 1000n + total / 2n) / total, locale) : '');
  return {
    ...base,
    heading: l10n.t('{0}: {1}', day, formatCents(total, locale)),
    ...(breakdown.products.length === 0 ? { note: l10n.t('No charges on this day.') } : {}),
    products: breakdown.products.map((product) => ({ label: product.label, amount: formatCents(product.cents, locale), share: share(product.cents) })),
    resources: resourceRows(breakdown.resources, locale),
  };
}

function dayTotal(day: DaySpend, locale: string): string {
  switch (day.state) {
    case 'noData':
      return l10n.t('No daily data');
    case 'missing':
      return l10n.t('Not loaded');
    case 'known':
      return formatCents(day.cents, locale);
  }
}

function chartView(model: DailySpendModel, input: DailyPageInput, locale: string): DailyChart {
  const money = (cents: bigint) => formatCents(cents, locale);
  const series = model.products.map((product) => ({ key: product.key, label: product.label, total: money(product.cents) }));
  let top = 0n;
  let bottom = 0n;
  const days = model.days.map((day): DailyViewDay => {
    const known = day.state === 'known';
    const parts = model.products.map((product) => (known ? day.byProduct.get(product.key) : undefined));
    const positive = parts.reduce<bigint>((sum, cents) => sum + (cents !== undefined && cents > 0n ? cents : 0n), 0n);
    const negative = parts.reduce<bigint>((sum, cents) => sum + (cents !== undefined && cents < 0n ? cents : 0n), 0n);
    top = positive > top ? positive : top;
    bottom = negative < bottom ? negative : bottom;
    return {
      day: day.day,
      label: formatDate(day.day, locale),
      short: shortDay(day.day, locale),
      state: day.state,
      total: dayTotal(day, locale),
      values: parts.map((cents) => (cents === undefined ? null : dollars(cents))),
      amounts: parts.map((cents) => (cents === undefined ? '' : money(cents))),
      selected: day.day === model.breakdown?.day,
    };
  });
  const scale = linearScale(top, bottom);
  const labels = tickLabels(scale, locale);
  const range = rangeText(model.range, locale);
  const totalDays = dayCount(model.range);
  const knownDays = model.days.filter((day) => day.state === 'known').length;
  const missingDays = model.missing.reduce((sum, run) => sum + dayCount(run), 0);
  const failures = [...new Set(input.failures ?? [])];
  return {
    series,
    days,
    axis: { min: dollars(scale.minCents), max: dollars(scale.maxCents), ticks: scale.ticks.map((tick, index) => ({ value: dollars(tick), label: labels[index] })) },
    description: l10n.t('Stacked bar chart of the daily spend by product from {0}; value axis from {1} to {2}.', range, labels[0], labels[labels.length - 1]),
    summary: knownDays === totalDays
      ? l10n.t('Total {0} in {1} days', money(model.cents), totalDays)
      : l10n.t('Total {0} in the {1} of {2} days with figures', money(model.cents), knownDays, totalDays),
    tableCaption: l10n.t('Daily spend by product, {0}', range),
    columns: [l10n.t('Day'), l10n.t('Total'), ...series.map((one) => one.label)],
    resourcesCaption: l10n.t('Top resources, {0}', range),
    resources: resourceRows(model.topResources, locale),
    ...(model.moreResources > 0 ? { moreResources: l10n.t('and {0} more resources', model.moreResources) } : {}),
    ...(model.missing.length > 0 ? {
      missing: l10n.t('Not loaded: {0}. Their figures are unknown, not zero.', model.missing.map((run) => rangeText(run, locale)).join(', '))
        + (failures.length > 0 ? ` ${failures.join(' ')}` : ''),
    } : {}),
    ...(model.beforeData ? {
      beforeData: l10n.t('DigitalOcean has no daily data before {0}: {1} show none.', formatDate(INSIGHTS_FIRST_DAY, locale), rangeText(model.beforeData, locale)),
    } : {}),
    ...(model.points === 0 && missingDays + (model.beforeData ? dayCount(model.beforeData) : 0) < totalDays
      ? { empty: l10n.t('No charges in this range.') } : {}),
    ...(model.breakdown ? { breakdown: breakdownView(model.breakdown, locale) } : {}),
  };
}

export function buildDailySpendView(input: DailyPageInput, locale: string): DailySpendView {
  const model = input.model;
  const filter = model?.filter ?? {};
  return {
    heading: input.range ? l10n.t('{0}: {1}', HEADINGS[input.choice](), rangeText(input.range, locale)) : HEADINGS[input.choice](),
    ranges: RANGE_CHOICES.map((choice) => ({ choice, label: RANGE_LABELS[choice](), pressed: choice === input.choice })),
    products: options(model?.productOptions ?? [], filter.product, l10n.t('All products'), locale),
    regions: options(model?.regionOptions ?? [], filter.region, l10n.t('All regions'), locale),
    status: status(input),
    notes: notes(input, locale),
    ...(model && input.hasToken && input.range ? { chart: chartView(model, input, locale) } : {}),
  };
}
