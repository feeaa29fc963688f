import { LOW_RATE_LIMIT, MAX_PARALLEL_REQUESTS, MAX_PER_PAGE, parallelRequests } from '../api/requestPolicy';
import { DigitalOceanClient } from '../api/client';
import { abortedError } from '../api/clock';
import { daysFrom } from '../api/days';
import { ApiError, ApiErrorKind, isAbort } from '../api/errors';
import { CallOptions } from '../api/http';
import { InsightsDataPoint, InsightsPage } from '../api/types';
import { l10n } from '../util/l10n';
import { runBounded } from '../util/pool';
import { DayRange, splitIntoWindows, withinInsightsData } from './windows';

/**
 * Fetching the daily amounts of a range of days. DigitalOcean answers at most 31 days per
 * request, so the range is split into windows, fetched in parallel with their pages (a bounded
 * number of requests at once, one at a time when the rate limit runs low). Page 1 of each
 * window tells how many pages it has; while the first pages are on their way, free slots ask
 * for pages 2-4 of those windows already (dropped or cancelled if the window turns out
 * shorter; not done when the rate limit runs low). A window that fails after the client's
 * retries is reported with its days and can be fetched again alone; its partial pages are not
 * counted, so a day is either complete or named as missing, never silently short.
 */

export const INSIGHTS_PER_PAGE = MAX_PER_PAGE;
export { LOW_RATE_LIMIT, MAX_PARALLEL_REQUESTS };
/** Pages asked for ahead of page 1's answer, per window: pages 2-4. */
export const PAGES_AHEAD = 3;
/** More pages than this in one window (100,000 data points in 31 days) is taken as a broken count. */
export const MAX_PAGES_PER_WINDOW = 500;

export interface WindowFailure {
  readonly window: DayRange;
  readonly kind: ApiErrorKind | 'unexpected';
  readonly message: string;
}

export interface InsightsProgress {
  readonly windows: number;
  readonly loadedWindows: number;
  readonly failedWindows: number;
  readonly loadedPages: number;
  /** Pages known to exist so far: page 1 of each window tells its count. */
  readonly knownPages: number;
}

export interface InsightsResult {
  readonly accountUrn: string;
  /** The range asked for. */
  readonly range: DayRange;
  /** The days of the range before DigitalOcean's daily data starts: not asked for, it has none. */
  readonly beforeData?: DayRange;
  /** The windows the rest of the range was fetched in, in day order. */
  readonly windows: readonly DayRange[];
  /** The data points of every window loaded completely, in day order of the windows. */
  readonly dataPoints: readonly InsightsDataPoint[];
  /** The data points of each window loaded completely, by the window's first day. */
  readonly loaded: ReadonlyMap<string, readonly InsightsDataPoint[]>;
  /** Windows that failed, or were not tried because an error stopped the load. */
  readonly failed: readonly WindowFailure[];
  /** Every day of a failed window: its figures are unknown, not zero. */
  readonly missingDays: readonly string[];
  readonly complete: boolean;
  /** Inconsistencies worth showing although the windows loaded (user-facing text). */
  readonly problems: readonly string[];
  readonly perPage: number;
}

export interface InsightsFetchOptions {
  readonly client: DigitalOceanClient;
  /** Token, cancellation and retry notices, passed to every request. */
  readonly call: CallOptions;
  readonly onProgress?: (progress: InsightsProgress) => void;
  readonly perPage?: number;
  readonly maxParallel?: number;
  readonly lowRateLimit?: number;
  /** The first day DigitalOcean has data for (INSIGHTS_FIRST_DAY). */
  readonly firstDay?: string;
  /**
   * Pages of a window asked for before page 1 has told how many there are (PAGES_AHEAD);
   * 0 when a short range is expected to fit on one page (each one ahead costs a request).
   */
  readonly pagesAhead?: number;
}

/** Errors after which the other requests would fail the same way: nothing more is started. */
const STOPPING_KINDS: ReadonlySet<ApiErrorKind | 'unexpected'> = new Set<ApiErrorKind | 'unexpected'>([
  'unauthorized', 'forbidden', 'missingScope', 'rateLimited', 'configuration', 'notFound', 'rangeTooLong', 'noTeam',
]);

/**
 * Fetches every data point of `range` for the team `accountUrn`; rejects only when cancelled
 * (an aborted ApiError) or when onProgress throws.
 */
export function fetchInsights(accountUrn: string, range: DayRange, options: InsightsFetchOptions): Promise<InsightsResult> {
  return new InsightsLoader(accountUrn, range, options).run();
}

/** Fetches again only the windows `previous` is missing; the loaded ones are kept. */
export function retryInsights(previous: InsightsResult, options: InsightsFetchOptions): Promise<InsightsResult> {
  return new InsightsLoader(previous.accountUrn, previous.range, { ...options, perPage: previous.perPage }, previous).run();
}

type PageOutcome = { readonly page: InsightsPage } | { readonly failure: WindowFailure };

type WindowStatus =
  | { readonly state: 'complete'; readonly last: number }
  | { readonly state: 'failed'; readonly failure: WindowFailure }
  /** `next` is the next page it needs, when that is known (undefined while page 1 has not answered). */
  | { readonly state: 'pending'; readonly next?: number };

/** One window's pages: what each brought decides which of them it needs. */
class WindowLoad {
  readonly outcomes = new Map<number, PageOutcome>();
  readonly started = new Set<number>();
  readonly inFlight = new Map<number, AbortController>();

  constructor(readonly window: DayRange, private readonly perPage: number, private readonly pagesAhead: number) {}

  /** What page 1 says: total_pages, else from total_items; undefined until it answers, or without either. */
  private get countedPages(): number | undefined {
    const first = this.outcomes.get(1);
    if (!first || !('page' in first)) {
      return undefined;
    }
    const { totalPages, totalItems } = first.page;
    return totalPages ?? (totalItems === undefined ? undefined : Math.ceil(totalItems / this.perPage));
  }

  /** The pages to load: page 1 at least (a count of 0 is page 1, empty), at most MAX_PAGES_PER_WINDOW. */
  get totalPages(): number | undefined {
    const pages = this.countedPages;
    return pages === undefined ? undefined : Math.min(Math.max(1, pages), MAX_PAGES_PER_WINDOW);
  }

  get wasCapped(): boolean {
    return (this.countedPages ?? 0) > MAX_PAGES_PER_WINDOW;
  }

  status(): WindowStatus {
    const first = this.outcomes.get(1);
    if (!first) {
      return { state: 'pending' };
    }
    const last = this.totalPages;
    // Without a count, pages are needed while the previous one was full.
    for (let page = 1; page <= (last ?? MAX_PAGES_PER_WINDOW); page++) {
      const outcome = this.outcomes.get(page);
      if (!outcome) {
        return { state: 'pending', next: page };
      }
      if ('failure' in outcome) {
        return { state: 'failed', failure: outcome.failure };
      }
      if (last === undefined && outcome.page.dataPoints.length + outcome.page.leftOut < this.perPage) {
        return { state: 'complete', last: page };
      }
    }
    return { state: 'complete', last: last ?? MAX_PAGES_PER_WINDOW };
  }

  /** Pages 1..last, in order. */
  pages(last: number): InsightsPage[] {
    return Array.from({ length: last }, (_, index) => this.outcomes.get(index + 1)).flatMap((outcome) => (outcome && 'page' in outcome ? [outcome.page] : []));
  }

  /** The next page to ask for: known to be needed, or (when `ahead`) one asked for ahead of page 1's answer. */
  nextPage(ahead: boolean): number | undefined {
    const status = this.status();
    if (status.state !== 'pending') {
      return undefined;
    }
    if (!this.started.has(1)) {
      return 1;
    }
    const last = this.totalPages;
    if (this.outcomes.has(1)) {
      // With a count, every missing page up to it; without one, the one after the last full page.
      const upTo = last ?? status.next ?? 1;
      for (let page = status.next ?? 2; page <= upTo; page++) {
        if (!this.started.has(page) && !this.outcomes.has(page)) {
          return page;
        }
      }
      return undefined;
    }
    if (ahead) {
      for (let page = 2; page <= 1 + this.pagesAhead; page++) {
        if (!this.started.has(page)) {
          return page;
        }
      }
    }
    return undefined;
  }

  /** Requests beyond what the window needs are cancelled, and all of them once it failed. */
  cancelUnneeded(): void {
    const status = this.status();
    const last = status.state === 'failed' ? 0 : status.state === 'complete' ? status.last : this.totalPages;
    if (last === undefined) {
      return;
    }
    this.inFlight.forEach((controller, page) => (page > last ? controller.abort() : undefined));
  }
}

interface Job {
  readonly load: WindowLoad;
  readonly page: number;
}

class InsightsLoader {
  private readonly perPage: number;
  private readonly loads: WindowLoad[];
  private readonly windows: DayRange[];
  private readonly beforeData?: DayRange;
  private readonly kept = new Map<string, readonly InsightsDataPoint[]>();
  private readonly problems = new Set<string>();
  private stopReason?: WindowFailure;

  constructor(
    private readonly accountUrn: string,
    private readonly range: DayRange,
    private readonly options: InsightsFetchOptions,
    previous?: InsightsResult,
  ) {
    this.perPage = options.perPage ?? INSIGHTS_PER_PAGE;
    const { withData, beforeData } = withinInsightsData(range, options.firstDay);
    this.beforeData = beforeData;
    this.windows = previous ? [...previous.windows] : withData ? splitIntoWindows(withData) : [];
    previous?.loaded.forEach((points, start) => this.kept.set(start, points));
    previous?.problems.forEach((problem) => this.problems.add(problem));
    this.loads = this.windows.filter((window) => !this.kept.has(window.start)).map((window) => new WindowLoad(window, this.perPage, options.pagesAhead ?? PAGES_AHEAD));
  }

  async run(): Promise<InsightsResult> {
    const parsing = new Set<Promise<void>>();
    let listenerFailure: { error: unknown } | undefined;
    const fetchInSlot = (job: Job) =>
      new Promise<void>((freeSlot) => {
        // A page frees its slot once its body is in, unless what it says decides the next
        // request: page 1 (the count), and without a count each page (whether one follows).
        const holdsSlot = job.page === 1 || (job.load.outcomes.has(1) && job.load.totalPages === undefined);
        const done = this.fetchPage(job, holdsSlot ? undefined : freeSlot)
          .catch((error: unknown) => {
            listenerFailure ??= { error };
            this.stopReason ??= { window: job.load.window, kind: 'unexpected', message: String(error) };
          })
          .finally(() => {
            parsing.delete(done);
            freeSlot();
          });
        parsing.add(done);
      });
    const stop = () => this.stopReason !== undefined || this.options.call.signal?.aborted === true;
    // A page parsed after its slot was freed can make the next one known when nothing else is
    // in flight any more: the pool then starts again for it.
    do {
      await runBounded(() => this.nextJob(), fetchInSlot, { limit: () => this.parallelism(), stop });
      await Promise.all(parsing);
    } while (!stop() && this.loads.some((load) => load.nextPage(false) !== undefined));
    if (listenerFailure) {
      throw listenerFailure.error;
    }
    this.throwIfAborted();
    return this.result();
  }

  private nextJob(): Job | undefined {
    const pending = this.loads.filter((load) => load.status().state === 'pending');
    // Page 1 of every window first, then the pages known to be needed, then pages ahead.
    const first = pending.find((load) => !load.started.has(1));
    if (first) {
      return this.start(first, 1);
    }
    for (const load of pending) {
      const page = load.outcomes.has(1) ? load.nextPage(false) : undefined;
      if (page !== undefined) {
        return this.start(load, page);
      }
    }
    if (this.lowRateLimit()) {
      return undefined;
    }
    const waiting = pending.filter((load) => !load.outcomes.has(1)).sort((a, b) => a.started.size - b.started.size);
    for (const load of waiting) {
      const page = load.nextPage(true);
      if (page !== undefined) {
        return this.start(load, page);
      }
    }
    return undefined;
  }

  private start(load: WindowLoad, page: number): Job {
    load.started.add(page);
    return { load, page };
  }

  private lowRateLimit(): boolean {
    const remaining = this.options.client.http.rateLimit.remaining;
    return remaining !== undefined && remaining < (this.options.lowRateLimit ?? LOW_RATE_LIMIT);
  }

  private parallelism(): number {
    return parallelRequests(this.options.client.http.rateLimit.remaining, this.options.maxParallel, this.options.lowRateLimit);
  }

  /** Never rejects on an API failure (it is recorded); only when onProgress throws. */
  private async fetchPage({ load, page }: Job, onBodyReceived?: () => void): Promise<void> {
    const parent = this.options.call.signal;
    const controller = new AbortController();
    const abort = () => controller.abort();
    parent?.addEventListener('abort', abort, { once: true });
    load.inFlight.set(page, controller);
    const { window } = load;
    let outcome: PageOutcome;
    try {
      const call = { ...this.options.call, signal: controller.signal, onBodyReceived };
      outcome = { page: this.checked(load, page, await this.options.client.listInsights(this.accountUrn, window.start, window.end, { page, perPage: this.perPage }, call)) };
    } catch (error) {
      if (isAbort(error) || controller.signal.aborted) {
        return; // cancelled: by the caller, or because the window does not need this page
      }
      outcome = { failure: failureOf(window, error) };
    } finally {
      load.inFlight.delete(page);
      parent?.removeEventListener('abort', abort);
    }
    load.outcomes.set(page, outcome);
    if ('failure' in outcome && STOPPING_KINDS.has(outcome.failure.kind)) {
      this.stopReason ??= outcome.failure;
    }
    load.cancelUnneeded();
    this.report();
  }

  /** A page that is not the one asked for would count its days twice: it fails instead. */
  private checked(load: WindowLoad, page: number, result: InsightsPage): InsightsPage {
    if (result.currentPage !== undefined && result.currentPage !== page) {
      throw new ApiError('invalidResponse', l10n.t('The DigitalOcean API sent page {0} of the daily spend when page {1} was asked for.', result.currentPage, page));
    }
    const { start, end } = load.window;
    const inside = result.dataPoints.filter((point) => point.day >= start && point.day <= end);
    const outside = result.dataPoints.length - inside.length;
    if (outside > 0) {
      this.problems.add(l10n.t('The API sent {0} data points for days outside {1} to {2}; they are not counted.', outside, start, end));
    }
    result.problems.forEach((problem) => this.problems.add(problem));
    return outside > 0 ? { ...result, dataPoints: inside, leftOut: result.leftOut + outside } : result;
  }

  private report(): void {
    if (this.options.call.signal?.aborted || !this.options.onProgress) {
      return;
    }
    let loadedWindows = this.kept.size;
    let failedWindows = 0;
    let loadedPages = 0;
    let knownPages = 0;
    for (const load of this.loads) {
      const state = load.status().state;
      loadedWindows += state === 'complete' ? 1 : 0;
      failedWindows += state === 'failed' ? 1 : 0;
      loadedPages += [...load.outcomes.values()].filter((outcome) => 'page' in outcome).length;
      knownPages += load.totalPages ?? (load.outcomes.has(1) ? load.outcomes.size : 0);
    }
    this.options.onProgress({ windows: this.windows.length, loadedWindows, failedWindows, loadedPages, knownPages });
  }

  private throwIfAborted(): void {
    if (this.options.call.signal?.aborted) {
      throw abortedError();
    }
  }

  private result(): InsightsResult {
    const loaded = new Map(this.kept);
    const failed: WindowFailure[] = [];
    for (const load of this.loads) {
      const status = load.status();
      if (status.state === 'complete') {
        const pages = load.pages(status.last);
        loaded.set(load.window.start, pages.flatMap((page) => page.dataPoints));
        this.checkConsistency(load, pages);
      } else {
        const reason = status.state === 'failed' ? status.failure : this.stopReason;
        failed.push({ window: load.window, kind: reason?.kind ?? 'unexpected', message: reason?.message ?? l10n.t('These days were not loaded.') });
      }
    }
    const dataPoints = this.windows.flatMap((window) => loaded.get(window.start) ?? []);
    return {
      accountUrn: this.accountUrn,
      range: this.range,
      beforeData: this.beforeData,
      windows: this.windows,
      dataPoints,
      loaded,
      failed,
      missingDays: failed.flatMap((failure) => daysFrom(failure.window.start, failure.window.end)),
      complete: failed.length === 0,
      problems: [...this.problems],
      perPage: this.perPage,
    };
  }

  private checkConsistency(load: WindowLoad, pages: readonly InsightsPage[]): void {
    const { start, end } = load.window;
    // Capped by the count, or followed page by page as far as allowed.
    if (load.wasCapped || (load.totalPages === undefined && pages.length >= MAX_PAGES_PER_WINDOW)) {
      this.problems.add(l10n.t('{0} to {1} has more than {2} pages of daily spend; the rest is not counted.', start, end, MAX_PAGES_PER_WINDOW));
      return;
    }
    const expected = pages[0]?.totalItems;
    const received = pages.reduce((sum, page) => sum + page.dataPoints.length + page.leftOut, 0);
    if (expected !== undefined && expected !== received) {
      this.problems.add(l10n.t('{0} data points were loaded for {1} to {2}, but the API reported {3}.', received, start, end, expected));
    }
    // Data points have no identity of their own: a page repeating the one before is said, not hidden.
    pages.forEach((page, index) => {
      if (index > 0 && page.dataPoints.length > 0 && samePoints(page.dataPoints, pages[index - 1].dataPoints)) {
        this.problems.add(l10n.t('The API sent the same daily spend for page {0} of {1} to {2} as for page {3}; it is counted twice.', index + 1, start, end, index));
      }
    });
  }
}

function failureOf(window: DayRange, error: unknown): WindowFailure {
  return error instanceof ApiError
    ? { window, kind: error.kind, message: error.fullMessage }
    : { window, kind: 'unexpected', message: l10n.t('Unexpected error: {0}', error instanceof Error ? error.message : String(error)) };
}

function samePoints(a: readonly InsightsDataPoint[], b: readonly InsightsDataPoint[]): boolean {
  const same = (x: InsightsDataPoint, y: InsightsDataPoint) => x.day === y.day && x.amount === y.amount && x.sku === y.sku
    && x.region === y.region && x.description === y.description && x.groupDescription === y.groupDescription && x.usageTeamUrn === y.usageTeamUrn;
  return a.length === b.length && a.every((point, index) => same(point, b[index]));
}
