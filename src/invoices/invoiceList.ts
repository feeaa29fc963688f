import { DigitalOceanClient } from '../api/client';
import { CallOptions } from '../api/http';
import { Balance, Invoice, InvoicesPage } from '../api/types';
import { l10n } from '../util/l10n';
import { Emitter } from '../util/event';
import { InvoiceCache } from '../storage/accountCache';
import { ListCache, ListEnvironment, ListPage, ListSnapshot, ListStatus, PagedListState, ShownError, shownError } from '../paging/pagedList';

export type { ShownError } from '../paging/pagedList';

/** Everything the views show, as one immutable value: the list's status (see ListSnapshot) and the invoices. */
export interface InvoiceSnapshot extends ListStatus {
  readonly invoices: readonly Invoice[];
  readonly preview?: Invoice;
  /** Fetched with every refresh, in parallel with the invoices. */
  readonly balance?: Balance;
  /** Why the balance could not be fetched; the invoices may still be fine. */
  readonly balanceError?: ShownError;
}

export interface InvoiceStateOptions extends ListEnvironment {
  readonly client: DigitalOceanClient;
  readonly cache: InvoiceCache;
}

/** What the invoices list holds beside the invoices. */
type InvoiceExtra = Pick<InvoiceSnapshot, 'preview' | 'balance' | 'balanceError'>;

/**
 * The invoices of the current token and everything done to them: refresh (shared while in
 * flight), load more, token changes (which abort requests of the old token) and the cache.
 * The paging itself is a PagedListState; this adds the preview and the balance.
 */
export class InvoiceState {
  private readonly list: PagedListState<Invoice, InvoiceExtra>;
  private readonly changed = new Emitter<InvoiceSnapshot>();
  readonly onDidChange = this.changed.event;
  /** Fires after the token changed (to another one or none). */
  readonly onDidChangeToken: PagedListState<Invoice, InvoiceExtra>['onDidChangeToken'];
  private current: InvoiceSnapshot;

  constructor(options: InvoiceStateOptions) {
    this.list = new PagedListState<Invoice, InvoiceExtra>({
      fetchPage: (page, call) => options.client.listInvoices(page, call).then(toListPage),
      fetchAlongside: (call) => this.fetchBalance(options.client, call),
      keyOf: (invoice) => invoice.invoiceUuid,
      stuckMessage: () => l10n.t('The API returned a page with no new invoices; loading stopped.'),
      what: 'invoices',
      cache: invoiceListCache(options.cache),
      logger: options.logger,
      pageSize: options.pageSize,
      now: options.now,
    });
    this.onDidChangeToken = this.list.onDidChangeToken;
    this.current = toSnapshot(this.list.snapshot);
    this.list.onDidChange((snapshot) => {
      this.current = toSnapshot(snapshot);
      this.changed.fire(this.current);
    });
  }

  get snapshot(): InvoiceSnapshot {
    return this.current;
  }

  /** The token in use, for loads that belong to it (line items). */
  get currentToken(): string | undefined {
    return this.list.currentToken;
  }

  /** Shows the last account's cached data before the token is known (startup). */
  showLastKnown(): void {
    this.list.showLastKnown();
  }

  /**
   * Switches to another token (or none). Requests of the previous token are aborted and
   * their results dropped. Returns false when the token is the one already in use.
   */
  setToken(token: string | undefined): boolean {
    return this.list.setToken(token);
  }

  /** Uses a token whose first page was just fetched (to verify it) without fetching it again. */
  adoptVerified(token: string, firstPage: InvoicesPage): void {
    this.list.adoptVerified(token, toListPage(firstPage));
  }

  /** Removes the cached data of the current token. */
  forgetCurrent(): Promise<void> {
    return this.list.forgetCurrent();
  }

  /** Removes the cached data of a token, the current one or another account's. */
  forgetToken(token: string): Promise<void> {
    return this.list.forgetToken(token);
  }

  /**
   * Fetches page 1 and the preview again. Calls while one is in flight share it, unless
   * `supersede` asks for a new one (settings changed), which aborts the older one.
   */
  refresh(options: { supersede?: boolean } = {}): Promise<void> {
    return this.list.refresh(options);
  }

  /** Appends the next page. Does nothing while anything is loading or when there is none. */
  loadMore(): Promise<void> {
    return this.list.loadMore();
  }

  dispose(): void {
    this.list.dispose();
    this.changed.dispose();
  }

  /** The balance, or why it failed: its failure never hides the invoices. */
  private fetchBalance(client: DigitalOceanClient, call: CallOptions): Promise<InvoiceExtra> {
    return client.getBalance(call).then(
      (balance) => ({ balance, balanceError: undefined }),
      (error: unknown) => ({ balance: this.current.balance, balanceError: shownError(error) }),
    );
  }
}

function toListPage(page: InvoicesPage): ListPage<Invoice, InvoiceExtra> {
  // A page without a preview keeps the one already shown.
  return { items: page.invoices, total: page.total, next: page.next, pagingProblem: page.pagingProblem, extra: page.preview ? { preview: page.preview } : {} };
}

function toSnapshot({ items, extra, ...rest }: ListSnapshot<Invoice, InvoiceExtra>): InvoiceSnapshot {
  return { ...rest, invoices: items, preview: extra.preview, balance: extra.balance, balanceError: extra.balanceError };
}

/** The invoices list in the cache's established format (CachedInvoices). */
function invoiceListCache(cache: InvoiceCache): ListCache<Invoice, InvoiceExtra> {
  return {
    get lastAccount() {
      return cache.lastAccount;
    },
    read: (account) => {
      const cached = cache.read(account);
      return cached && { items: cached.invoices, extra: { preview: cached.preview, balance: cached.balance }, total: cached.total, next: cached.next, fetchedAt: cached.fetchedAt };
    },
    write: (account, { items, extra, total, next, fetchedAt }) =>
      cache.write(account, { invoices: items, preview: extra.preview, total, next, fetchedAt, balance: extra.balance }),
    remove: (account) => cache.remove(account),
  };
}
