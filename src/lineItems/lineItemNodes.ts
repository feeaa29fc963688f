import * as vscode from 'vscode';
import { InvoiceItem } from '../api/types';
import { COMMANDS } from '../constants';
import { ProductGroup } from './itemGroups';
import { LineItemsEntry } from './lineItemsStore';
import { l10n } from '../util/l10n';
import { formatAmount, formatCents } from '../util/money';
import { formatDateTime } from '../util/period';
import { detailsTooltip, ListNode } from '../tree/listNodes';

/** The rows under an expanded invoice. */
export type LineItemNode =
  | ListNode
  | { readonly kind: 'itemsIncomplete'; readonly itemsKey: string; readonly message: string }
  | { readonly kind: 'group'; readonly itemsKey: string; readonly group: ProductGroup }
  | { readonly kind: 'item'; readonly itemsKey: string; readonly item: InvoiceItem; readonly index: number }
  | { readonly kind: 'moreItems'; readonly itemsKey: string; readonly product: string; readonly shown: number; readonly total: number };

/** A group shows this many items at first and this many more per "Show more". */
export const ITEMS_STEP = 100;

/** What an expanded invoice shows, from the state of its line items. */
export function lineItemChildren(itemsKey: string, entry: LineItemsEntry | undefined): LineItemNode[] {
  if (!entry || entry.status === 'loading') {
    const progress = entry?.status === 'loading' ? entry.progress : undefined;
    const message = progress?.totalPages
      ? l10n.t('Loading line items… {0} of {1} pages', progress.loadedPages + progress.failedPages, progress.totalPages)
      : l10n.t('Loading line items…');
    return [{ kind: 'notice', message, icon: 'loading~spin', id: `${itemsKey}/loading` }];
  }
  const nodes: LineItemNode[] = [];
  const { result, grouped } = entry;
  if (!result.complete) {
    const pages = result.failed.map((failure) => failure.page).join(', ');
    const reason = result.failed[0]?.message ?? '';
    const message = result.failed.length === 1
      ? l10n.t('Incomplete: page {0} of the line items could not be loaded. {1}', pages, reason)
      : l10n.t('Incomplete: pages {0} of the line items could not be loaded. {1}', pages, reason);
    nodes.push({ kind: 'itemsIncomplete', itemsKey, message });
  }
  for (const problem of result.problems) {
    nodes.push({ kind: 'notice', message: problem, icon: 'warning', id: `${itemsKey}/problem/${problem}` });
  }
  for (const group of grouped.groups) {
    nodes.push({ kind: 'group', itemsKey, group });
  }
  if (nodes.length === 0) {
    nodes.push({ kind: 'notice', message: l10n.t('No line items.'), icon: 'info', id: `${itemsKey}/empty` });
  }
  return nodes;
}

export function groupChildren(itemsKey: string, group: ProductGroup, shown: number): LineItemNode[] {
  const nodes: LineItemNode[] = group.items.slice(0, shown).map((item, index) => ({ kind: 'item', itemsKey, item, index }));
  if (group.items.length > shown) {
    nodes.push({ kind: 'moreItems', itemsKey, product: group.product, shown, total: group.items.length });
  }
  return nodes;
}

export function incompleteActions(itemsKey: string): LineItemNode[] {
  const parentId = `${itemsKey}/incomplete`;
  return [
    { kind: 'action', label: l10n.t('Retry'), command: COMMANDS.retryLineItems, icon: 'refresh', parentId, args: [itemsKey] },
    { kind: 'action', label: l10n.t('Show Log'), command: COMMANDS.showLog, icon: 'output', parentId },
  ];
}

export function incompleteTreeItem(node: Extract<LineItemNode, { kind: 'itemsIncomplete' }>): vscode.TreeItem {
  const item = new vscode.TreeItem(node.message, vscode.TreeItemCollapsibleState.Expanded);
  item.id = `${node.itemsKey}/incomplete`;
  item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
  item.tooltip = node.message;
  item.contextValue = 'itemsIncomplete';
  return item;
}

export function groupTreeItem(node: Extract<LineItemNode, { kind: 'group' }>, locale: string): vscode.TreeItem {
  const { group } = node;
  const item = new vscode.TreeItem(group.product || l10n.t('(no product)'), vscode.TreeItemCollapsibleState.Collapsed);
  item.id = `${node.itemsKey}/group/${group.product}`;
  const count = group.count === 1 ? l10n.t('1 item') : l10n.t('{0} items', group.count);
  const unreadable = group.unparseableCount > 0 ? ` · ${l10n.t('{0} unreadable amounts', group.unparseableCount)}` : '';
  item.description = `${formatCents(group.subtotalCents, locale)} · ${count}${unreadable}`;
  item.iconPath = new vscode.ThemeIcon('package');
  item.contextValue = 'lineItemGroup';
  return item;
}

export function lineItemTreeItem(node: Extract<LineItemNode, { kind: 'item' }>, locale: string): vscode.TreeItem {
  const { item: lineItem } = node;
  const label = lineItem.description || lineItem.groupDescription || lineItem.product || l10n.t('(no description)');
  const item = new vscode.TreeItem(label);
  item.id = `${node.itemsKey}/item/${lineItem.product}/${node.index}`;
  item.description = formatAmount(lineItem.amount, locale);
  item.tooltip = lineItemTooltip(lineItem, locale);
  item.contextValue = 'lineItem';
  return item;
}

function lineItemTooltip(lineItem: InvoiceItem, locale: string): vscode.MarkdownString {
  const start = formatDateTime(lineItem.startTime || undefined, locale);
  const end = formatDateTime(lineItem.endTime || undefined, locale);
  return detailsTooltip(undefined, [
    [l10n.t('Product'), lineItem.product],
    [l10n.t('Description'), lineItem.description],
    [l10n.t('Group'), lineItem.groupDescription],
    [l10n.t('Amount'), formatAmount(lineItem.amount, locale)],
    [l10n.t('Duration'), [lineItem.duration, lineItem.durationUnit].filter(Boolean).join(' ')],
    [l10n.t('Resource'), [lineItem.resourceUuid, lineItem.resourceId].filter(Boolean).join(' · ')],
    [l10n.t('Project'), lineItem.projectName],
    [l10n.t('Billed'), start && end ? `${start} – ${end}` : start ?? end],
  ]);
}

export function moreItemsTreeItem(node: Extract<LineItemNode, { kind: 'moreItems' }>): vscode.TreeItem {
  const item = new vscode.TreeItem(l10n.t('Show more…'));
  item.id = `${node.itemsKey}/more/${node.product}`;
  item.description = l10n.t('{0} of {1} shown', node.shown, node.total);
  item.iconPath = new vscode.ThemeIcon('more');
  item.command = { command: COMMANDS.showMoreLineItems, title: l10n.t('Show More Line Items'), arguments: [node] };
  item.contextValue = 'moreItems';
  return item;
}
