// Timed samples for the benchmark: several variants measured in turn, round after round, so a
// machine that slows down or speeds up weighs on each alike; and their min / median / max.

export interface Spread {
  readonly min: number;
  readonly median: number;
  readonly max: number;
  readonly count: number;
}

export function spread(samples: readonly number[]): Spread {
  if (samples.length === 0) {
    throw new Error('no samples');
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { min: sorted[0], median, max: sorted[sorted.length - 1], count: sorted.length };
}

/** Starts and stops the time of one run, for runs that set up or tear down around it. */
export interface RunClock {
  start(): void;
  stop(): void;
}

export type TimedRun = (clock: RunClock) => Promise<void>;

async function timeOnce(run: TimedRun, now: () => number): Promise<number> {
  let started = now();
  let stopped: number | undefined;
  await run({ start: () => (started = now()), stop: () => (stopped = now()) });
  return (stopped ?? now()) - started;
}

/**
 * Runs every variant once per round, `rounds` times after a warm-up round (JIT, sockets), the
 * order turning by one each round. Returns each variant's samples, in the variants' order.
 */
export async function interleaved(rounds: number, variants: readonly TimedRun[], now: () => number = () => performance.now()): Promise<number[][]> {
  const samples = variants.map(() => [] as number[]);
  for (let round = 0; round <= rounds; round++) {
    for (let step = 0; step < variants.length; step++) {
      const index = (round + step) % variants.length;
      const time = await timeOnce(variants[index], now);
      if (round > 0) {
        samples[index].push(time);
      }
    }
  }
  return samples;
}

/** Every order of `items`, each once. */
export function everyOrder<T>(items: readonly T[]): T[][] {
  return items.length <= 1
    ? [[...items]]
    : items.flatMap((item, at) => everyOrder([...items.slice(0, at), ...items.slice(at + 1)]).map((rest) => [item, ...rest]));
}

/** A value measured for one variant in one pairing (a round, a window). */
export interface PairedSample {
  readonly pair: number;
  readonly of: string;
  readonly value: number;
}

/** `of`'s value ÷ `baseline`'s, within each pairing that has both. */
export function pairedRatios(samples: readonly PairedSample[], of: string, baseline: string): Spread {
  const valueOf = (pair: number, variant: string) => samples.find((sample) => sample.pair === pair && sample.of === variant)?.value;
  return spread([...new Set(samples.map((sample) => sample.pair))].flatMap((pair) => {
    const [value, limit] = [valueOf(pair, of), valueOf(pair, baseline)];
    return value !== undefined && limit !== undefined ? [value / limit] : [];
  }));
}
