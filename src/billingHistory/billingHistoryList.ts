import { DigitalOceanClient } from '../api/client';
import { BillingHistoryEntry } from '../api/types';
import { Event } from '../util/event';
import { l10n } from '../util/l10n';
import { AccountCache, KeyValueStore } from '../storage/accountCache';
import { ListCacheEntry, ListEnvironment, ListSnapshot, PagedListState } from '../paging/pagedList';

export type BillingHistorySnapshot = ListSnapshot<BillingHistoryEntry, Record<never, never>>;

export interface BillingHistoryStateOptions extends ListEnvironment {
  readonly client: DigitalOceanClient;
  /** globalState; the history is cached per token fingerprint beside the invoices. */
  readonly store: KeyValueStore;
}

/** Entries have no id: two entries are the same when everything they say is. */
export function entryKey(entry: BillingHistoryEntry): string {
  return JSON.stringify([entry.date, entry.type, entry.amount, entry.invoiceUuid ?? '', entry.description]);
}

/** The billing history of the current token (newest first, as the API sends it), paged and cached. */
export class BillingHistoryState extends PagedListState<BillingHistoryEntry> {
  constructor(options: BillingHistoryStateOptions) {
    super({
      fetchPage: (page, call) => options.client.listBillingHistory(page, call).then(({ entries, ...envelope }) => ({ items: entries, ...envelope })),
      keyOf: entryKey,
      stuckMessage: () => l10n.t('The API returned a page with no new billing history entries; loading stopped.'),
      what: 'billing history',
      cache: new AccountCache<ListCacheEntry<BillingHistoryEntry, Record<never, never>>>(options.store, 'billingHistory', (data) => Array.isArray(data.items)),
      logger: options.logger,
      pageSize: options.pageSize,
      now: options.now,
    });
  }

  /**
   * Uses the token of `source` (the invoices) from now on and fetches with each new one, so the
   * history follows every token and account change the invoices do.
   */
  follow(source: { readonly onDidChangeToken: Event<string | undefined> }): { dispose(): void } {
    return source.onDidChangeToken((token) => {
      if (this.setToken(token)) {
        void this.refresh();
      }
    });
  }
}
