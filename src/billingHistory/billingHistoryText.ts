import { BillingHistoryEntry } from '../api/types';
import { l10n } from '../util/l10n';
import { formatAmount } from '../util/money';

// The text of billing history rows, apart from vscode so that it can be tested on its own.

/** The entry types of the API (billing_history.yml), in the display language; others as sent. */
export function entryTypeLabel(type: string): string {
  const labels: Record<string, string> = {
    ACHFailure: l10n.t('ACH failure'),
    Adjustment: l10n.t('Adjustment'),
    AttemptFailed: l10n.t('Payment attempt failed'),
    Chargeback: l10n.t('Chargeback'),
    Credit: l10n.t('Credit'),
    CreditExpiration: l10n.t('Credit expiration'),
    Invoice: l10n.t('Invoice'),
    Payment: l10n.t('Payment'),
    Refund: l10n.t('Refund'),
    Reversal: l10n.t('Reversal'),
  };
  return Object.hasOwn(labels, type) ? labels[type] : type || '—';
}

/** "-$12.34 · Payment · Payment (Visa 4242)": amount as sent (payments and credits negative), type, description. */
export function entrySummary(entry: BillingHistoryEntry, locale: string): string {
  const amount = formatAmount(entry.amount, locale);
  const type = entryTypeLabel(entry.type);
  return entry.description ? l10n.t('{0} · {1} · {2}', amount, type, entry.description) : l10n.t('{0} · {1}', amount, type);
}
