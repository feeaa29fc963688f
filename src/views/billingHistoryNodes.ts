import * as vscode from 'vscode';
import { BillingHistoryEntry } from '../api/types';
import { COMMANDS } from '../commands/ids';
import { BillingHistorySnapshot, entryKey } from '../state/billingHistoryState';
import { l10n } from '../util/l10n';
import { formatAmount } from '../util/money';
import { formatDate, formatDateTime } from '../util/period';
import { ListNode, detailsTooltip, listRows } from './listNodes';

/** The kinds of rows in the billing history view. */
export type BillingHistoryNode = ListNode | { readonly kind: 'entry'; readonly entry: BillingHistoryEntry };

export function billingHistoryRows(snapshot: BillingHistorySnapshot): BillingHistoryNode[] {
  const entries = snapshot.items.map((entry): BillingHistoryNode => ({ kind: 'entry', entry }));
  return listRows(snapshot, snapshot.items.length, entries, {
    loading: l10n.t('Loading billing history…'),
    empty: l10n.t('This account has no billing history yet.'),
  });
}

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

const ICONS: Record<string, string> = {
  Invoice: 'file-text', Payment: 'credit-card', Credit: 'gift', Adjustment: 'diff', Refund: 'reply',
  ACHFailure: 'warning', AttemptFailed: 'warning', Chargeback: 'warning', Reversal: 'warning', CreditExpiration: 'history',
};

/** Date as the label; amount, type and description after it. An entry of an invoice reveals it. */
export function entryTreeItem(entry: BillingHistoryEntry, locale: string): vscode.TreeItem {
  const item = new vscode.TreeItem(formatDate(entry.date, locale));
  item.id = `entry:${entryKey(entry)}`;
  const amount = formatAmount(entry.amount, locale);
  const type = entryTypeLabel(entry.type);
  item.description = entry.description ? l10n.t('{0} · {1} · {2}', amount, type, entry.description) : l10n.t('{0} · {1}', amount, type);
  item.iconPath = new vscode.ThemeIcon(Object.hasOwn(ICONS, entry.type) ? ICONS[entry.type] : 'circle-outline');
  item.contextValue = entry.invoiceUuid ? 'billingHistoryEntry.invoice' : 'billingHistoryEntry';
  item.tooltip = entryTooltip(entry, locale);
  item.accessibilityInformation = { label: `${item.label as string}, ${item.description}` };
  if (entry.invoiceUuid) {
    item.command = { command: COMMANDS.revealInvoice, title: l10n.t('Show Invoice'), arguments: [entry.invoiceUuid] };
  }
  return item;
}

function entryTooltip(entry: BillingHistoryEntry, locale: string): vscode.MarkdownString {
  const tooltip = detailsTooltip(l10n.t('Billing history entry'), [
    [l10n.t('Date'), formatDateTime(entry.date, locale)],
    [l10n.t('Type'), entryTypeLabel(entry.type)],
    [l10n.t('Description'), entry.description],
    [l10n.t('Amount'), formatAmount(entry.amount, locale)],
    [l10n.t('Invoice id'), entry.invoiceId],
    [l10n.t('Invoice uuid'), entry.invoiceUuid],
  ]);
  if (entry.invoiceUuid) {
    tooltip.appendMarkdown(`\n${l10n.t('Click to show the invoice.')}`);
  }
  return tooltip;
}
