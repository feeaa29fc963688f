import { DigitalOceanClient } from '../api/client';
import { isAbort } from '../api/errors';
import { Balance } from '../api/types';
import { CacheWriter } from '../paging/cacheWriter';
import { SessionStateEnvironment, ShownError, shownError } from '../paging/pagedList';
import { SessionFollower } from '../paging/sessionFollower';
import { SessionState } from '../session/session';
import { AccountCache } from '../storage/accountCache';
import { Emitter } from '../util/event';

export interface BalanceSnapshot {
  readonly hasToken: boolean;
  readonly balance?: Balance;
  /** Why the last fetch failed; the balance shown before stays. */
  readonly error?: ShownError;
  readonly loading: boolean;
  /** Restored from the cache and not refreshed yet in this session. */
  readonly stale: boolean;
  readonly fetchedAt?: number;
}

interface CachedBalance {
  readonly balance: Balance;
  readonly fetchedAt: number;
}

export interface BalanceStateOptions extends SessionStateEnvironment {
  readonly client: DigitalOceanClient;
}

const EMPTY: BalanceSnapshot = { hasToken: false, loading: false, stale: false };

/** The session account's balance (GET /v2/customers/my/balance), cached, refreshed with the invoices. */
export class BalanceState {
  private readonly changed = new Emitter<BalanceSnapshot>();
  readonly onDidChange = this.changed.event;
  private current = EMPTY;
  private readonly follower = new SessionFollower();
  private fetching: { readonly controller: AbortController; readonly promise: Promise<void> } | undefined;
  private readonly cache: AccountCache<CachedBalance>;
  private readonly cacheWriter: CacheWriter;
  private readonly now: () => number;
  private readonly subscription: { dispose(): void };

  constructor(private readonly options: BalanceStateOptions) {
    this.now = options.now ?? Date.now;
    this.cache = new AccountCache(options.store, 'balance', (data) => typeof data.balance === 'object' && data.balance !== null);
    this.cacheWriter = new CacheWriter('the balance', options.logger);
    this.subscription = options.session.onDidChange((state) => this.follow(state));
    this.follow(options.session.state);
  }

  get snapshot(): BalanceSnapshot {
    return this.current;
  }

  /**
   * Fetches the balance again; shared while one is in flight. Its request leaves on the next
   * turn, so that page 1 of the invoices, asked for at the same moment, leaves first.
   */
  refresh(): Promise<void> {
    const scope = this.options.session.begin();
    if (!scope || scope.key !== this.follower.key) {
      return Promise.resolve();
    }
    if (this.fetching) {
      return this.fetching.promise;
    }
    const controller = new AbortController();
    this.update({ ...this.current, loading: true });
    const promise = new Promise((resolve) => setImmediate(resolve))
      .then(() => this.options.client.getBalance(scope.call({ signal: controller.signal })))
      .then(
        (balance) => {
          if (!controller.signal.aborted) {
            this.update({ hasToken: true, balance, loading: false, stale: false, fetchedAt: this.now() });
            this.cacheWriter.soon(() => this.write());
          }
        },
        (error: unknown) => {
          if (!controller.signal.aborted && !isAbort(error)) {
            const shown = shownError(error);
            this.options.logger.warn(`Could not fetch the balance: ${shown.message}`);
            this.update({ ...this.current, loading: false, error: shown });
          }
        },
      )
      .finally(() => {
        if (this.fetching?.controller === controller) {
          this.fetching = undefined;
        }
      });
    this.fetching = { controller, promise };
    return promise;
  }

  dispose(): void {
    this.subscription.dispose();
    this.stop();
    this.cacheWriter.flush();
    this.changed.dispose();
  }

  private follow(state: SessionState): void {
    this.follower.follow(state, (key, starting) => {
      this.stop();
      this.cacheWriter.flush();
      const cached = key ? this.cache.read(key) : undefined;
      this.update(cached ? { ...EMPTY, ...cached, hasToken: true, stale: true } : { ...EMPTY, hasToken: key !== undefined && !starting });
      return false;
    }, () => {
      if (!this.current.hasToken) {
        this.update({ ...this.current, hasToken: true });
      }
      void this.refresh();
    });
  }

  private write(): Promise<void> {
    const { key } = this.follower;
    const { current } = this;
    return key && current.balance && current.fetchedAt !== undefined
      ? this.cache.write(key, { balance: current.balance, fetchedAt: current.fetchedAt })
      : Promise.resolve();
  }

  private stop(): void {
    this.fetching?.controller.abort();
    this.fetching = undefined;
    if (this.current.loading) {
      this.update({ ...this.current, loading: false });
    }
  }

  private update(next: BalanceSnapshot): void {
    this.current = next;
    this.changed.fire(next);
  }
}
