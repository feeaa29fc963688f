import { addDays, firstOfMonth, isDay } from '../api/days';
import { DayRange, lastDays } from '../insights/windows';

/** The ranges to choose from; each ends yesterday, the last day DigitalOcean has figures for (they are nightly). */
export const RANGE_CHOICES = ['last7', 'last30', 'last90', 'thisMonth'] as const;
export type RangeChoice = typeof RANGE_CHOICES[number];
export const DEFAULT_RANGE: RangeChoice = 'last30';

/** What an open Daily Spend panel keeps over a window reload. */
export interface DailySpendState {
  readonly range: RangeChoice;
  /** A product key (src/insights/products.ts); undefined: every product. */
  readonly product?: string;
  /** A region ('' for charges without one); undefined: every region. */
  readonly region?: string;
  /** The day whose breakdown shows. */
  readonly day?: string;
}

export const INITIAL_STATE: DailySpendState = { range: DEFAULT_RANGE };

const LAST_DAYS: Partial<Record<RangeChoice, number>> = { last7: 7, last30: 30, last90: 90 };

/**
 * The days of a choice on `today`: up to yesterday. "This month" on the 1st has no day that
 * has ended yet: undefined.
 */
export function rangeOf(choice: RangeChoice, today: string): DayRange | undefined {
  const yesterday = addDays(today, -1);
  const days = LAST_DAYS[choice];
  if (days !== undefined) {
    return lastDays(yesterday, days);
  }
  const start = firstOfMonth(today);
  return start <= yesterday ? { start, end: yesterday } : undefined;
}

/** The shortest of the last 7, 30 or 90 days that holds `day`; undefined when none does. */
export function rangeHolding(day: string, today: string): RangeChoice | undefined {
  return (['last7', 'last30', 'last90'] as const).find((choice) => {
    const range = rangeOf(choice, today);
    return range !== undefined && day >= range.start && day <= range.end;
  });
}

const optionalText = (value: unknown, max: number) => (typeof value === 'string' && value.length <= max ? value : undefined);

/** A saved state as far as it is one: what cannot be read is left at its default. */
export function parseDailySpendState(saved: unknown): DailySpendState {
  const state = (typeof saved === 'object' && saved !== null ? saved : {}) as Partial<Record<keyof DailySpendState, unknown>>;
  const range = RANGE_CHOICES.find((choice) => choice === state.range) ?? DEFAULT_RANGE;
  const product = optionalText(state.product, 200);
  const region = optionalText(state.region, 100);
  const day = isDay(state.day) ? state.day : undefined;
  return {
    range,
    ...(product ? { product } : {}),
    ...(region !== undefined ? { region } : {}),
    ...(day ? { day } : {}),
  };
}
