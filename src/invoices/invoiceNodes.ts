import * as vscode from 'vscode';
import { PREVIEW } from '../api/client';
import { apiUuidOf } from '../api/parse';
import { Balance, Invoice, InvoiceItem } from '../api/types';
import { ProductGroup } from '../lineItems/itemGroups';
import type { ShownError } from '../paging/pagedList';
import { formatAmount } from '../util/money';
import { formatDateTime, formatPeriod } from '../util/period';
import { l10n } from '../util/l10n';
import { COMMANDS } from '../constants';
import { detailsTooltip, ListNode } from '../tree/listNodes';

/** The kinds of rows in the invoices view. */
export type InvoiceNode =
  | ListNode
  | { readonly kind: 'invoice'; readonly invoice: Invoice; readonly inProgress: boolean }
  /** Always first once invoices show, so rows below don't move when the balance arrives. */
  | { readonly kind: 'balance'; readonly balance?: Balance; readonly error?: ShownError; readonly stale: boolean }
  | { readonly kind: 'itemsIncomplete'; readonly itemsKey: string; readonly message: string }
  | { readonly kind: 'group'; readonly itemsKey: string; readonly group: ProductGroup }
  | { readonly kind: 'item'; readonly itemsKey: string; readonly item: InvoiceItem; readonly index: number }
  | { readonly kind: 'moreItems'; readonly itemsKey: string; readonly product: string; readonly shown: number; readonly total: number };

/** Which line items an invoice row expands to (the month in progress: the keyword `preview`); undefined without a uuid. */
export function itemsKeyOf(invoice: Invoice, inProgress: boolean): string | undefined {
  return inProgress ? PREVIEW : apiUuidOf(invoice);
}

export function invoiceTreeItem(invoice: Invoice, inProgress: boolean, locale: string): vscode.TreeItem {
  const expandable = itemsKeyOf(invoice, inProgress) !== undefined;
  const item = new vscode.TreeItem(formatPeriod(invoice.period, locale), expandable ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
  item.id = `${inProgress ? 'preview' : 'invoice'}:${invoice.invoiceUuid}`;
  const amount = formatAmount(invoice.amount, locale);
  item.description = inProgress ? l10n.t('{0} · in progress', amount) : amount;
  item.iconPath = new vscode.ThemeIcon(inProgress ? 'clock' : 'file-text');
  item.contextValue = inProgress ? 'invoicePreview' : 'invoice';
  item.tooltip = invoiceTooltip(invoice, inProgress, locale);
  item.accessibilityInformation = { label: `${item.label as string}, ${item.description}` };
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
