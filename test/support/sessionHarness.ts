import { BalanceState } from '../../src/balance/balanceState';
import { createBillingHistoryList } from '../../src/billingHistory/billingHistoryList';
import { DigitalOceanClient } from '../../src/api/client';
import { createInvoiceList } from '../../src/invoices/invoiceList';
import { Accounts, AccountTokens } from '../../src/session/accounts';
import { Session } from '../../src/session/session';
import { KeyValueStore } from '../../src/storage/accountCache';
import { Emitter } from '../../src/util/event';
import { Logger } from '../../src/util/logger';

/**
 * A session over in-memory account tokens, as the extension builds it over SecretStorage.
 * `environment` stands for process.env: by default empty, so that a token in the developer's
 * DIGITALOCEAN_ACCESS_TOKEN does not take part.
 */
export function makeSession(store: KeyValueStore, logger: Logger, environment: NodeJS.ProcessEnv = {}) {
  const tokens = new Map<string, string>();
  const tokenChanged = new Emitter<string>();
  const accountTokens: AccountTokens = {
    get: async (accountId) => tokens.get(accountId),
    store: async (accountId, token) => {
      tokens.set(accountId, token);
      tokenChanged.fire(accountId);
    },
    delete: async (accountId) => {
      tokens.delete(accountId);
      tokenChanged.fire(accountId);
    },
  };
  const accounts = new Accounts(store, accountTokens, environment);
  const session = new Session(accounts, tokenChanged.event, store, logger);
  return {
    session,
    accounts,
    tokens,
    /** As when the active account's token is set (or cleared) here: settles once the session has followed. */
    async signIn(token: string | undefined): Promise<void> {
      if (token) {
        tokens.set(accounts.active.id, token);
      } else {
        tokens.delete(accounts.active.id);
      }
      await session.sync();
    },
  };
}

export interface StoresOptions {
  readonly client: DigitalOceanClient;
  readonly logger: Logger;
  readonly store: KeyValueStore;
  /** Invoices and billing history entries per page: a number, or a function when a test changes it. */
  readonly pageSize?: number | (() => number);
  /** Stands for process.env (DIGITALOCEAN_ACCESS_TOKEN); empty by default. */
  readonly environment?: NodeJS.ProcessEnv;
}

/** The session with the stores that follow it: invoices, balance and billing history, as the extension wires them. */
export function makeStores(options: StoresOptions) {
  const { client, logger, store } = options;
  const signed = makeSession(store, logger, options.environment);
  const environment = { session: signed.session, store, logger, client, pageSize: typeof options.pageSize === 'function' ? options.pageSize : () => (options.pageSize as number | undefined) ?? 10 };
  const invoices = createInvoiceList(environment);
  const balance = new BalanceState(environment);
  const history = createBillingHistoryList(environment);
  return {
    ...signed,
    invoices,
    balance,
    history,
    /** Refresh as the command runs it. */
    refreshAll: () => Promise.all([invoices.refresh(), balance.refresh(), history.refresh()]).then(() => undefined),
    /** As when the window closes: every store writes what is pending. */
    dispose() {
      invoices.dispose();
      balance.dispose();
      history.dispose();
      signed.session.dispose();
    },
  };
}
