import { LOW_RATE_LIMIT, MAX_PARALLEL_REQUESTS, MAX_PER_PAGE, parallelRequests } from '../api/requestPolicy';
import { DigitalOceanClient } from '../api/client';
import { abortedError } from '../api/clock';
import { ApiError, ApiErrorKind, isAbort } from '../api/errors';
import { CallOptions } from '../api/http';
import { InvoiceItem, InvoiceItemsPage, PageRef } from '../api/types';
import { l10n } from '../util/l10n';
import { runBounded } from '../util/pool';

/**
 * Loading all line items of one invoice (the large ones have thousands). Page 1 tells the
 * total, so the next few pages are asked for alongside it: a large invoice then goes parallel
 * without waiting a round trip first, and a one-page invoice costs up to three extra requests,
 * cancelled or dropped once page 1 has answered (not done when the rate limit runs low). The
 * other pages follow in parallel, a few at a time. A page that still fails after the client's
 * retries is recorded, never dropped, and can be fetched again alone.
 *
 * Items have no identity of their own (two identical lines can be real, e.g. two equal
 * snapshots), so nothing is de-duplicated: items are kept per page, in the API's order.
 * A page repeating the previous one exactly is reported as a problem instead.
 */

export const ITEMS_PER_PAGE = MAX_PER_PAGE;
export const MAX_PARALLEL_PAGES = MAX_PARALLEL_REQUESTS;
export { LOW_RATE_LIMIT };
/** More pages than this (a million items) is taken as a broken `meta.total`. */
export const MAX_PAGES = 5_000;

export interface FailedPage {
  readonly page: number;
  readonly kind: ApiErrorKind | 'unexpected';
  readonly message: string;
}

export interface LineItemsProgress {
  readonly loadedPages: number;
  readonly failedPages: number;
  /** Unknown until page 1 has arrived (or when the API sends no total). */
  readonly totalPages?: number;
  readonly loadedItems: number;
}

export interface LineItemsResult {
  readonly invoiceUuid: string;
  readonly perPage: number;
  /** `meta.total` of page 1: the number of items the invoice has. */
  readonly total?: number;
  readonly totalPages?: number;
  /** The items of every loaded page, in page order. */
  readonly items: readonly InvoiceItem[];
  /** Loaded pages by number. */
  readonly pages: ReadonlyMap<number, readonly InvoiceItem[]>;
  /** Pages that failed (or were not tried because an earlier page's error stopped the load). */
  readonly failed: readonly FailedPage[];
  /** Every page was loaded. */
  readonly complete: boolean;
  /** Inconsistencies worth showing although every page loaded (user-facing text). */
  readonly problems: readonly string[];
  /** Without a total the pages are followed one by one: where to continue. */
  readonly next?: PageRef;
}

export interface LineItemsOptions {
  readonly client: DigitalOceanClient;
  /** Token, cancellation and retry notices, passed to every request. */
  readonly call: CallOptions;
  readonly onProgress?: (progress: LineItemsProgress) => void;
  readonly perPage?: number;
  readonly maxParallel?: number;
  readonly lowRateLimit?: number;
}

/** Errors after which the other pages would fail the same way: stop starting requests. */
const STOPPING_KINDS: ReadonlySet<ApiErrorKind | 'unexpected'> = new Set(['unauthorized', 'forbidden', 'rateLimited', 'configuration', 'notFound']);

/** Loads every page of the invoice's items; rejects only when cancelled (an aborted ApiError) or when onProgress throws. */
export function loadLineItems(invoiceUuid: string, options: LineItemsOptions): Promise<LineItemsResult> {
  const perPage = options.perPage ?? ITEMS_PER_PAGE;
  return new ItemsLoader(invoiceUuid, perPage, options).run();
}

/** Fetches again only the pages `previous` is missing; the loaded ones are kept. */
export function retryLineItems(previous: LineItemsResult, options: LineItemsOptions): Promise<LineItemsResult> {
  return new ItemsLoader(previous.invoiceUuid, previous.perPage, options, previous).run();
}

/** What one page request brought. */
type PageOutcome = { readonly result: InvoiceItemsPage } | { readonly failure: FailedPage };

class ItemsLoader {
  private readonly pages = new Map<number, readonly InvoiceItem[]>();
  private readonly failed = new Map<number, FailedPage>();
  private readonly totals = new Map<number, number | undefined>();
  private readonly problems = new Set<string>();
  /** Pages requested in this run: each at most once. */
  private readonly started = new Set<number>();
  /** Pages asked for alongside page 1, by number, with what cancels each alone. */
  private readonly speculative = new Map<number, AbortController>();
  /** What those brought before page 1 had answered: used once it tells which pages exist. */
  private readonly early = new Map<number, PageOutcome>();
  /** Page 1 has answered (in this run or an earlier one): the pages that exist are known. */
  private pageOneSettled: boolean;
  /** Where the search for the next page to request continues. */
  private cursor = 1;
  private total?: number;
  private totalPages?: number;
  private next?: PageRef;
  private stopped = false;

  constructor(
    private readonly invoiceUuid: string,
    private readonly perPage: number,
    private readonly options: LineItemsOptions,
    previous?: LineItemsResult,
  ) {
    if (previous) {
      previous.pages.forEach((items, page) => this.pages.set(page, items));
      this.total = previous.total;
      this.totalPages = previous.totalPages;
      this.next = previous.next;
    }
    this.pageOneSettled = this.pages.has(1);
  }

  async run(): Promise<LineItemsResult> {
    const withPageOne = !this.pages.has(1);
    if (withPageOne || this.totalPages !== undefined) {
      await this.fetchInParallel(withPageOne ? this.parallelism() : 0);
    }
    if (this.pages.has(1) && this.totalPages === undefined) {
      await this.followNextLinks();
    }
    this.throwIfAborted();
    return this.result();
  }

  /** Page 1 with `firstRound - 1` pages after it, then (once the total is known) every page missing. */
  private async fetchInParallel(firstRound: number): Promise<void> {
    const parsing = new Set<Promise<void>>();
    let failure: { error: unknown } | undefined;
    // A page's slot is free once its body is in; page 1 keeps it until parsed, since it tells
    // which pages come next.
    const fetchInSlot = (page: number) =>
      new Promise<void>((freeSlot) => {
        const done = this.fetchPage(page, page === 1 ? undefined : freeSlot)
          .catch((error: unknown) => {
            failure ??= { error }; // a progress listener threw: stop, and say so
            this.stopped = true;
          })
          .finally(() => {
            parsing.delete(done);
            freeSlot();
          });
        parsing.add(done);
      });
    await runBounded(() => this.nextPageToFetch(firstRound), fetchInSlot, {
      limit: () => this.parallelism(),
      stop: () => this.stopped || this.options.call.signal?.aborted === true,
    });
    await Promise.all(parsing);
    if (failure) {
      throw failure.error;
    }
    this.throwIfAborted();
    if (this.totalPages !== undefined) {
      const reason = [...this.failed.values()].find((failure) => STOPPING_KINDS.has(failure.kind));
      for (const page of this.missingPages(this.totalPages)) {
        if (!this.failed.has(page)) {
          this.failed.set(page, { page, kind: reason?.kind ?? 'unexpected', message: reason?.message ?? l10n.t('The page was not loaded.') });
        }
      }
    }
    this.report();
  }

  private nextPageToFetch(firstRound: number): number | undefined {
    // Until page 1 tells the total only the first round is known; without a total the next
    // links are followed afterwards, one by one.
    const last = this.pageOneSettled ? this.totalPages : firstRound;
    while (last !== undefined && this.cursor <= last) {
      const page = this.cursor++;
      if (!this.pages.has(page) && !this.started.has(page)) {
        this.started.add(page);
        return page;
      }
    }
    return undefined;
  }

  private missingPages(last: number): number[] {
    return Array.from({ length: last }, (_, i) => i + 1).filter((page) => !this.pages.has(page));
  }

  /** Without `meta.total`: one page after the other, as far as the next links lead. */
  private async followNextLinks(): Promise<void> {
    while (this.next && !this.failed.has(this.next.page)) {
      if (this.pages.size >= MAX_PAGES) {
        this.problems.add(l10n.t('The invoice has more than {0} pages of items; loading stopped.', MAX_PAGES));
        this.next = undefined;
        break;
      }
      const { page, perPage } = this.next;
      const early = perPage === this.perPage ? this.early.get(page) : undefined;
      this.early.delete(page);
      if (early) {
        this.apply(page, early);
      } else {
        await this.fetchPage(page);
      }
      this.throwIfAborted();
    }
  }

  /** Concurrency for the next request: one at a time when the rate limit runs low. */
  private parallelism(): number {
    return parallelRequests(this.options.client.http.rateLimit.remaining, this.options.maxParallel, this.options.lowRateLimit);
  }

  /** Never rejects: a failure is recorded; cancellation is checked by the caller. */
  private async fetchPage(page: number, onBodyReceived?: () => void): Promise<void> {
    const parent = this.options.call.signal;
    const alone = page !== 1 && !this.pageOneSettled ? new AbortController() : undefined;
    const abortAlone = () => alone?.abort();
    if (alone) {
      this.speculative.set(page, alone);
      parent?.addEventListener('abort', abortAlone, { once: true });
    }
    let outcome: PageOutcome;
    try {
      const call = { ...this.options.call, signal: alone?.signal ?? parent, onBodyReceived };
      outcome = { result: await this.options.client.getInvoiceItems(this.invoiceUuid, { page, perPage: this.perPage }, call) };
    } catch (error) {
      if (isAbort(error) || parent?.aborted || alone?.signal.aborted) {
        return;
      }
      outcome = { failure: failureOf(page, error) };
    } finally {
      this.speculative.delete(page);
      parent?.removeEventListener('abort', abortAlone);
    }
    if (alone && (!this.pageOneSettled || this.totalPages === undefined)) {
      // Page 1 has not told yet which pages exist, or says it through next links only.
      this.early.set(page, outcome);
      return;
    }
    if (alone && page > (this.totalPages ?? 0)) {
      return; // Beyond the last page: answered before it could be cancelled.
    }
    if (page === 1) {
      this.pageOneSettled = true;
      this.apply(page, outcome);
      this.adoptEarlyPages();
    } else {
      this.apply(page, outcome);
    }
  }

  /** Page 1 has answered: drop what was asked for beyond the last page, keep the rest. */
  private adoptEarlyPages(): void {
    if (!this.pages.has(1)) {
      // It failed: a retry starts from page 1 again.
      this.speculative.forEach((controller) => controller.abort());
      this.early.clear();
      return;
    }
    const last = this.totalPages;
    if (last === undefined) {
      // The next links decide which of the early pages are used; without one, none is.
      if (!this.next) {
        this.speculative.forEach((controller) => controller.abort());
        this.early.clear();
      }
      return;
    }
    this.speculative.forEach((controller, page) => (page > last ? controller.abort() : undefined));
    for (const [page, outcome] of [...this.early].sort((a, b) => a[0] - b[0])) {
      if (page <= last) {
        this.apply(page, outcome);
      }
    }
    this.early.clear();
  }

  private apply(page: number, outcome: PageOutcome): void {
    if ('result' in outcome) {
      this.accept(page, outcome.result);
    } else {
      this.failed.set(page, outcome.failure);
      this.stopped ||= STOPPING_KINDS.has(outcome.failure.kind);
    }
    this.report();
  }

  private accept(page: number, result: InvoiceItemsPage): void {
    this.pages.set(page, result.items);
    this.failed.delete(page);
    this.totals.set(page, result.total);
    if (page === 1 && this.totalPages === undefined) {
      this.total = result.total;
      if (result.total !== undefined) {
        const pages = Math.max(1, Math.ceil(result.total / this.perPage));
        if (pages > MAX_PAGES) {
          this.problems.add(l10n.t('The invoice has more than {0} pages of items; loading stopped.', MAX_PAGES));
        }
        this.totalPages = Math.min(pages, MAX_PAGES);
      }
    }
    if (this.totalPages === undefined) {
      this.next = result.next;
      if (result.pagingProblem) {
        this.problems.add(result.pagingProblem);
      }
    }
  }

  private report(): void {
    if (this.options.call.signal?.aborted || !this.pageOneSettled) {
      return;
    }
    let loadedItems = 0;
    this.pages.forEach((items) => (loadedItems += items.length));
    this.options.onProgress?.({ loadedPages: this.pages.size, failedPages: this.failed.size, totalPages: this.totalPages, loadedItems });
  }

  private throwIfAborted(): void {
    if (this.options.call.signal?.aborted) {
      throw abortedError();
    }
  }

  private result(): LineItemsResult {
    const numbers = [...this.pages.keys()].sort((a, b) => a - b);
    const items = numbers.flatMap((page) => this.pages.get(page) ?? []);
    const failed = [...this.failed.values()].sort((a, b) => a.page - b.page);
    const complete = failed.length === 0 && (this.totalPages !== undefined ? this.pages.size >= this.totalPages : this.pages.has(1) && !this.next);
    if (complete) {
      this.checkConsistency(numbers, items.length);
    }
    return {
      invoiceUuid: this.invoiceUuid,
      perPage: this.perPage,
      total: this.total,
      totalPages: this.totalPages,
      items,
      pages: new Map(numbers.map((page) => [page, this.pages.get(page) ?? []])),
      failed,
      complete,
      problems: [...this.problems],
      next: this.totalPages === undefined ? this.next : undefined,
    };
  }

  private checkConsistency(numbers: number[], count: number): void {
    if ([...this.totals.values()].some((total) => total !== undefined && total !== this.total)) {
      this.problems.add(l10n.t('The invoice changed while its items were loading; load them again to see the current ones.'));
    }
    if (this.total !== undefined && count !== this.total && this.totalPages !== undefined && this.totalPages < MAX_PAGES) {
      this.problems.add(l10n.t('{0} items were loaded, but the API reported {1}.', count, this.total));
    }
    let previous: readonly InvoiceItem[] = [];
    for (const page of numbers) {
      const items = this.pages.get(page) ?? [];
      if (items.length > 0 && samePage(items, previous)) {
        this.problems.add(l10n.t('The API sent the same items for page {0} as for page {1}; they are shown twice.', page, page - 1));
      }
      previous = items;
    }
  }
}

function failureOf(page: number, error: unknown): FailedPage {
  return error instanceof ApiError
    ? { page, kind: error.kind, message: error.fullMessage }
    : { page, kind: 'unexpected', message: l10n.t('Unexpected error: {0}', error instanceof Error ? error.message : String(error)) };
}

function samePage(a: readonly InvoiceItem[], b: readonly InvoiceItem[]): boolean {
  return a.length === b.length && a.every((item, index) => sameItem(item, b[index]));
}

function sameItem(a: InvoiceItem, b: InvoiceItem): boolean {
  const keys = Object.keys(a) as Array<keyof InvoiceItem>;
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}
