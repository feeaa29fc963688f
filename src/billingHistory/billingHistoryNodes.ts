import * as vscode from 'vscode';
import { BillingHistoryEntry } from '../api/types';
import { COMMANDS } from '../constants';
import { BillingHistorySnapshot, entryKey } from './billingHistoryList';
import { l10n } from '../util/l10n';
import { formatAmount } from '../util/money';
import { formatDate, formatDateTime } from '../util/period';
import { entrySummary, entryTypeLabel } from './billingHistoryText';
import { ListNode, detailsTooltip, listRows } from '../tree/listNodes';

/** The kinds of rows in the billing history view. */
export type BillingHistoryNode = ListNode | { readonly kind: 'entry'; readonly entry: BillingHistoryEntry };

export function billingHistoryRows(snapshot: BillingHistorySnapshot): BillingHistoryNode[] {
  const entries = snapshot.items.map((entry): BillingHistoryNode => ({ kind: 'entry', entry }));
  return listRows(snapshot, snapshot.items.length, entries, {
    loading: l10n.t('Loading billing history…'),
    empty: l10n.t('This account has no billing history yet.'),
  });
}

const ICONS: Record<string, string> = {
  Invoice: 'file-text', Payment: 'credit-card', Credit: 'gift', Adjustment: 'diff', Refund: 'reply',
  ACHFailure: 'warning', AttemptFailed: 'warning', Chargeback: 'warning', Reversal: 'warning', CreditExpiration: 'history',
};

/** Date as the label; amount, type and description after it. An entry of an invoice reveals it. */
export function entryTreeItem(entry: BillingHistoryEntry, locale: string): vscode.TreeItem {
  const item = new vscode.TreeItem(formatDate(entry.date, locale));
  item.id = `entry:${entryKey(entry)}`;
  item.description = entrySummary(entry, locale);
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
