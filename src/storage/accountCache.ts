import { CACHE_PREFIXES, CacheSection, RETIRED_STATE_KEYS } from './keys';

/** The part of vscode.Memento the extension uses (globalState). */
export interface KeyValueStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
  keys?(): readonly string[];
}

/** Version 2: the balance has a cache of its own, lists store `items`. Others are dropped. */
const CACHE_VERSION = 2;

/**
 * Last known data of one kind per account key in globalState, so a restart shows it at once.
 * Holds billing data only: never the token.
 */
export class AccountCache<Data> {
  private readonly prefix: string;

  constructor(
    private readonly store: KeyValueStore,
    section: CacheSection,
    private readonly isValid: (data: Data) => boolean,
  ) {
    this.prefix = CACHE_PREFIXES[section];
  }

  read(account: string): Data | undefined {
    const entry = this.store.get<{ version?: number; data?: Data }>(this.prefix + account);
    if (entry?.version !== CACHE_VERSION || !entry.data || !this.isValid(entry.data)) {
      return undefined;
    }
    return entry.data;
  }

  async write(account: string, data: Data): Promise<void> {
    await this.store.update(this.prefix + account, { version: CACHE_VERSION, data });
  }
}

/** Forgets everything cached for an account, of every kind. */
export async function removeAccountData(store: KeyValueStore, account: string): Promise<void> {
  await Promise.all(Object.values(CACHE_PREFIXES).map((prefix) => store.update(prefix + account, undefined)));
}

/** Drops what earlier versions cached (another layout, another version), so nothing stale mixes in. */
export async function dropOutdatedCaches(store: KeyValueStore): Promise<void> {
  const outdated = (store.keys?.() ?? []).filter((key) =>
    (RETIRED_STATE_KEYS as readonly string[]).includes(key)
    || (Object.values(CACHE_PREFIXES).some((prefix) => key.startsWith(prefix)) && store.get<{ version?: number }>(key)?.version !== CACHE_VERSION));
  await Promise.all(outdated.map((key) => store.update(key, undefined)));
}
