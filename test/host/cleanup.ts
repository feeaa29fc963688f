// Stops everything an entry point started, in reverse order, whatever way it ends.
export class Cleanup {
  private readonly steps: { what: string; step: () => Promise<unknown> }[] = [];
  private running: Promise<void> | undefined;
  /** True once a signal asked to stop. */
  stopping = false;

  add(what: string, step: () => Promise<unknown>): void {
    this.steps.push({ what, step });
  }

  /** Runs every step once (latest first); a failing step is reported and the rest still run. */
  run(): Promise<void> {
    return (this.running ??= (async () => {
      for (let next = this.steps.pop(); next; next = this.steps.pop()) {
        try {
          await next.step();
        } catch (error) {
          console.error(`[host] could not stop ${next.what}: ${error instanceof Error ? error.message : error}`);
        }
      }
      this.running = undefined;
    })());
  }

  /**
   * On SIGINT, SIGTERM or SIGHUP: run the cleanup, then exit with 128 + the signal's number.
   * A second signal exits at once. Returns a function that removes the handlers.
   */
  onSignals(): () => void {
    const signals = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const;
    const handlers = Object.entries(signals).map(([signal, number]) => {
      const handler = () => {
        if (this.stopping) {
          process.exit(128 + number);
        }
        this.stopping = true;
        console.error(`[host] ${signal}: stopping everything started...`);
        void this.run().finally(() => process.exit(128 + number));
      };
      process.on(signal, handler);
      return () => process.off(signal, handler);
    });
    return () => handlers.forEach((remove) => remove());
  }
}
