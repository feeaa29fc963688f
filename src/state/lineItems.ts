import { DigitalOceanClient } from '../api/client';
import { abortedError } from '../api/clock';
import { ApiError, ApiErrorKind, isAbort } from '../api/errors';
import { CallOptions } from '../api/http';
import { InvoiceItem, InvoiceItemsPage, PageRef } from '../api/types';
import { l10n } from '../util/l10n';
import { runBounded } from '../util/pool';

/**
 * Loading all line items of one invoice (the large ones have thousands): page 1 first, which
 * tells the total; then the other pages in parallel, a few at a time. A page that still fails
 * after the client's retries is recorded, never dropped, and can be fetched again alone.
 *
 * Items have no identity of their own (two identical lines can be real, e.g. two equal
 * snapshots), so nothing is de-duplicated: items are kept per page, in the API's order.
 * A page repeating the previous one exactly is reported as a problem instead.
 */

export const ITEMS_PER_PAGE = 200;
export const MAX_PARALLEL_PAGES = 4;
/** Below this `ratelimit-remaining`, pages are fetched one at a time. */
export const LOW_RATE_LIMIT = 50;
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

/** Loads every page of the invoice's items; rejects only when cancelled (an aborted ApiError). */
export function loadLineItems(invoiceUuid: string, options: LineItemsOptions): Promise<LineItemsResult> {
  const perPage = options.perPage ?? ITEMS_PER_PAGE;
  return new ItemsLoader(invoiceUuid, perPage, options).run();
}

/** Fetches again only the pages `previous` is missing; the loaded ones are kept. */
export function retryLineItems(previous: LineItemsResult, options: LineItemsOptions): Promise<LineItemsResult> {
  return new ItemsLoader(previous.invoiceUuid, previous.perPage, options, previous).run();
}

class ItemsLoader {
  private readonly pages = new Map<number, readonly InvoiceItem[]>();
  private readonly failed = new Map<number, FailedPage>();
  private readonly totals = new Map<number, number | undefined>();
  private readonly problems = new Set<string>();
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
  }

  async run(): Promise<LineItemsResult> {
    if (!this.pages.has(1)) {
      await this.fetchPage(1);
      this.throwIfAborted();
      if (!this.pages.has(1)) {
        return this.result();
      }
    }
    if (this.totalPages !== undefined) {
      await this.fetchInParallel(this.missingPages(this.totalPages));
    } else {
      await this.followNextLinks();
    }
    this.throwIfAborted();
    return this.result();
  }

  private missingPages(last: number): number[] {
    return Array.from({ length: last }, (_, i) => i + 1).filter((page) => !this.pages.has(page));
  }

  private async fetchInParallel(pages: number[]): Promise<void> {
    const notStarted = await runBounded(pages, (page) => this.fetchPage(page), {
      limit: () => this.parallelism(),
      stop: () => this.stopped || this.options.call.signal?.aborted === true,
    });
    this.throwIfAborted();
    const reason = [...this.failed.values()].find((failure) => STOPPING_KINDS.has(failure.kind));
    for (const page of notStarted) {
      this.failed.set(page, { page, kind: reason?.kind ?? 'unexpected', message: reason?.message ?? l10n.t('The page was not loaded.') });
    }
    this.report();
  }

  /** Without `meta.total`: one page after the other, as far as the next links lead. */
  private async followNextLinks(): Promise<void> {
    while (this.next && !this.failed.has(this.next.page)) {
      if (this.pages.size >= MAX_PAGES) {
        this.problems.add(l10n.t('The invoice has more than {0} pages of items; loading stopped.', MAX_PAGES));
        this.next = undefined;
        break;
      }
      await this.fetchPage(this.next.page);
      this.throwIfAborted();
    }
  }

  /** Concurrency for the next request: one at a time when the rate limit runs low. */
  private parallelism(): number {
    const remaining = this.options.client.http.rateLimit.remaining;
    const low = remaining !== undefined && remaining < (this.options.lowRateLimit ?? LOW_RATE_LIMIT);
    return low ? 1 : this.options.maxParallel ?? MAX_PARALLEL_PAGES;
  }

  /** Never rejects: a failure is recorded; cancellation is checked by the caller. */
  private async fetchPage(page: number): Promise<void> {
    try {
      const result = await this.options.client.getInvoiceItems(this.invoiceUuid, { page, perPage: this.perPage }, this.options.call);
      this.accept(page, result);
    } catch (error) {
      if (isAbort(error) || this.options.call.signal?.aborted) {
        return;
      }
      const failure: FailedPage =
        error instanceof ApiError
          ? { page, kind: error.kind, message: error.fullMessage }
          : { page, kind: 'unexpected', message: l10n.t('Unexpected error: {0}', error instanceof Error ? error.message : String(error)) };
      this.failed.set(page, failure);
      this.stopped ||= STOPPING_KINDS.has(failure.kind);
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
    if (this.options.call.signal?.aborted) {
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

function samePage(a: readonly InvoiceItem[], b: readonly InvoiceItem[]): boolean {
  return a.length === b.length && a.every((item, index) => sameItem(item, b[index]));
}

function sameItem(a: InvoiceItem, b: InvoiceItem): boolean {
  const keys = Object.keys(a) as Array<keyof InvoiceItem>;
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}
