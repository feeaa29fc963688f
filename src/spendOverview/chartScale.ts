/**
 * The value axis of the spend chart, in exact cents: where it starts and ends, its ticks, and
 * whether one month so far above the others that it would flatten them is capped instead.
 */
export interface ValueScale {
  readonly kind: 'linear' | 'logarithmic';
  readonly minCents: bigint;
  readonly maxCents: bigint;
  /** From the bottom up; the first is minCents, the last maxCents. */
  readonly ticks: readonly bigint[];
}

/** A month more than this many times the median month is an outlier. */
export const OUTLIER_FACTOR = 10n;
/** About this many steps on a linear axis. */
const LINEAR_STEPS = 5n;

/**
 * The highest value that is not an outlier, when some are: values more than OUTLIER_FACTOR
 * times the median of the positive values, and no more than a quarter of them (at least one).
 * Undefined when nothing stands out so.
 */
export function outlierCap(values: readonly bigint[]): bigint | undefined {
  const positive = values.filter((value) => value > 0n).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (positive.length < 3) {
    return undefined;
  }
  const median = positive[Math.floor((positive.length - 1) / 2)];
  const limit = median * OUTLIER_FACTOR;
  const rest = positive.filter((value) => value <= limit);
  const outliers = positive.length - rest.length;
  if (outliers === 0 || outliers > Math.max(1, Math.floor(positive.length / 4))) {
    return undefined;
  }
  return rest[rest.length - 1];
}

/** 10^n as a bigint. */
function power(exponent: number): bigint {
  return 10n ** BigInt(Math.max(0, exponent));
}

/** The number of decimal digits of a positive bigint, less one: floor(log10(value)). */
function magnitude(value: bigint): number {
  return value.toString().length - 1;
}

/** A round step (1, 2 or 5 times a power of ten) of at least `raw`. */
function roundStep(raw: bigint): bigint {
  if (raw <= 1n) {
    return 1n;
  }
  const base = power(magnitude(raw));
  for (const factor of [1n, 2n, 5n, 10n]) {
    if (base * factor >= raw) {
      return base * factor;
    }
  }
  return base * 10n;
}

function floorTo(value: bigint, step: bigint): bigint {
  const rest = value % step;
  return rest === 0n ? value : value >= 0n ? value - rest : value - rest - step;
}

/**
 * A linear axis from 0 (or below, for a negative month) to a round value at or above `top`,
 * in round steps; a month above `top` is drawn capped.
 */
export function linearScale(top: bigint, bottom = 0n): ValueScale {
  const low = bottom < 0n ? bottom : 0n;
  const high = top > low ? top : low + 100n;
  const step = roundStep((high - low + LINEAR_STEPS - 1n) / LINEAR_STEPS);
  const minCents = floorTo(low, step);
  const ticks: bigint[] = [];
  let tick = minCents;
  do {
    ticks.push(tick);
    tick += step;
  } while (ticks[ticks.length - 1] < high);
  return { kind: 'linear', minCents, maxCents: ticks[ticks.length - 1], ticks };
}

/** A logarithmic axis over the powers of ten around the positive values; undefined without one. */
export function logarithmicScale(values: readonly bigint[]): ValueScale | undefined {
  const positive = values.filter((value) => value > 0n);
  if (positive.length === 0) {
    return undefined;
  }
  const smallest = positive.reduce((a, b) => (b < a ? b : a));
  const largest = positive.reduce((a, b) => (b > a ? b : a));
  const low = magnitude(smallest);
  const highest = magnitude(largest);
  const high = power(highest) === largest && highest > low ? highest : highest + 1;
  const ticks = Array.from({ length: high - low + 1 }, (_, index) => power(low + index));
  return { kind: 'logarithmic', minCents: ticks[0], maxCents: ticks[ticks.length - 1], ticks };
}
