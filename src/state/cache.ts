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
const CACHE_PREFIX = 'digitaloceanInvoices.cache.';
const LAST_ACCOUNT_KEY = 'digitaloceanInvoices.lastAccount';

/**
 * Last known invoices per token fingerprint in globalState, so a restart shows them at once.
 * Holds billing data only: never the token.
 */
export class InvoiceCache {
  constructor(private readonly store: KeyValueStore) {}

  /** Fingerprint of the account shown last, readable before the secret store answers. */
  get lastAccount(): string | undefined {
    return this.store.get<string>(LAST_ACCOUNT_KEY);
  }

  read(account: string): CachedInvoices | undefined {
    const entry = this.store.get<{ version?: number; data?: CachedInvoices }>(CACHE_PREFIX + account);
    if (entry?.version !== CACHE_VERSION || !entry.data || !Array.isArray(entry.data.invoices)) {
      return undefined;
    }
    return entry.data;
  }

  async write(account: string, data: CachedInvoices): Promise<void> {
    await this.store.update(CACHE_PREFIX + account, { version: CACHE_VERSION, data });
    if (this.lastAccount !== account) {
      await this.store.update(LAST_ACCOUNT_KEY, account);
    }
  }

  async remove(account: string): Promise<void> {
    await this.store.update(CACHE_PREFIX + account, undefined);
    if (this.lastAccount === account) {
      await this.store.update(LAST_ACCOUNT_KEY, undefined);
    }
  }
}
