import { DigitalOceanClient } from '../api/client';
import { ApiError, ApiErrorKind, isAbort } from '../api/errors';
import { CallOptions, RetryNotice } from '../api/http';
import { Balance, Invoice, InvoicesPage, PageRef } from '../api/types';
import { tokenFingerprint } from '../auth/token';
import { Emitter } from '../util/event';
import { Logger } from '../util/logger';
import { l10n } from '../util/l10n';
import { InvoiceCache } from './cache';

export interface ShownError {
  readonly kind: ApiErrorKind | 'unexpected';
  readonly message: string;
}

/** Everything the views show, as one immutable value. */
export interface InvoiceSnapshot {
  readonly hasToken: boolean;
  readonly invoices: readonly Invoice[];
  readonly preview?: Invoice;
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
  /** Fetched with every refresh, in parallel with the invoices. */
  readonly balance?: Balance;
  /** Why the balance could not be fetched; the invoices may still be fine. */
  readonly balanceError?: ShownError;
}

export interface InvoiceStateOptions {
  readonly client: DigitalOceanClient;
  readonly cache: InvoiceCache;
  readonly logger: Logger;
  readonly pageSize: () => number;
  readonly now?: () => number;
}

const EMPTY: InvoiceSnapshot = { hasToken: false, invoices: [], stale: false };

interface Operation {
  readonly controller: AbortController;
  readonly promise: Promise<void>;
}

/**
 * The invoices of the current token and everything done to them: refresh (shared while in
 * flight), load more, token changes (which abort requests of the old token) and the cache.
 */
export class InvoiceState {
  private readonly changed = new Emitter<InvoiceSnapshot>();
  readonly onDidChange = this.changed.event;

  private current: InvoiceSnapshot = EMPTY;
  private token: string | undefined;
  private account: string | undefined;
  private refreshing: Operation | undefined;
  private loadingMore: Operation | undefined;
  private readonly now: () => number;

  constructor(private readonly options: InvoiceStateOptions) {
    this.now = options.now ?? Date.now;
  }

  get snapshot(): InvoiceSnapshot {
    return this.current;
  }

  /** The token in use, for loads that belong to it (line items). */
  get currentToken(): string | undefined {
    return this.token;
  }

  /** Shows the last account's cached data before the token is known (startup). */
  showLastKnown(): void {
    const account = this.options.cache.lastAccount;
    const cached = account ? this.options.cache.read(account) : undefined;
    if (account && cached && !this.token) {
      this.account = account;
      this.update({ ...EMPTY, ...cached, hasToken: true, stale: true });
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
    const previousAccount = this.account;
    this.token = token;
    this.account = account;
    this.options.logger.redactor.addSecret(token);
    if (!token || !account) {
      this.update(EMPTY);
      return true;
    }
    if (account === previousAccount && this.current.hasToken) {
      // The cache of this account is already on screen (restored at startup).
      return true;
    }
    const cached = this.options.cache.read(account);
    this.update(cached ? { ...EMPTY, ...cached, hasToken: true, stale: true } : { ...EMPTY, hasToken: true });
    return true;
  }

  /** Uses a token whose first page was just fetched (to verify it) without fetching it again. */
  async adoptVerified(token: string, firstPage: InvoicesPage): Promise<void> {
    this.setToken(token);
    this.cancelAll();
    await this.applyFirstPage(firstPage, {});
    // The check fetched the invoices only; the balance follows on its own.
    const controller = new AbortController();
    this.refreshing = { controller, promise: this.fetchBalance(this.callOptions(token, controller)).then((balance) => {
      if (!controller.signal.aborted) {
        this.update({ ...this.current, ...balance });
      }
    }).finally(() => {
      if (this.refreshing?.controller === controller) {
        this.refreshing = undefined;
      }
    }) };
    await this.refreshing.promise;
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
   * Fetches page 1 and the preview again. Calls while one is in flight share it, unless
   * `supersede` asks for a new one (settings changed), which aborts the older one.
   */
  refresh(options: { supersede?: boolean } = {}): Promise<void> {
    if (!this.token) {
      return Promise.resolve();
    }
    if (this.refreshing && !options.supersede) {
      return this.refreshing.promise;
    }
    this.cancelAll();
    const token = this.token;
    const controller = new AbortController();
    this.update({ ...this.current, activity: 'refreshing', retryNotice: undefined });
    const call = this.callOptions(token, controller);
    const promise = Promise.all([this.options.client.listInvoices({ page: 1, perPage: this.options.pageSize() }, call), this.fetchBalance(call)])
      .then(([page, balanceState]) => (controller.signal.aborted ? undefined : this.applyFirstPage(page, balanceState)))
      .catch((error: unknown) => this.fail(error, controller))
      .finally(() => {
        if (this.refreshing?.controller === controller) {
          this.refreshing = undefined;
        }
      });
    this.refreshing = { controller, promise };
    return promise;
  }

  /** Appends the next page. Does nothing while anything is loading or when there is none. */
  loadMore(): Promise<void> {
    const next = this.current.next;
    if (!this.token || !next || this.refreshing || this.loadingMore) {
      return this.loadingMore?.promise ?? Promise.resolve();
    }
    const token = this.token;
    const controller = new AbortController();
    this.update({ ...this.current, activity: 'loadingMore', retryNotice: undefined });
    const promise = this.options.client
      .listInvoices(next, this.callOptions(token, controller))
      .then((page) => (controller.signal.aborted ? undefined : this.applyNextPage(page)))
      .catch((error: unknown) => this.fail(error, controller))
      .finally(() => {
        if (this.loadingMore?.controller === controller) {
          this.loadingMore = undefined;
        }
      });
    this.loadingMore = { controller, promise };
    return promise;
  }

  dispose(): void {
    this.cancelAll();
    this.changed.dispose();
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

  /** The balance, or why it failed: its failure never hides the invoices. */
  private fetchBalance(call: CallOptions): Promise<Pick<InvoiceSnapshot, 'balance' | 'balanceError'>> {
    return this.options.client.getBalance(call).then(
      (balance) => ({ balance, balanceError: undefined }),
      (error: unknown) => ({ balance: this.current.balance, balanceError: shownError(error) }),
    );
  }

  private async applyFirstPage(page: InvoicesPage, balance: Pick<InvoiceSnapshot, 'balance' | 'balanceError'>): Promise<void> {
    this.update({
      ...balance,
      hasToken: true,
      invoices: unique(page.invoices),
      preview: page.preview,
      total: page.total,
      next: page.next,
      pagingProblem: page.pagingProblem,
      fetchedAt: this.now(),
      stale: false,
    });
    await this.persist();
  }

  private async applyNextPage(page: InvoicesPage): Promise<void> {
    const invoices = unique([...this.current.invoices, ...page.invoices]);
    const added = invoices.length - this.current.invoices.length;
    // A page that adds nothing new would make "Load more" spin forever on a shifting list.
    const stuck = added === 0 && page.next !== undefined;
    this.update({
      ...this.current,
      invoices,
      preview: page.preview ?? this.current.preview,
      total: page.total ?? this.current.total,
      next: stuck ? undefined : page.next,
      pagingProblem: stuck ? l10n.t('The API returned a page with no new invoices; loading stopped.') : page.pagingProblem,
      activity: undefined,
      retryNotice: undefined,
      error: undefined,
    });
    await this.persist();
  }

  private fail(error: unknown, controller: AbortController): void {
    if (controller.signal.aborted || isAbort(error)) {
      return;
    }
    const shown = shownError(error);
    this.options.logger.error(shown.message);
    this.update({ ...this.current, activity: undefined, retryNotice: undefined, error: shown });
  }

  private async persist(): Promise<void> {
    const account = this.account;
    const { invoices, preview, total, next, fetchedAt, balance } = this.current;
    if (!account || fetchedAt === undefined) {
      return;
    }
    try {
      await this.options.cache.write(account, { invoices, preview, total, next, fetchedAt, balance });
    } catch (error) {
      this.options.logger.warn(`Could not cache invoices: ${error instanceof Error ? error.message : String(error)}`);
    }
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

  private update(next: InvoiceSnapshot): void {
    this.current = next;
    this.changed.fire(next);
  }
}

function shownError(error: unknown): ShownError {
  return error instanceof ApiError
    ? { kind: error.kind, message: error.fullMessage }
    : { kind: 'unexpected', message: l10n.t('Unexpected error: {0}', error instanceof Error ? error.message : String(error)) };
}

/** Keeps the first of each invoice_uuid: pages shift when an invoice appears between loads. */
function unique(invoices: readonly Invoice[]): Invoice[] {
  const byUuid = new Map<string, Invoice>();
  for (const invoice of invoices) {
    if (!byUuid.has(invoice.invoiceUuid)) {
      byUuid.set(invoice.invoiceUuid, invoice);
    }
  }
  return [...byUuid.values()];
}
