import * as vscode from 'vscode';
import { Balance, Invoice, InvoiceItem } from '../api/types';
import { ProductGroup } from '../state/itemGroups';
import { ShownError } from '../state/invoiceState';
import { formatAmount } from '../util/money';
import { formatDateTime, formatPeriod } from '../util/period';
import { l10n } from '../util/l10n';
import { COMMANDS } from '../commands/ids';

/** The kinds of rows in the invoices view. */
export type InvoiceNode =
  | { readonly kind: 'invoice'; readonly invoice: Invoice; readonly inProgress: boolean }
  | { readonly kind: 'loadMore'; readonly loaded: number; readonly total?: number; readonly loading: boolean }
  | { readonly kind: 'error'; readonly error: ShownError }
  | { readonly kind: 'notice'; readonly message: string; readonly icon: string; readonly id?: string }
  | { readonly kind: 'action'; readonly label: string; readonly command: string; readonly icon: string; readonly parentId: string; readonly args?: unknown[] }
  | { readonly kind: 'balance'; readonly balance: Balance; readonly stale: boolean }
  | { readonly kind: 'itemsIncomplete'; readonly itemsKey: string; readonly message: string }
  | { readonly kind: 'group'; readonly itemsKey: string; readonly group: ProductGroup }
  | { readonly kind: 'item'; readonly itemsKey: string; readonly item: InvoiceItem; readonly index: number }
  | { readonly kind: 'moreItems'; readonly itemsKey: string; readonly product: string; readonly shown: number; readonly total: number };

/** The line items of the month in progress are asked for with this keyword instead of a uuid. */
export const PREVIEW_ITEMS_KEY = 'preview';

/** Which line items an invoice row expands to; undefined when it has no real uuid. */
export function itemsKeyOf(invoice: Invoice, inProgress: boolean): string | undefined {
  if (inProgress) {
    return PREVIEW_ITEMS_KEY;
  }
  return invoice.invoiceUuid.startsWith('id:') ? undefined : invoice.invoiceUuid;
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
  const tooltip = new vscode.MarkdownString();
  const line = (name: string, value: string | undefined) => {
    if (value) {
      tooltip.appendMarkdown(`**${name}:** `).appendText(value).appendMarkdown('  \n');
    }
  };
  tooltip.appendMarkdown(`**${inProgress ? l10n.t('Month in progress (invoice preview)') : l10n.t('Invoice')}**\n\n`);
  line(l10n.t('Period'), invoice.period);
  line(l10n.t('Amount'), formatAmount(invoice.amount, locale));
  line(l10n.t('Invoice id'), invoice.invoiceId);
  line(l10n.t('Invoice uuid'), invoice.invoiceUuid);
  line(l10n.t('Last updated'), formatDateTime(invoice.updatedAt, locale));
  return tooltip;
}

export function loadMoreTreeItem(node: Extract<InvoiceNode, { kind: 'loadMore' }>): vscode.TreeItem {
  if (node.loading) {
    const item = new vscode.TreeItem(l10n.t('Loading…'));
    item.iconPath = new vscode.ThemeIcon('loading~spin');
    item.contextValue = 'loadingMore';
    item.id = 'loadMore';
    return item;
  }
  const item = new vscode.TreeItem(l10n.t('Load more…'));
  item.id = 'loadMore';
  item.description = node.total !== undefined ? l10n.t('{0} of {1} loaded', node.loaded, node.total) : l10n.t('{0} loaded', node.loaded);
  item.iconPath = new vscode.ThemeIcon('more');
  item.contextValue = 'loadMore';
  item.command = { command: COMMANDS.loadMore, title: l10n.t('Load More Invoices') };
  return item;
}

export function errorTreeItem(error: ShownError): vscode.TreeItem {
  const item = new vscode.TreeItem(error.message, vscode.TreeItemCollapsibleState.Expanded);
  item.id = `error:${error.kind}`;
  item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
  item.tooltip = error.message;
  item.contextValue = `error.${error.kind}`;
  return item;
}

/** The actions an error offers, most useful first. */
export function errorActions(error: ShownError): InvoiceNode[] {
  const parentId = `error:${error.kind}`;
  const retry: InvoiceNode = { kind: 'action', label: l10n.t('Retry'), command: COMMANDS.refresh, icon: 'refresh', parentId };
  const setToken: InvoiceNode = { kind: 'action', label: l10n.t('Set API Token'), command: COMMANDS.setToken, icon: 'key', parentId };
  const showLog: InvoiceNode = { kind: 'action', label: l10n.t('Show Log'), command: COMMANDS.showLog, icon: 'output', parentId };
  return error.kind === 'unauthorized' || error.kind === 'forbidden' ? [setToken, retry, showLog] : [retry, showLog];
}

export function actionTreeItem(node: Extract<InvoiceNode, { kind: 'action' }>): vscode.TreeItem {
  const item = new vscode.TreeItem(node.label);
  item.id = `${node.parentId}/${node.command}`;
  item.iconPath = new vscode.ThemeIcon(node.icon);
  item.command = { command: node.command, title: node.label, arguments: node.args };
  item.contextValue = 'action';
  return item;
}

export function noticeTreeItem(node: Extract<InvoiceNode, { kind: 'notice' }>): vscode.TreeItem {
  const item = new vscode.TreeItem(node.message);
  item.id = node.id ?? `notice:${node.icon}`;
  item.iconPath = new vscode.ThemeIcon(node.icon);
  item.tooltip = node.message;
  item.contextValue = 'notice';
  return item;
}
