import { ApiError, ApiErrorKind, isAbort } from '../api/errors';
import { CallOptions, RetryNotice } from '../api/http';
import { PageRef } from '../api/types';
import { tokenFingerprint } from '../session/token';
import { Emitter } from '../util/event';
import { Logger } from '../util/logger';
import { l10n } from '../util/l10n';

export interface ShownError {
  readonly kind: ApiErrorKind | 'unexpected';
  readonly message: string;
}

/** One fetched page of a list endpoint. */
export interface ListPage<Item, Extra> {
  readonly items: readonly Item[];
  readonly total?: number;
  readonly next?: PageRef;
  /** Set when the API's next link could not be followed; paging stops with this message. */
  readonly pagingProblem?: string;
  /** What comes with a page beside its items (the invoice preview); later pages add to it. */
  readonly extra?: Partial<Extra>;
}

/** Everything a view of the list shows, as one immutable value. */
export interface ListSnapshot<Item, Extra> {
  readonly hasToken: boolean;
  readonly items: readonly Item[];
  readonly extra: Partial<Extra>;
  readonly total?: number;
  readonly next?: PageRef;
  /** When the data was fetched; undefined before the first success. */
  readonly fetchedAt?: number;
  /** Restored from the cache and not refreshed yet in this session. */
  readonly stale: boolean;
  readonly activity?: 'refreshing' | 'loadingMore';
  /** Set while the client waits to retry (rate limit, server error). */
  readonly retryNotice?: string;
  readonly error?: ShownError;
  /** Why "Load more" stopped although the API linked another page. */
  readonly pagingProblem?: string;
}

/** A snapshot without its data: token, paging, activity and errors. */
export type ListStatus = Omit<ListSnapshot<unknown, unknown>, 'items' | 'extra'>;

/** What the cache keeps of a list. */
export interface ListCacheEntry<Item, Extra> {
  readonly items: readonly Item[];
  readonly extra: Partial<Extra>;
  readonly total?: number;
  readonly next?: PageRef;
  readonly fetchedAt: number;
}

/** Cached lists per token fingerprint (see AccountCache). */
export interface ListCache<Item, Extra> {
  readonly lastAccount: string | undefined;
  read(account: string): ListCacheEntry<Item, Extra> | undefined;
  write(account: string, entry: ListCacheEntry<Item, Extra>): Promise<void>;
  remove(account: string): Promise<void>;
}

/** What every list state is given from outside. */
export interface ListEnvironment {
  readonly logger: Logger;
  readonly pageSize: () => number;
  readonly now?: () => number;
}

export interface PagedListOptions<Item, Extra> extends ListEnvironment {
  readonly fetchPage: (page: PageRef, call: CallOptions) => Promise<ListPage<Item, Extra>>;
  /** Fetched with every refresh, in parallel with page 1; reports its own failure in the extra. */
  readonly fetchAlongside?: (call: CallOptions) => Promise<Partial<Extra>>;
  /** Identity of an item: the first of each key is kept, since pages shift between loads. */
  readonly keyOf: (item: Item) => string;
  /** Shown when a page adds nothing new although the API links another one. */
  readonly stuckMessage: () => string;
  /** What the list holds, for the log ("invoices"). */
  readonly what: string;
  readonly cache: ListCache<Item, Extra>;
}

interface Operation {
  readonly controller: AbortController;
  /** Settles when the page is shown (or failed). */
  readonly promise: Promise<void>;
}

/**
 * A paged list of the current token and everything done to it: refresh (shared while in
 * flight), load more, token changes (which abort requests of the old token), the cache and
 * the errors to show.
 */
export class PagedListState<Item, Extra = Record<never, never>> {
  private readonly changed = new Emitter<ListSnapshot<Item, Extra>>();
  readonly onDidChange = this.changed.event;
  private readonly tokenChanged = new Emitter<string | undefined>();
  /** Fires after the token changed (to another one or none). */
  readonly onDidChangeToken = this.tokenChanged.event;

  private readonly empty: ListSnapshot<Item, Extra> = { hasToken: false, items: [], extra: {}, stale: false };
  private current = this.empty;
  private token: string | undefined;
  private account: string | undefined;
  private refreshing: Operation | undefined;
  /** The refresh until what comes alongside page 1 is merged in too: shared until then. */
  private wholeRefresh: Operation | undefined;
  private loadingMore: Operation | undefined;
  /**
   * What comes alongside page 1, until it is merged in: with a refresh, or on its own after a
   * verified token was adopted.
   */
  private fetchingAlongside: AbortController | undefined;
  private readonly now: () => number;
  private cacheWritePending = false;

  constructor(private readonly options: PagedListOptions<Item, Extra>) {
    this.now = options.now ?? Date.now;
  }

  get snapshot(): ListSnapshot<Item, Extra> {
    return this.current;
  }

  get currentToken(): string | undefined {
    return this.token;
  }

  /** Shows the last account's cached data before the token is known (startup). */
  showLastKnown(): void {
    const account = this.options.cache.lastAccount;
    const cached = account ? this.options.cache.read(account) : undefined;
    if (account && cached && !this.token) {
      this.account = account;
      this.update({ ...this.empty, ...cached, hasToken: true, stale: true });
    }
  }

  /**
   * Switches to another token (or none). Requests of the previous token are aborted and
   * their results dropped. Returns false when the token is the one already in use.
   */
  setToken(token: string | undefined): boolean {
    const account = token ? tokenFingerprint(token) : undefined;
    if (token === this.token && account === this.account) {
      return false;
    }
    this.cancelAll();
    this.writeCacheNow(); // what is shown belongs to the account being left
    const previousAccount = this.account;
    const previousToken = this.token;
    this.token = token;
    this.account = account;
    this.options.logger.redactor.addSecret(token);
    if (!token || !account) {
      this.update(this.empty);
    } else if (account !== previousAccount || !this.current.hasToken) {
      // Otherwise the cache of this account is already on screen (restored at startup).
      const cached = this.options.cache.read(account);
      this.update(cached ? { ...this.empty, ...cached, hasToken: true, stale: true } : { ...this.empty, hasToken: true });
    }
    // Also when only the account changes: no token after a startup that showed a cache.
    if (token !== previousToken || account !== previousAccount) {
      this.tokenChanged.fire(token);
    }
    return true;
  }

  /** Uses a token whose first page was just fetched (to verify it) without fetching it again. */
  adoptVerified(token: string, firstPage: ListPage<Item, Extra>): void {
    this.setToken(token);
    this.cancelAll();
    this.applyFirstPage(firstPage);
    const fetchAlongside = this.options.fetchAlongside;
    if (!fetchAlongside) {
      return;
    }
    // The check fetched the list only; what comes alongside follows on its own, without
    // holding up a refresh or "Load more" (a refresh fetches it again and cancels this).
    const controller = new AbortController();
    this.fetchingAlongside = controller;
    void this.mergeAlongside(controller, Promise.resolve(), fetchAlongside(this.callOptions(token, controller)));
  }

  /** Removes the cached data of a token (of another account, or the current one). */
  async forgetToken(token: string): Promise<void> {
    const account = tokenFingerprint(token);
    if (account === this.account) {
      await this.forgetCurrent();
    } else {
      await this.options.cache.remove(account);
    }
  }

  /** Removes the cached data of the current token. */
  async forgetCurrent(): Promise<void> {
    const account = this.account;
    this.setToken(undefined);
    if (account) {
      await this.options.cache.remove(account);
    }
  }

  /**
   * Fetches page 1 (and what comes alongside) again. Calls while one is in flight share it,
   * unless `supersede` asks for a new one (settings changed), which aborts the older one.
   */
  refresh(options: { supersede?: boolean } = {}): Promise<void> {
    if (!this.token) {
      return Promise.resolve();
    }
    const pending = this.wholeRefresh ?? this.refreshing;
    if (pending && !options.supersede) {
      return pending.promise;
    }
    this.cancelAll();
    const token = this.token;
    const controller = new AbortController();
    this.update({ ...this.current, activity: 'refreshing', retryNotice: undefined });
    const call = this.callOptions(token, controller);
    // Page 1 is sent first and shown as soon as it arrives ("Load more" is possible from
    // then on); what comes alongside is merged in when it arrives.
    const firstPage = this.options.fetchPage({ page: 1, perPage: this.options.pageSize() }, call);
    const fetchAlongside = this.options.fetchAlongside;
    // Started on the next turn, so that page 1's request leaves first.
    const alongside = fetchAlongside && new Promise((resolve) => setImmediate(resolve)).then(() => fetchAlongside(call));
    const shown = this.track('refreshing', controller, firstPage.then((page) => (controller.signal.aborted ? undefined : this.applyFirstPage(page))));
    if (!alongside) {
      return shown;
    }
    this.fetchingAlongside = controller;
    const done = Promise.all([shown, this.mergeAlongside(controller, shown, alongside)]).then(() => {
      if (this.wholeRefresh?.controller === controller) {
        this.wholeRefresh = undefined;
      }
    });
    this.wholeRefresh = { controller, promise: done };
    return done;
  }

  /** Merges what came alongside page 1 once page 1 is shown; nothing if it failed or was superseded. */
  private async mergeAlongside(controller: AbortController, shown: Promise<void>, alongside: Promise<Partial<Extra>>): Promise<void> {
    try {
      const [extra] = await Promise.all([alongside, shown]);
      if (!controller.signal.aborted) {
        this.update({ ...this.current, extra: { ...this.current.extra, ...extra }, retryNotice: undefined });
        this.writeCacheSoon();
      }
    } catch (error) {
      if (!controller.signal.aborted) {
        this.options.logger.warn(`Could not fetch what comes with the list: ${error instanceof Error ? error.message : String(error)}`);
      }
    } finally {
      if (this.fetchingAlongside === controller) {
        this.fetchingAlongside = undefined;
      }
    }
  }

  /**
   * Appends the next page. Does nothing while anything is loading (but settles when that load
   * has, so `while (next) await loadMore()` cannot spin; during a refresh, when page 1 is
   * shown) or when there is none.
   */
  loadMore(): Promise<void> {
    const next = this.current.next;
    if (!this.token || !next || this.refreshing || this.loadingMore) {
      return this.loadingMore?.promise ?? this.refreshing?.promise ?? Promise.resolve();
    }
    const token = this.token;
    const controller = new AbortController();
    this.update({ ...this.current, activity: 'loadingMore', retryNotice: undefined });
    return this.track('loadingMore', controller, this.options
      .fetchPage(next, this.callOptions(token, controller))
      .then((page) => (controller.signal.aborted ? undefined : this.applyNextPage(page))));
  }

  /** Keeps `work` as the operation in flight until it settles; its failure becomes the error shown. */
  private track(slot: 'refreshing' | 'loadingMore', controller: AbortController, work: Promise<void>): Promise<void> {
    const promise = work
      .catch((error: unknown) => {
        this.fail(error, controller);
        // Page 1 failed: stop what was fetched alongside it (and its retry notices) too.
        controller.abort();
      })
      .finally(() => {
        if (this[slot]?.controller === controller) {
          this[slot] = undefined;
        }
      });
    this[slot] = { controller, promise };
    return promise;
  }

  dispose(): void {
    this.cancelAll();
    this.writeCacheNow();
    this.changed.dispose();
    this.tokenChanged.dispose();
  }

  private callOptions(token: string, controller: AbortController): CallOptions {
    return {
      token,
      signal: controller.signal,
      onRetry: (notice: RetryNotice) => {
        if (!controller.signal.aborted) {
          this.update({ ...this.current, retryNotice: notice.message });
        }
      },
    };
  }

  private applyFirstPage(page: ListPage<Item, Extra>): void {
    this.update({
      hasToken: true,
      items: this.unique(page.items),
      // What came alongside last time stays until the new one arrives.
      extra: { ...this.current.extra, ...page.extra },
      total: page.total,
      next: page.next,
      pagingProblem: page.pagingProblem,
      fetchedAt: this.now(),
      stale: false,
    });
    this.writeCacheSoon();
  }

  private applyNextPage(page: ListPage<Item, Extra>): void {
    const items = this.unique([...this.current.items, ...page.items]);
    const added = items.length - this.current.items.length;
    // A page that adds nothing new would make "Load more" spin forever on a shifting list.
    const stuck = added === 0 && page.next !== undefined;
    this.update({
      ...this.current,
      items,
      extra: { ...this.current.extra, ...page.extra },
      total: page.total ?? this.current.total,
      next: stuck ? undefined : page.next,
      pagingProblem: stuck ? this.options.stuckMessage() : page.pagingProblem,
      activity: undefined,
      retryNotice: undefined,
      error: undefined,
    });
    this.writeCacheSoon();
  }

  private fail(error: unknown, controller: AbortController): void {
    if (controller.signal.aborted || isAbort(error)) {
      return;
    }
    const shown = shownError(error);
    this.options.logger.error(shown.message);
    this.update({ ...this.current, activity: undefined, retryNotice: undefined, error: shown });
  }

  /**
   * The data is on screen already: the cache is written on the next turn, once for changes
   * that come together (page 1 and the balance; pages loaded in a row). globalState copies
   * the whole value on every update, and the next request should not wait for that copy.
   */
  private writeCacheSoon(): void {
    if (this.cacheWritePending) {
      return;
    }
    this.cacheWritePending = true;
    setImmediate(() => this.writeCacheNow());
  }

  private writeCacheNow(): void {
    if (this.cacheWritePending) {
      this.cacheWritePending = false;
      void this.persist();
    }
  }

  private async persist(): Promise<void> {
    const account = this.account;
    const { items, extra, total, next, fetchedAt } = this.current;
    if (!account || fetchedAt === undefined) {
      return;
    }
    try {
      await this.options.cache.write(account, { items, extra, total, next, fetchedAt });
    } catch (error) {
      this.options.logger.warn(`Could not cache ${this.options.what}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private cancelAll(): void {
    this.refreshing?.controller.abort();
    this.loadingMore?.controller.abort();
    this.fetchingAlongside?.abort();
    this.refreshing = undefined;
    this.wholeRefresh = undefined;
    this.loadingMore = undefined;
    this.fetchingAlongside = undefined;
    if (this.current.activity || this.current.retryNotice) {
      this.update({ ...this.current, activity: undefined, retryNotice: undefined });
    }
  }

  private update(next: ListSnapshot<Item, Extra>): void {
    this.current = next;
    this.changed.fire(next);
  }

  /** Keeps the first item of each key. */
  private unique(items: readonly Item[]): Item[] {
    const byKey = new Map<string, Item>();
    for (const item of items) {
      const key = this.options.keyOf(item);
      if (!byKey.has(key)) {
        byKey.set(key, item);
      }
    }
    return [...byKey.values()];
  }
}

export function shownError(error: unknown): ShownError {
  return error instanceof ApiError
    ? { kind: error.kind, message: error.fullMessage }
    : { kind: 'unexpected', message: l10n.t('Unexpected error: {0}', error instanceof Error ? error.message : String(error)) };
}
