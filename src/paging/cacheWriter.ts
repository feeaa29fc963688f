import { Logger } from '../util/logger';

/**
 * Writes a state's cache on the next turn, once for changes that come together (page 1 and
 * the pages loaded in a row). The data is on screen already; globalState copies the whole
 * value on every update, and the next request should not wait for that copy.
 */
export class CacheWriter {
  private pending: (() => Promise<void>) | undefined;

  constructor(private readonly what: string, private readonly logger: Logger) {}

  /** Writes with `write` soon; a later call before then replaces it. */
  soon(write: () => Promise<void>): void {
    const scheduled = this.pending !== undefined;
    this.pending = write;
    if (!scheduled) {
      setImmediate(() => this.flush());
    }
  }

  /** Writes what is pending now (the account is being left, the window closes). */
  flush(): void {
    const write = this.pending;
    this.pending = undefined;
    write?.().catch((error: unknown) => {
      this.logger.warn(`Could not cache ${this.what}: ${error instanceof Error ? error.message : String(error)}`);
    });
  }
}
