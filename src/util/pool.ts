export interface BoundedRunOptions {
  /** How many may run at once; read again before each start, so it can change while running. */
  readonly limit: () => number;
  /** Checked before each start: once true, nothing more is started. */
  readonly stop?: () => boolean;
}

/**
 * Runs `run` on each item in order with a bounded number in flight. Resolves when every started
 * run has settled, with the items that were never started (because `stop` said so). `run`
 * should not reject; if one does, nothing more is started and the first rejection is rethrown
 * once the others have settled.
 */
export function runBounded<T>(items: readonly T[], run: (item: T) => Promise<void>, options: BoundedRunOptions): Promise<T[]> {
  const queue = [...items];
  let inFlight = 0;
  let failure: { error: unknown } | undefined;
  return new Promise((resolve, reject) => {
    const pump = () => {
      while (queue.length > 0 && !failure && !options.stop?.() && inFlight < Math.max(1, options.limit())) {
        const item = queue.shift() as T;
        inFlight++;
        run(item)
          .catch((error: unknown) => {
            failure ??= { error };
          })
          .finally(() => {
            inFlight--;
            pump();
          });
      }
      if (inFlight === 0) {
        if (failure) {
          reject(failure.error);
        } else {
          resolve(queue);
        }
      }
    };
    pump();
  });
}
