export interface BoundedRunOptions {
  /** How many may run at once; read again before each start, so it can change while running. */
  readonly limit: () => number;
  /** Checked before each start: once true, nothing more is started. */
  readonly stop?: () => boolean;
}

/**
 * Runs `run` on what `take` hands out, with a bounded number in flight. `take` is asked again
 * whenever a run settles, so work that becomes known meanwhile is picked up; it returns
 * undefined when there is nothing (more) to start now. Resolves when nothing is in flight and
 * nothing more is handed out. `run` should not reject; if one does, nothing more is started
 * and the first rejection is rethrown once the others have settled.
 */
export function runBounded<T>(take: () => T | undefined, run: (item: T) => Promise<void>, options: BoundedRunOptions): Promise<void> {
  let inFlight = 0;
  let failure: { error: unknown } | undefined;
  return new Promise((resolve, reject) => {
    const pump = () => {
      while (!failure && !options.stop?.() && inFlight < Math.max(1, options.limit())) {
        const item = take();
        if (item === undefined) {
          break;
        }
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
          resolve();
        }
      }
    };
    pump();
  });
}
