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
