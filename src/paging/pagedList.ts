import { ApiError, ApiErrorKind, isAbort } from '../api/errors';
import { CallOptions, RetryNotice } from '../api/http';
import { PageRef } from '../api/types';
import { Session, SessionScope, SessionState } from '../session/session';
import { AccountCache, KeyValueStore } from '../storage/accountCache';
import { CacheSection } from '../storage/keys';
import { Emitter } from '../util/event';
import { Logger } from '../util/logger';
import { l10n } from '../util/l10n';
import { CacheWriter } from './cacheWriter';
import { SessionFollower } from './sessionFollower';

export interface ShownError {
  readonly kind: ApiErrorKind | 'unexpected';
  readonly message: string;
}

/** What a list view shows besides the items: token, paging, activity and errors. */
export interface ListStatus {
  readonly hasToken: boolean;
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

/** Everything a view of the list shows, as one immutable value: the status, the items and what comes with them. */
export type ListSnapshot<Item, Extra = Record<never, never>> = ListStatus & Partial<Extra> & { readonly items: readonly Item[] };

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

/** What the cache keeps of a list. */
export interface ListCacheEntry<Item, Extra> {
  readonly items: readonly Item[];
  readonly extra: Partial<Extra>;
  readonly total?: number;
  readonly next?: PageRef;
  readonly fetchedAt: number;
}

/** What every state that follows the session is given from outside. */
export interface SessionStateEnvironment {
  readonly session: Session;
  /** globalState: the data is cached per account key. */
  readonly store: KeyValueStore;
  readonly logger: Logger;
  readonly now?: () => number;
}

export interface PagedListOptions<Item, Extra> extends SessionStateEnvironment {
  readonly fetchPage: (page: PageRef, call: CallOptions) => Promise<ListPage<Item, Extra>>;
  readonly pageSize: () => number;
  /** Identity of an item: the first of each key is kept, since pages shift between loads. */
  readonly keyOf: (item: Item) => string;
  /** Shown when a page adds nothing new although the API links another one. */
  readonly stuckMessage: () => string;
  /** What the list holds, for the log ("invoices"). */
  readonly what: string;
  readonly cacheSection: CacheSection;
  /** Extra keys to keep from a cache entry (what comes with the items). */
  readonly extraKeys: readonly (keyof Extra)[];
}

interface Operation {
  readonly controller: AbortController;
  /** Settles when the page is shown (or failed). */
  readonly promise: Promise<void>;
}

/**
 * A paged list of the session's account and everything done to it: refresh (shared while in
 * flight), load more, the account changing under it (which aborts what was on its way), the
 * cache and the errors to show. It never holds the token: each request asks the session.
 */
export class PagedList<Item, Extra = Record<never, never>> {
  private readonly changed = new Emitter<ListSnapshot<Item, Extra>>();
  readonly onDidChange = this.changed.event;

  private readonly empty: ListSnapshot<Item, Extra>;
  private current: ListSnapshot<Item, Extra>;
  private readonly follower = new SessionFollower();
  private refreshing: Operation | undefined;
  private loadingMore: Operation | undefined;
  /** A first page fetched elsewhere (to verify a token), used instead of fetching it again. */
  private primed: { readonly key: string; readonly page: ListPage<Item, Extra> } | undefined;
  private readonly now: () => number;
  private readonly cache: AccountCache<ListCacheEntry<Item, Extra>>;
  private readonly cacheWriter: CacheWriter;
  private readonly subscription: { dispose(): void };

  constructor(private readonly options: PagedListOptions<Item, Extra>) {
    this.now = options.now ?? Date.now;
    this.empty = { hasToken: false, items: [], stale: false } as ListStatus as ListSnapshot<Item, Extra>;
    this.current = this.empty;
    this.cache = new AccountCache(options.store, options.cacheSection, (data) => Array.isArray(data.items));
    this.cacheWriter = new CacheWriter(options.what, options.logger);
    this.subscription = options.session.onDidChange((state) => this.follow(state));
    this.follow(options.session.state);
  }

  get snapshot(): ListSnapshot<Item, Extra> {
    return this.current;
  }

  /** Uses `page` as the first page when the session next changes to `key` (a token just verified). */
  prime(key: string, page: ListPage<Item, Extra>): void {
    this.primed = { key, page };
  }

  /**
   * Fetches page 1 again and keeps the pages loaded after it (see `mergeFirstPage`). Calls
   * while one is in flight share it, unless `supersede` asks for a new one (settings changed),
   * which aborts the older one and starts the list over from page 1.
   */
  refresh(options: { supersede?: boolean } = {}): Promise<void> {
    const scope = this.options.session.begin();
    if (!scope || scope.key !== this.follower.key) {
      return Promise.resolve();
    }
    if (this.refreshing && !options.supersede) {
      return this.refreshing.promise;
    }
    this.cancelAll();
    const controller = new AbortController();
    const perPage = this.options.pageSize();
    const startOver = options.supersede === true;
    this.update({ ...this.current, activity: 'refreshing', retryNotice: undefined });
    return this.track('refreshing', controller, this.options
      .fetchPage({ page: 1, perPage }, this.callOptions(scope, controller))
      .then((page) => {
        if (!controller.signal.aborted) {
          this.applyFirstPage(page, startOver ? { ...this.current, items: [], next: undefined, pagingProblem: undefined } : this.current, perPage);
        }
      }));
  }

  /**
   * Appends the next page. Does nothing while anything is loading (but settles when that load
   * has, so `while (next) await loadMore()` cannot spin) or when there is none.
   */
  loadMore(): Promise<void> {
    const next = this.current.next;
    const scope = this.options.session.begin();
    if (!scope || scope.key !== this.follower.key || !next || this.refreshing || this.loadingMore) {
      return this.loadingMore?.promise ?? this.refreshing?.promise ?? Promise.resolve();
    }
    const controller = new AbortController();
    this.update({ ...this.current, activity: 'loadingMore', retryNotice: undefined });
    return this.track('loadingMore', controller, this.options
      .fetchPage(next, this.callOptions(scope, controller))
      .then((page) => (controller.signal.aborted ? undefined : this.applyNextPage(page))));
  }

  dispose(): void {
    this.subscription.dispose();
    this.cancelAll();
    this.cacheWriter.flush();
    this.changed.dispose();
  }

  /** Shows the data of the session's account: its cache at once, then (once the token is known) a refresh. */
  private follow(state: SessionState): void {
    const primed = this.primed;
    this.primed = undefined;
    this.follower.follow(state, (key, starting) => {
      this.cancelAll();
      this.cacheWriter.flush(); // what is shown belongs to the account being left
      if (key && primed?.key === key) {
        this.applyFirstPage(primed.page, { ...this.empty, hasToken: true }, this.options.pageSize());
        return true;
      }
      const cached = key ? this.cache.read(key) : undefined;
      if (cached) {
        this.update({ ...this.empty, ...cached.extra, items: cached.items, total: cached.total, next: cached.next, fetchedAt: cached.fetchedAt, hasToken: true, stale: true });
      } else {
        this.update({ ...this.empty, hasToken: key !== undefined && !starting });
      }
      return false;
    }, () => {
      if (!this.current.hasToken) {
        this.update({ ...this.current, hasToken: true });
      }
      void this.refresh();
    });
  }

  /** Keeps `work` as the operation in flight until it settles; its failure becomes the error shown. */
  private track(slot: 'refreshing' | 'loadingMore', controller: AbortController, work: Promise<void>): Promise<void> {
    const promise = work
      .catch((error: unknown) => this.fail(error, controller))
      .finally(() => {
        if (this[slot]?.controller === controller) {
          this[slot] = undefined;
        }
      });
    this[slot] = { controller, promise };
    return promise;
  }

  private callOptions(scope: SessionScope, controller: AbortController): CallOptions {
    return scope.call({
      signal: controller.signal,
      onRetry: (notice: RetryNotice) => {
        if (!controller.signal.aborted) {
          this.update({ ...this.current, retryNotice: notice.message });
        }
      },
    });
  }

  /** Shows a fresh page 1, merged with the older pages of `base` where they still fit (see `mergeFirstPage`). */
  private applyFirstPage(page: ListPage<Item, Extra>, base: ListSnapshot<Item, Extra>, perPage: number): void {
    const merged = mergeFirstPage(page, base, perPage, this.options.keyOf);
    this.update({
      ...base,
      // What came with the last page 1 stays until the new one brings its own.
      ...page.extra,
      hasToken: true,
      ...merged,
      fetchedAt: this.now(),
      stale: false,
      activity: undefined,
      retryNotice: undefined,
      error: undefined,
    });
    this.writeCacheSoon();
  }

  private applyNextPage(page: ListPage<Item, Extra>): void {
    const items = uniqueBy([...this.current.items, ...page.items], this.options.keyOf);
    const added = items.length - this.current.items.length;
    // A page that adds nothing new would make "Load more" spin forever on a shifting list.
    const stuck = added === 0 && page.next !== undefined;
    this.update({
      ...this.current,
      ...page.extra,
      items,
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

  /** The data is on screen already: the cache follows on the next turn (see CacheWriter). */
  private writeCacheSoon(): void {
    this.cacheWriter.soon(() => {
      const { key } = this.follower;
      const { current } = this;
      if (!key || current.fetchedAt === undefined) {
        return Promise.resolve();
      }
      const extra: Partial<Extra> = {};
      for (const name of this.options.extraKeys) {
        extra[name] = (current as Partial<Extra>)[name];
      }
      return this.cache.write(key, { items: current.items, extra, total: current.total, next: current.next, fetchedAt: current.fetchedAt });
    });
  }

  private cancelAll(): void {
    this.refreshing?.controller.abort();
    this.loadingMore?.controller.abort();
    this.refreshing = undefined;
    this.loadingMore = undefined;
    if (this.current.activity || this.current.retryNotice) {
      this.update({ ...this.current, activity: undefined, retryNotice: undefined });
    }
  }

  private update(next: ListSnapshot<Item, Extra>): void {
    this.current = next;
    this.changed.fire(next);
  }

}

type Paging<Item> = Pick<ListSnapshot<Item>, 'items' | 'total' | 'next' | 'pagingProblem'>;

/**
 * What a refresh shows: the new page 1 first, then the items of the older pages it no longer
 * holds, so that a refresh (every 30 minutes) does not throw the loaded pages away. Lists are
 * newest first and old entries do not change: what page 1 gains pushes the rest down by as
 * many, so the next page to load is the one holding the first item not shown yet (at least
 * the one the older pages linked to); items it repeats are dropped by the de-duplication.
 * It starts over from page 1 alone when the older pages cannot be continued: another page
 * size, paging that had stopped short (a stuck page, a broken link), or a page 1 whose own
 * paging failed.
 */
export function mergeFirstPage<Item>(
  page: Pick<ListPage<Item, unknown>, 'items' | 'total' | 'next' | 'pagingProblem'>,
  base: Paging<Item>,
  perPage: number,
  keyOf: (item: Item) => string,
): Paging<Item> {
  const firstItems = uniqueBy(page.items, keyOf);
  const alone: Paging<Item> = { items: firstItems, total: page.total, next: page.next, pagingProblem: page.pagingProblem };
  const wasComplete = base.next === undefined && base.total !== undefined && base.items.length >= base.total;
  const continuable = base.next ? base.next.perPage === perPage : wasComplete;
  if (base.items.length === 0 || page.pagingProblem || base.pagingProblem || !continuable) {
    return alone;
  }
  const items = uniqueBy([...firstItems, ...base.items], keyOf);
  const total = page.total ?? base.total;
  const all = total !== undefined && items.length >= total;
  if (items.length === firstItems.length || (!all && !base.next)) {
    // Nothing beyond page 1 to keep, or no way on from the older pages: page 1's own link is the way on.
    return alone;
  }
  const next = all || !base.next ? undefined : { page: Math.max(base.next.page, Math.floor(items.length / perPage) + 1), perPage };
  return { items, total, next, pagingProblem: undefined };
}

/** Keeps the first item of each key. */
export function uniqueBy<Item>(items: readonly Item[], keyOf: (item: Item) => string): Item[] {
  const byKey = new Map<string, Item>();
  for (const item of items) {
    const key = keyOf(item);
    if (!byKey.has(key)) {
      byKey.set(key, item);
    }
  }
  return [...byKey.values()];
}

export function shownError(error: unknown): ShownError {
  return error instanceof ApiError
    ? { kind: error.kind, message: error.fullMessage }
    : { kind: 'unexpected', message: l10n.t('Unexpected error: {0}', error instanceof Error ? error.message : String(error)) };
}
