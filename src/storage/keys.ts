/**
 * Everything the extension persists, in one place: globalState keys and secret names. Billing
 * data is stored per account key (a token fingerprint, never the token itself).
 */
export const STATE_KEYS = {
  /** Named accounts: `{ id, name }[]`. */
  accounts: 'digitaloceanInvoices.accounts',
  activeAccount: 'digitaloceanInvoices.activeAccount',
  /** The account key shown last, so a restart shows its cache before the secret store answers. */
  lastAccount: 'digitaloceanInvoices.lastAccount',
  /** Month of the last over-budget notification, by account id. */
  budgetNotified: 'digitaloceanInvoices.budgetNotified',
  budgetNotificationsMuted: 'digitaloceanInvoices.budgetNotificationsMuted',
  lastDownloadFolder: 'digitaloceanInvoices.lastDownloadFolder',
  /** Alerts on daily spend shown, by account id: occasion key → the day it was shown. */
  alertsShown: 'digitaloceanInvoices.alertsShown',
  /** Alert kinds turned off with "Don't Show Again". */
  alertsMuted: 'digitaloceanInvoices.alertsMuted',
  /** Set once the Getting Started walkthrough was offered (it opens on the first start only). */
  walkthroughShown: 'digitaloceanInvoices.walkthroughShown',
} as const;

/** Cached data of each kind: its key prefix, followed by the account key. */
export const CACHE_PREFIXES = {
  invoices: 'digitaloceanInvoices.cache.',
  balance: 'digitaloceanInvoices.balanceCache.',
  billingHistory: 'digitaloceanInvoices.billingHistoryCache.',
  /** The team and the recent daily spend. */
  insights: 'digitaloceanInvoices.insightsCache.',
} as const;

export type CacheSection = keyof typeof CACHE_PREFIXES;

/** Keys of earlier versions that are no longer read; dropped at startup. */
export const RETIRED_STATE_KEYS = ['digitaloceanInvoices.billingHistoryLastAccount'] as const;

/** The account that exists before any is added; its token keeps the first version's secret name. */
export const DEFAULT_ACCOUNT_ID = 'default';

/** Secret names by account: the default account keeps the plain name, others add their id. */
const SECRET_PREFIX = 'digitaloceanInvoices.apiToken';

export function secretKey(accountId: string): string {
  return accountId === DEFAULT_ACCOUNT_ID ? SECRET_PREFIX : `${SECRET_PREFIX}.${accountId}`;
}

export function accountOfSecretKey(key: string): string | undefined {
  if (key === SECRET_PREFIX) {
    return DEFAULT_ACCOUNT_ID;
  }
  return key.startsWith(`${SECRET_PREFIX}.`) ? key.slice(SECRET_PREFIX.length + 1) : undefined;
}
