import { BalanceSnapshot, BalanceState } from '../balance/balanceState';
import { BillingHistoryEntry, Invoice } from '../api/types';
import { BillingHistoryList, BillingHistorySnapshot } from '../billingHistory/billingHistoryList';
import { InsightsState, RecentInsights, RECENT_DAYS } from '../insights/insightsState';
import { covers, InsightsData, sliceToRange } from '../insights/spend';
import { dayCount, DayRange } from '../insights/windows';
import { InvoiceExtra, InvoiceList, InvoiceSnapshot } from '../invoices/invoiceList';
import { LineItemsResult } from '../lineItems/lineItemsLoader';
import { LineItemsStore } from '../lineItems/lineItemsStore';
import { ListSnapshot, PagedList, ShownError } from '../paging/pagedList';
import { Account } from '../session/accounts';
import { Session, SessionScope } from '../session/session';
import { l10n } from '../util/l10n';
import { accountChangedProblem, apiErrorText, apiProblem, noTokenProblem, ToolCancelled, ToolProblem } from './toolProblem';

/** vscode.CancellationToken's shape, so the tools run outside VS Code too. */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
  onCancellationRequested(listener: () => unknown): { dispose(): unknown };
}

/** The stores the views read; the tools read the same ones and nothing else. */
export interface BillingSources {
  readonly session: Session;
  readonly invoices: InvoiceList;
  readonly balance: BalanceState;
  readonly history: BillingHistoryList;
  readonly lineItems: LineItemsStore;
  readonly insights: InsightsState;
}

/** A list as one tool call read it; `problem` says why its last load failed when the data shown was kept. */
export interface ListRead<Item, Extra> {
  readonly snapshot: ListSnapshot<Item, Extra>;
  readonly problem?: string;
}

export interface BalanceRead {
  readonly snapshot: BalanceSnapshot;
  readonly problem?: string;
}

/** Daily spend as one tool call read it. */
export interface DailyRead {
  readonly data: InsightsData;
  /** When DigitalOcean's figures were fetched. */
  readonly fetchedAt: number;
  /** Windows that did not load (their days are in `data.missingDays`), and other inconsistencies. */
  readonly failures: readonly string[];
  readonly problems: readonly string[];
  /** The recent days the alerts are found in, when loaded. */
  readonly recent?: RecentInsights;
}

/** What daily spend needs of the token (account:read, a team) is said as the Daily Spend view says it. */
function insightsProblem(error: ShownError): ToolProblem {
  return error.kind === 'missingScope' || error.kind === 'noTeam' ? new ToolProblem('apiError', error.message) : apiProblem(error);
}

/** How long a call waits for the session to read the token at startup. */
const SESSION_START_TIMEOUT_MS = 10_000;
/** Line-item loads cut short (a refresh, a collapse) before a call gives up. */
const MAX_ITEM_LOAD_STARTS = 3;
/** Waits for a list's load in flight before a call gives up on it. */
const MAX_SETTLE_ROUNDS = 20;

/**
 * What one tool call reads, for the account active when it began. It uses what the stores
 * hold and asks them for more only when that is missing: page 1 when nothing was loaded in
 * this session (or its load failed), further pages while `needsMore` says so, the line items
 * of one invoice. A load in flight is joined, never repeated. The account changing under the
 * call ends it, so figures of one account never answer for another.
 */
export class BillingReader {
  private scope: SessionScope | undefined;

  constructor(
    private readonly sources: BillingSources,
    private readonly cancellation: Cancellation,
  ) {}

  /** The account the call is about: the one it began with, else the active one. */
  get accountName(): string {
    return this.scope?.account.name ?? this.sources.session.state.account.name;
  }

  /** The account that answers; waits for the token to be read at startup. */
  async begin(): Promise<Account> {
    const { session } = this.sources;
    if (session.state.starting) {
      await this.nextChange(session.onDidChange, SESSION_START_TIMEOUT_MS);
    }
    this.scope = session.begin();
    if (!this.scope) {
      throw noTokenProblem(session.state.account.name);
    }
    return this.scope.account;
  }

  /** The invoices, with more pages while `needsMore` says so. */
  invoices(needsMore?: (snapshot: InvoiceSnapshot) => boolean): Promise<ListRead<Invoice, InvoiceExtra>> {
    return this.list(this.sources.invoices, needsMore);
  }

  history(needsMore?: (snapshot: BillingHistorySnapshot) => boolean): Promise<ListRead<BillingHistoryEntry, Record<never, never>>> {
    return this.list(this.sources.history, needsMore);
  }

  async balance(): Promise<BalanceRead> {
    const state = this.sources.balance;
    const { snapshot } = state;
    if (snapshot.loading || snapshot.stale || !snapshot.balance) {
      await state.refresh(); // joins the fetch in flight
      this.check();
    }
    const { error } = state.snapshot;
    return { snapshot: state.snapshot, problem: error && apiErrorText(error) };
  }

  /** The recent daily spend as the status bar has it (fetched at most once a day), without loading it. */
  get recentDays(): RecentInsights | undefined {
    return this.sources.insights.snapshot.recent;
  }

  /** The invoices as the view shows them, without loading any. */
  get invoicesShown(): InvoiceSnapshot {
    return this.sources.invoices.snapshot;
  }

  /**
   * The daily data of `range`: from the recent days when they hold it (fetched at most once a
   * day, so usually no request), else loaded for this call alone, cancelled with it.
   */
  async dailySpend(range: DayRange): Promise<DailyRead> {
    const { insights } = this.sources;
    this.check();
    const coveringRecent = () => {
      const { recent } = insights.snapshot;
      return recent && covers(recent.range, range) ? recent : undefined;
    };
    if (dayCount(range) <= RECENT_DAYS) {
      if (!coveringRecent()) {
        await insights.refreshIfDue(); // joins the fetch in flight
        this.check();
      }
      const recent = coveringRecent();
      if (recent) {
        // A window of the recent days that failed shows as its missing days.
        return { data: sliceToRange(recent, range), fetchedAt: recent.fetchedAt, failures: [], problems: [], recent };
      }
      if (insights.snapshot.error) {
        throw insightsProblem(insights.snapshot.error);
      }
    }
    const controller = new AbortController();
    const subscription = this.cancellation.onCancellationRequested(() => controller.abort());
    try {
      // The recent days too, for the alerts (a no-op once fetched today).
      const [result] = await Promise.all([insights.load(range, { scope: this.scope, signal: controller.signal }), insights.refreshIfDue()]);
      this.check();
      if ('kind' in result) {
        throw insightsProblem(result);
      }
      return {
        data: result, fetchedAt: Date.now(), failures: result.failed.map((failure) => `${failure.window.start}–${failure.window.end}: ${failure.message}`),
        problems: result.problems, recent: insights.snapshot.recent,
      };
    } catch (error) {
      this.check(); // cancelled, or another account: said as such
      throw error;
    } finally {
      subscription.dispose();
    }
  }

  /** Every line item of one invoice (`preview` for the month in progress), loaded as expanding it in the view does. */
  async lineItems(itemsKey: string): Promise<LineItemsResult> {
    const store = this.sources.lineItems;
    let started = false;
    try {
      return await this.loadedItems(itemsKey, () => (started = true));
    } catch (error) {
      // A load this call started stops with it; one the view started goes on.
      if (error instanceof ToolCancelled && started && store.get(itemsKey)?.status === 'loading') {
        store.cancel(itemsKey);
      }
      throw error;
    }
  }

  private async loadedItems(itemsKey: string, onStart: () => void): Promise<LineItemsResult> {
    const store = this.sources.lineItems;
    let starts = 0;
    let retried = false;
    for (;;) {
      this.check();
      const entry = store.get(itemsKey);
      if (entry?.status === 'loaded') {
        if (entry.result.complete || retried) {
          return entry.result;
        }
        retried = true;
        store.retry(itemsKey); // only the pages that failed, as the view's Retry
        continue;
      }
      if (!entry) {
        if (starts++ === MAX_ITEM_LOAD_STARTS) {
          throw new ToolProblem('interrupted', l10n.t('Loading the line items was interrupted several times (by a refresh, or by collapsing the invoice in the view); ask again.'));
        }
        store.load(itemsKey);
        onStart();
        continue;
      }
      await this.nextChange((listener) => store.onDidChange((key) => key === itemsKey && listener()));
    }
  }

  private async list<Item, Extra>(list: PagedList<Item, Extra>, needsMore: (snapshot: ListSnapshot<Item, Extra>) => boolean = () => false): Promise<ListRead<Item, Extra>> {
    this.check();
    for (let round = 0; list.snapshot.activity && round < MAX_SETTLE_ROUNDS; round++) {
      // Both calls join the load in flight rather than start one.
      await (list.snapshot.activity === 'refreshing' ? list.refresh() : list.loadMore());
      this.check();
    }
    if (list.snapshot.stale || list.snapshot.fetchedAt === undefined) {
      // Nothing loaded in this session yet (only the cache shows, or the first load failed): page 1, as Refresh.
      await list.refresh();
      this.check();
    }
    let { snapshot } = list;
    if (snapshot.fetchedAt === undefined) {
      throw snapshot.error ? apiProblem(snapshot.error) : new ToolProblem('interrupted', l10n.t('The data could not be loaded; ask again.'));
    }
    while (snapshot.next && needsMore(snapshot)) {
      const before = snapshot.items.length;
      await list.loadMore();
      this.check();
      snapshot = list.snapshot;
      if (snapshot.items.length === before) {
        break;
      }
    }
    const problem = snapshot.error ? apiErrorText(snapshot.error) : snapshot.pagingProblem;
    return { snapshot, problem };
  }

  /** Ends the call when it was cancelled or the account is no longer the one it began with. */
  private check(): void {
    if (this.cancellation.isCancellationRequested) {
      throw new ToolCancelled();
    }
    const { session } = this.sources;
    if (session.state.key !== this.scope?.key) {
      throw session.state.key ? accountChangedProblem() : noTokenProblem(session.state.account.name);
    }
  }

  /** Settles at the next event of `subscribe`, a session change or the timeout; rejects when cancelled. */
  private nextChange(subscribe: (listener: () => void) => { dispose(): unknown }, timeoutMs?: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const subscriptions: { dispose(): unknown }[] = [];
      let timer: ReturnType<typeof setTimeout> | undefined;
      const finish = (error?: Error) => {
        subscriptions.forEach((subscription) => subscription.dispose());
        clearTimeout(timer);
        if (error) {
          reject(error);
        } else {
          resolve();
        }
      };
      subscriptions.push(
        subscribe(() => finish()),
        this.sources.session.onDidChange(() => finish()),
        this.cancellation.onCancellationRequested(() => finish(new ToolCancelled())),
      );
      if (timeoutMs !== undefined) {
        timer = setTimeout(() => finish(), timeoutMs);
      }
      if (this.cancellation.isCancellationRequested) {
        finish(new ToolCancelled());
      }
    });
  }
}
