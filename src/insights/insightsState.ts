import { DigitalOceanClient } from '../api/client';
import { addDays, dayOf } from '../api/days';
import { isAbort } from '../api/errors';
import { noTeam } from '../api/parseInsights';
import { Team } from '../api/types';
import { CacheWriter } from '../paging/cacheWriter';
import { SessionStateEnvironment, ShownError, shownError } from '../paging/pagedList';
import { SessionFollower } from '../paging/sessionFollower';
import { SessionScope, SessionState } from '../session/session';
import { AccountCache } from '../storage/accountCache';
import { Emitter } from '../util/event';
import { l10n } from '../util/l10n';
import { CompactPoints, compactPoints, expandPoints } from './compactPoints';
import type * as fetchInsights from './fetchInsights';
import type { InsightsProgress, InsightsResult } from './fetchInsights';
import { InsightsData } from './spend';
import { DayRange, lastDays } from './windows';

/** The recent days kept for the forecast and the alerts: one request window, ending yesterday. */
export const RECENT_DAYS = 31;

/** Daily data as cached: what InsightsData needs, and when it was fetched. */
export interface RecentInsights extends InsightsData {
  readonly fetchedAt: number;
  readonly complete: boolean;
}

export interface InsightsSnapshot {
  readonly hasToken: boolean;
  /** The team daily spend is asked for, once /v2/account has answered. */
  readonly team?: Team;
  /** The last RECENT_DAYS days up to yesterday: for the forecast and the alerts. */
  readonly recent?: RecentInsights;
  readonly loading: boolean;
  /** Restored from the cache and not fetched again in this session (the data is nightly). */
  readonly stale: boolean;
  /** Why there is no daily data: a missing account:read scope, no team, an API error. */
  readonly error?: ShownError;
}

interface CachedInsights {
  readonly team?: Team;
  readonly recent?: Omit<RecentInsights, 'dataPoints'> & { readonly points: CompactPoints };
}

export interface InsightsStateOptions extends SessionStateEnvironment {
  readonly client: DigitalOceanClient;
  /**
   * The fetching module (windows, pages ahead, retries), asked for with the first fetch: a
   * start with today's data cached needs none of it (the container loads it with the other
   * code of first use).
   */
  readonly fetching: () => Promise<typeof fetchInsights>;
}

/** Failures that the same token will meet again. */
const PERMANENT: ReadonlySet<string> = new Set(['missingScope', 'noTeam', 'unauthorized', 'forbidden']);

const EMPTY: InsightsSnapshot = { hasToken: false, loading: false, stale: false };

/**
 * DigitalOcean's daily billing insights for the session's account. Not part of a refresh: the
 * recent days are fetched at most once a day per account (the amounts are nightly estimates),
 * any other range when Daily Spend asks. The team (`/v2/account`) is asked once per token.
 */
export class InsightsState {
  private readonly changed = new Emitter<InsightsSnapshot>();
  readonly onDidChange = this.changed.event;
  private current = EMPTY;
  private readonly follower = new SessionFollower();
  private teamLookup: { readonly key: string; readonly promise: Promise<Team> } | undefined;
  private fetchingRecent: Promise<void> | undefined;
  private readonly cache: AccountCache<CachedInsights>;
  private readonly cacheWriter: CacheWriter;
  private readonly now: () => number;
  private readonly subscription: { dispose(): void };

  constructor(private readonly options: InsightsStateOptions) {
    this.now = options.now ?? Date.now;
    this.cache = new AccountCache(options.store, 'insights', (data) => typeof data === 'object' && data !== null);
    this.cacheWriter = new CacheWriter('daily spend', options.logger);
    this.subscription = options.session.onDidChange((state) => this.follow(state));
    this.follow(options.session.state);
  }

  get snapshot(): InsightsSnapshot {
    return this.current;
  }

  /** Fetches the recent days unless they were fetched today already (or are on their way). */
  refreshIfDue(): Promise<void> {
    const { recent, error } = this.current;
    const fetchedToday = recent !== undefined && dayOf(recent.fetchedAt) === dayOf(this.now()) && !error;
    // What only another token can change is not asked again with every refresh (Retry still does).
    if (fetchedToday || (error && PERMANENT.has(error.kind))) {
      return Promise.resolve();
    }
    return this.refreshRecent();
  }

  /** Fetches the recent days now (Retry, or Daily Spend opened on them); asks for the team again after a failure. */
  refreshRecent(): Promise<void> {
    if (this.current.error) {
      this.teamLookup = undefined;
    }
    const scope = this.options.session.begin();
    if (!scope || scope.key !== this.follower.key) {
      return Promise.resolve();
    }
    if (this.fetchingRecent) {
      return this.fetchingRecent;
    }
    const range = lastDays(addDays(dayOf(this.now()), -1), RECENT_DAYS);
    this.update({ ...this.current, loading: true });
    const done = this.load(range, { scope, pagesAhead: 0 }).then((result) => {
      if (scope.signal.aborted) {
        return;
      }
      if ('kind' in result) {
        this.update({ ...this.current, loading: false, error: result });
        return;
      }
      const recent: RecentInsights = {
        range: result.range, dataPoints: result.dataPoints, missingDays: result.missingDays, beforeData: result.beforeData,
        fetchedAt: this.now(), complete: result.complete,
      };
      this.update({ ...this.current, recent, loading: false, stale: false, error: undefined });
      this.cacheWriter.soon(() => this.write());
    }).finally(() => {
      if (this.fetchingRecent === done) {
        this.fetchingRecent = undefined;
      }
    });
    this.fetchingRecent = done;
    return done;
  }

  /**
   * The daily data of `range` for the session's account, or why it cannot be had. A failed
   * window is in the result (`failed`, `missingDays`), to be fetched again with `retry`.
   */
  async load(
    range: DayRange,
    options: { scope?: SessionScope; signal?: AbortSignal; onProgress?: (progress: InsightsProgress) => void; pagesAhead?: number } = {},
  ): Promise<InsightsResult | ShownError> {
    const scope = options.scope ?? this.options.session.begin();
    if (!scope) {
      return noToken();
    }
    try {
      const team = await this.team(scope);
      const { fetchInsights } = await this.options.fetching();
      return await fetchInsights(team.urn, range, {
        client: this.options.client, call: scope.call({ signal: options.signal }), onProgress: options.onProgress, pagesAhead: options.pagesAhead,
      });
    } catch (error) {
      return this.failure(error);
    }
  }

  /** Fetches again only the windows `previous` is missing. */
  async retry(previous: InsightsResult, options: { signal?: AbortSignal; onProgress?: (progress: InsightsProgress) => void } = {}): Promise<InsightsResult | ShownError> {
    const scope = this.options.session.begin();
    if (!scope) {
      return noToken();
    }
    try {
      const { retryInsights } = await this.options.fetching();
      return await retryInsights(previous, { client: this.options.client, call: scope.call({ signal: options.signal }), onProgress: options.onProgress });
    } catch (error) {
      return this.failure(error);
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.cacheWriter.flush();
    this.changed.dispose();
  }

  /** The account's team: from the cache, else asked once per token (a failure is asked again next time). */
  private team(scope: SessionScope): Promise<Team> {
    if (this.current.team) {
      return Promise.resolve(this.current.team);
    }
    if (this.teamLookup?.key !== scope.key) {
      const promise = this.options.client.getAccount(scope.call()).then((account) => {
        if (!account.team) {
          throw noTeam();
        }
        if (this.follower.key === scope.key) {
          this.update({ ...this.current, team: account.team });
          this.cacheWriter.soon(() => this.write());
        }
        return account.team;
      });
      promise.catch((error: unknown) => {
        // Asked once per token: only a passing failure is asked again.
        if (this.teamLookup?.promise === promise && !PERMANENT.has(shownError(error).kind)) {
          this.teamLookup = undefined;
        }
      });
      this.teamLookup = { key: scope.key, promise };
    }
    return this.teamLookup.promise;
  }

  private failure(error: unknown): ShownError {
    if (isAbort(error)) {
      throw error;
    }
    const shown = shownError(error);
    this.options.logger.warn(`Daily spend: ${shown.message}`);
    return shown;
  }

  private follow(state: SessionState): void {
    this.follower.follow(state, (key, starting) => {
      this.cacheWriter.flush();
      this.teamLookup = undefined;
      this.fetchingRecent = undefined;
      const cached = key ? this.cache.read(key) : undefined;
      const { points, ...recentCached } = cached?.recent ?? {};
      const dataPoints = expandPoints(points);
      const recent = dataPoints && cached?.recent ? { ...(recentCached as Omit<RecentInsights, 'dataPoints'>), dataPoints } : undefined;
      this.update({ ...EMPTY, team: cached?.team, recent, hasToken: key !== undefined && (!starting || cached !== undefined), stale: recent !== undefined });
      return false;
    }, () => {
      if (!this.current.hasToken) {
        this.update({ ...this.current, hasToken: true });
      }
      // After the refresh of the invoices has gone out: this one is not in a hurry.
      setTimeout(() => void this.refreshIfDue(), 0);
    });
  }

  private write(): Promise<void> {
    const key = this.follower.key;
    const { team, recent } = this.current;
    if (!key) {
      return Promise.resolve();
    }
    const { dataPoints, ...rest } = recent ?? {};
    return this.cache.write(key, { team, recent: recent && dataPoints ? { ...(rest as Omit<RecentInsights, 'dataPoints'>), points: compactPoints(dataPoints) } : undefined });
  }

  private update(next: InsightsSnapshot): void {
    this.current = next;
    this.changed.fire(next);
  }
}

function noToken(): ShownError {
  return { kind: 'unauthorized', message: l10n.t('Set a DigitalOcean API token first.') };
}
