import * as vscode from 'vscode';
import { invoiceApiId } from '../api/client';
import { Invoice } from '../api/types';
import { BalanceNode } from '../balance/balanceNode';
import { LineItemNode } from '../lineItems/lineItemNodes';
import { formatAmount } from '../util/money';
import { formatDateTime, formatPeriod } from '../util/period';
import { l10n } from '../util/l10n';
import { COMMANDS } from '../constants';
import { detailsTooltip, ListNode } from '../tree/listNodes';

/** The kinds of rows in the invoices view. */
export type InvoiceNode =
  | ListNode
  | InvoiceRow
  /** Always first once invoices show, so rows below don't move when the balance arrives. */
  | BalanceNode
  | LineItemNode;

/** An invoice row (or the month in progress), as menus pass it to commands. */
export interface InvoiceRow {
  readonly kind: 'invoice';
  readonly invoice: Invoice;
  readonly inProgress: boolean;
  /** Which line items it expands to: the id the API knows it by; undefined without one. */
  readonly itemsKey: string | undefined;
}

export function invoiceRow(invoice: Invoice, inProgress: boolean): InvoiceRow {
  return { kind: 'invoice', invoice, inProgress, itemsKey: invoiceApiId(invoice, inProgress) };
}

/**
 * The amount first, then the month: at the narrowest side bar (170 px) a month and a large
 * amount do not fit side by side, and the amount is what the row is for. Screen readers
 * still hear the month first.
 */
export function invoiceTreeItem({ invoice, inProgress, itemsKey }: InvoiceRow, locale: string): vscode.TreeItem {
  const expandable = itemsKey !== undefined;
  const amount = formatAmount(invoice.amount, locale);
  const month = formatPeriod(invoice.period, locale);
  const item = new vscode.TreeItem(amount, expandable ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
  item.id = `${inProgress ? 'preview' : 'invoice'}:${invoice.invoiceUuid}`;
  item.description = inProgress ? l10n.t('{0} · in progress', month) : month;
  item.iconPath = new vscode.ThemeIcon(inProgress ? 'clock' : 'file-text');
  item.contextValue = inProgress ? 'invoicePreview' : 'invoice';
  item.tooltip = invoiceTooltip(invoice, inProgress, locale);
  item.accessibilityInformation = { label: `${month}, ${inProgress ? l10n.t('{0} · in progress', amount) : amount}` };
  return item;
}

function invoiceTooltip(invoice: Invoice, inProgress: boolean, locale: string): vscode.MarkdownString {
  return detailsTooltip(inProgress ? l10n.t('Month in progress (invoice preview)') : l10n.t('Invoice'), [
    [l10n.t('Period'), invoice.period],
    [l10n.t('Amount'), formatAmount(invoice.amount, locale)],
    [l10n.t('Invoice id'), invoice.invoiceId],
    [l10n.t('Invoice uuid'), invoice.invoiceUuid],
    [l10n.t('Last updated'), formatDateTime(invoice.updatedAt, locale)],
  ]);
}

/** What the invoices' "Load more…" row runs. */
export function loadMoreInvoicesCommand(): vscode.Command {
  return { command: COMMANDS.loadMore, title: l10n.t('Load More Invoices') };
}
