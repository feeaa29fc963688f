import * as vscode from 'vscode';
import { InvoiceItem } from '../api/types';
import { COMMANDS } from '../constants';
import { GroupBy, groupName, ItemGroup } from './itemGroups';
import { LineItemsEntry } from './lineItemsStore';
import { l10n } from '../util/l10n';
import { formatAmount, formatCents } from '../util/money';
import { formatDateTime } from '../util/period';
import { detailsTooltip, ListNode } from '../tree/listNodes';

/** The rows under an expanded invoice. */
export type LineItemNode =
  | ListNode
  | { readonly kind: 'itemsIncomplete'; readonly itemsKey: string; readonly message: string }
  | { readonly kind: 'group'; readonly itemsKey: string; readonly by: GroupBy; readonly group: ItemGroup }
  | { readonly kind: 'item'; readonly itemsKey: string; readonly groupId: string; readonly item: InvoiceItem; readonly index: number }
  /** "Show more…" or "Show all": `show` is how many items of the group it shows. */
  | { readonly kind: 'moreItems'; readonly itemsKey: string; readonly groupId: string; readonly shown: number; readonly total: number; readonly show: number };

type GroupNode = Extract<LineItemNode, { kind: 'group' }>;

/** A group's row id: a product and a project of the same name, or one grouping and the other, never share one. */
export function groupNodeId(node: GroupNode): string {
  return `${node.itemsKey}/${node.by}/${node.group.key}`;
}

/** A group shows this many items at first… */
export const ITEMS_SHOWN_FIRST = 100;
/** …and this many more per "Show more" (besides "Show all"). */
export const ITEMS_STEP = 1000;

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
    nodes.push({ kind: 'group', itemsKey, by: grouped.by, group });
  }
  if (nodes.length === 0) {
    nodes.push({ kind: 'notice', message: l10n.t('No line items.'), icon: 'info', id: `${itemsKey}/empty` });
  }
  return nodes;
}

export function groupChildren(node: GroupNode, shown: number): LineItemNode[] {
  const { itemsKey, group } = node;
  const groupId = groupNodeId(node);
  const nodes: LineItemNode[] = group.items.slice(0, shown).map((item, index) => ({ kind: 'item', itemsKey, groupId, item, index }));
  const total = group.items.length;
  const more = { kind: 'moreItems', itemsKey, groupId, shown, total } as const;
  if (total > shown + ITEMS_STEP) {
    nodes.push({ ...more, show: shown + ITEMS_STEP });
  }
  if (total > shown) {
    nodes.push({ ...more, show: total });
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

/** The subtotal first, as on the invoice rows; then the product or project and how many items it has. */
export function groupTreeItem(node: GroupNode, locale: string): vscode.TreeItem {
  const { group } = node;
  const subtotal = formatCents(group.subtotalCents, locale);
  const item = new vscode.TreeItem(subtotal, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = groupNodeId(node);
  const name = groupName(group.key, node.by);
  const count = group.count === 1 ? l10n.t('1 item') : l10n.t('{0} items', formatCount(group.count, locale));
  const unreadable = group.unparseableCount > 0 ? ` · ${l10n.t('{0} unreadable amounts', formatCount(group.unparseableCount, locale))}` : '';
  item.description = `${name} · ${count}${unreadable}`;
  item.iconPath = new vscode.ThemeIcon(node.by === 'project' ? 'project' : 'package');
  item.contextValue = 'lineItemGroup';
  item.accessibilityInformation = { label: `${name} ${subtotal} · ${count}${unreadable}` };
  return item;
}

/** The amount first: it is what the row is for, and a long description would push it out of a narrow side bar. */
export function lineItemTreeItem(node: Extract<LineItemNode, { kind: 'item' }>, locale: string): vscode.TreeItem {
  const { item: lineItem } = node;
  const text = lineItemText(lineItem);
  const amount = formatAmount(lineItem.amount, locale);
  const item = new vscode.TreeItem(amount);
  item.id = `${node.groupId}/item/${node.index}`;
  item.description = text;
  item.tooltip = lineItemTooltip(lineItem, locale);
  item.accessibilityInformation = { label: `${text}, ${amount}` };
  // What the copy commands of its context menu can copy.
  item.contextValue = ['lineItem', lineItem.resourceId && 'resourceId', lineItem.resourceUuid && 'resourceUuid'].filter(Boolean).join(' ');
  return item;
}

/** What a line item is, in words: its description, else its group's, else its product. */
export function lineItemText(lineItem: InvoiceItem): string {
  return lineItem.description || lineItem.groupDescription || lineItem.product || l10n.t('(no description)');
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

export function moreItemsTreeItem(node: Extract<LineItemNode, { kind: 'moreItems' }>, locale: string): vscode.TreeItem {
  const all = node.show >= node.total;
  const item = new vscode.TreeItem(all ? l10n.t('Show all {0}', formatCount(node.total, locale)) : l10n.t('Show {0} more…', formatCount(node.show - node.shown, locale)));
  item.id = `${node.groupId}/${all ? 'all' : 'more'}`;
  item.description = l10n.t('{0} of {1} shown', formatCount(node.shown, locale), formatCount(node.total, locale));
  item.iconPath = new vscode.ThemeIcon(all ? 'list-flat' : 'more');
  item.command = { command: COMMANDS.showMoreLineItems, title: l10n.t('Show More Line Items'), arguments: [node] };
  item.contextValue = 'moreItems';
  return item;
}

/** A count with the display language's digit grouping: "3,756", "3.756". */
export function formatCount(count: number, locale: string): string {
  try {
    return count.toLocaleString(locale);
  } catch {
    return count.toLocaleString('en');
  }
}
