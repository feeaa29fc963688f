import { DigitalOceanClient } from '../api/client';
import { BillingHistoryEntry } from '../api/types';
import { ListSnapshot, PagedList, SessionStateEnvironment } from '../paging/pagedList';
import { l10n } from '../util/l10n';

export type BillingHistoryList = PagedList<BillingHistoryEntry>;
export type BillingHistorySnapshot = ListSnapshot<BillingHistoryEntry>;

export interface BillingHistoryListOptions extends SessionStateEnvironment {
  readonly client: DigitalOceanClient;
  readonly pageSize: () => number;
}

/** Entries have no id: two entries are the same when everything they say is. */
export function entryKey(entry: BillingHistoryEntry): string {
  return JSON.stringify([entry.date, entry.type, entry.amount, entry.invoiceUuid ?? '', entry.description]);
}

/** The session account's billing history (newest first, as the API sends it), paged and cached. */
export function createBillingHistoryList(options: BillingHistoryListOptions): BillingHistoryList {
  return new PagedList<BillingHistoryEntry>({
    ...options,
    fetchPage: (page, call) => options.client.listBillingHistory(page, call).then(({ entries, ...envelope }) => ({ items: entries, ...envelope })),
    keyOf: entryKey,
    stuckMessage: () => l10n.t('The API returned a page with no new billing history entries; loading stopped.'),
    what: 'billing history',
    cacheSection: 'billingHistory',
    extraKeys: [],
  });
}
