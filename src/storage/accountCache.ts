import { Balance, Invoice, PageRef } from '../api/types';

/** The part of vscode.Memento the cache uses (globalState). */
export interface KeyValueStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
}

export interface CachedInvoices {
  readonly invoices: readonly Invoice[];
  readonly preview?: Invoice;
  readonly total?: number;
  readonly next?: PageRef;
  readonly fetchedAt: number;
  readonly balance?: Balance;
}

const CACHE_VERSION = 1;

/** Each kind of cached data: its key prefix (followed by the token fingerprint) and its last-account key. */
const SECTIONS = {
  invoices: { prefix: 'digitaloceanInvoices.cache.', lastAccount: 'digitaloceanInvoices.lastAccount' },
  billingHistory: { prefix: 'digitaloceanInvoices.billingHistoryCache.', lastAccount: 'digitaloceanInvoices.billingHistoryLastAccount' },
} as const;

export type CacheSection = keyof typeof SECTIONS;

/**
 * Last known data of one kind per token fingerprint in globalState, so a restart shows it at
 * once. Holds billing data only: never the token.
 */
export class AccountCache<Data> {
  private readonly keys: (typeof SECTIONS)[CacheSection];

  constructor(
    private readonly store: KeyValueStore,
    section: CacheSection,
    private readonly isValid: (data: Data) => boolean,
  ) {
    this.keys = SECTIONS[section];
  }

  /** Fingerprint of the account shown last, readable before the secret store answers. */
  get lastAccount(): string | undefined {
    return this.store.get<string>(this.keys.lastAccount);
  }

  read(account: string): Data | undefined {
    const entry = this.store.get<{ version?: number; data?: Data }>(this.keys.prefix + account);
    if (entry?.version !== CACHE_VERSION || !entry.data || !this.isValid(entry.data)) {
      return undefined;
    }
    return entry.data;
  }

  async write(account: string, data: Data): Promise<void> {
    await this.store.update(this.keys.prefix + account, { version: CACHE_VERSION, data });
    if (this.lastAccount !== account) {
      await this.store.update(this.keys.lastAccount, account);
    }
  }

  /** Forgets everything cached for the account: every section, not only this one. */
  async remove(account: string): Promise<void> {
    for (const keys of Object.values(SECTIONS)) {
      await this.store.update(keys.prefix + account, undefined);
      if (this.store.get<string>(keys.lastAccount) === account) {
        await this.store.update(keys.lastAccount, undefined);
      }
    }
  }
}

export class InvoiceCache extends AccountCache<CachedInvoices> {
  constructor(store: KeyValueStore) {
    super(store, 'invoices', (data) => Array.isArray(data.invoices));
  }
}
