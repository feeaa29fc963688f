import * as vscode from 'vscode';
import { COMMANDS } from '../constants';
import { ListStatus, ShownError } from '../paging/pagedList';
import { l10n } from '../util/l10n';

/** The rows every paged list view has besides its own items. */
export type ListNode =
  | { readonly kind: 'loadMore'; readonly loaded: number; readonly total?: number; readonly loading: boolean }
  | { readonly kind: 'error'; readonly error: ShownError }
  | { readonly kind: 'notice'; readonly message: string; readonly icon: string; readonly id?: string }
  | { readonly kind: 'action'; readonly label: string; readonly command: string; readonly icon: string; readonly parentId: string; readonly args?: unknown[] }
  | LinkNode
  | LinkGroupNode;

export type ActionNode = Extract<ListNode, { kind: 'action' }>;

/** A collapsed top-level row over rows that run commands (the alerts of daily spend). */
export interface LinkGroupNode {
  readonly kind: 'links';
  readonly id: string;
  readonly label: string;
  readonly icon: string;
  readonly children: readonly LinkNode[];
}

/** A row that runs a command (an alert that opens its day). */
export interface LinkNode {
  readonly kind: 'link';
  readonly id: string;
  readonly label: string;
  readonly icon: string;
  readonly command: string;
  readonly args?: unknown[];
}

/**
 * A list view's top-level rows: the retry notice and the error first, then `body` (the items
 * and whatever the view shows with them), then "Load more…" or why paging stopped; a loading
 * or empty notice when there is nothing else. `loaded` counts the items for "Load more…".
 */
export function listRows<Node>(
  status: ListStatus,
  loaded: number,
  body: readonly Node[],
  messages: { readonly loading: string; readonly empty: string },
): (Node | ListNode)[] {
  if (!status.hasToken) {
    // Empty on purpose: the welcome view explains how to set a token.
    return [];
  }
  const nodes: (Node | ListNode)[] = [];
  if (status.retryNotice) {
    nodes.push({ kind: 'notice', message: status.retryNotice, icon: 'watch' });
  }
  if (status.error) {
    nodes.push({ kind: 'error', error: status.error });
  }
  nodes.push(...body);
  if (status.next) {
    nodes.push({ kind: 'loadMore', loaded, total: status.total, loading: status.activity === 'loadingMore' });
  } else if (status.pagingProblem) {
    nodes.push({ kind: 'notice', message: status.pagingProblem, icon: 'warning' });
  }
  if (nodes.length === 0 && status.activity === 'refreshing') {
    nodes.push({ kind: 'notice', message: messages.loading, icon: 'loading~spin' });
  } else if (nodes.length === 0 && status.fetchedAt !== undefined) {
    nodes.push({ kind: 'notice', message: messages.empty, icon: 'info' });
  }
  return nodes;
}

/** "Load more…" running `command`, or "Loading…" while a page is on its way. */
export function loadMoreTreeItem(node: Extract<ListNode, { kind: 'loadMore' }>, command: Omit<vscode.Command, 'arguments'>): vscode.TreeItem {
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
  item.command = command;
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
export function errorActions(error: ShownError): ActionNode[] {
  const parentId = `error:${error.kind}`;
  const retry: ActionNode = { kind: 'action', label: l10n.t('Retry'), command: COMMANDS.refresh, icon: 'refresh', parentId };
  const setToken: ActionNode = { kind: 'action', label: l10n.t('Set API Token'), command: COMMANDS.setToken, icon: 'key', parentId };
  const showLog: ActionNode = { kind: 'action', label: l10n.t('Show Log'), command: COMMANDS.showLog, icon: 'output', parentId };
  return error.kind === 'unauthorized' || error.kind === 'forbidden' ? [setToken, retry, showLog] : [retry, showLog];
}

export function actionTreeItem(node: ActionNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.label);
  item.id = `${node.parentId}/${node.command}`;
  item.iconPath = new vscode.ThemeIcon(node.icon);
  item.command = { command: node.command, title: node.label, arguments: node.args };
  item.contextValue = 'action';
  return item;
}

/** The tree item of a row every list has; "Load more…" runs `loadMore`. */
export function listTreeItem(node: ListNode, loadMore: Omit<vscode.Command, 'arguments'>): vscode.TreeItem {
  switch (node.kind) {
    case 'loadMore':
      return loadMoreTreeItem(node, loadMore);
    case 'error':
      return errorTreeItem(node.error);
    case 'notice':
      return noticeTreeItem(node);
    case 'action':
      return actionTreeItem(node);
    case 'link':
      return linkTreeItem(node);
    case 'links':
      return linkGroupTreeItem(node);
  }
}

export function linkGroupTreeItem(node: LinkGroupNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = node.id;
  item.iconPath = new vscode.ThemeIcon(node.icon);
  item.tooltip = node.children.map((child) => child.label).join('\n');
  item.contextValue = 'links';
  return item;
}

export function linkTreeItem(node: LinkNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.label);
  item.id = node.id;
  item.iconPath = new vscode.ThemeIcon(node.icon);
  item.tooltip = node.label;
  item.command = { command: node.command, title: node.label, arguments: node.args };
  item.contextValue = 'link';
  return item;
}

/** A Markdown tooltip: a bold title, then a "**name:** value" line for each value that is set. */
export function detailsTooltip(title: string | undefined, lines: readonly (readonly [string, string | undefined])[]): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString();
  if (title) {
    tooltip.appendMarkdown(`**${title}**\n\n`);
  }
  for (const [name, value] of lines) {
    if (value) {
      tooltip.appendMarkdown(`**${name}:** `).appendText(value).appendMarkdown('  \n');
    }
  }
  return tooltip;
}

export function noticeTreeItem(node: Extract<ListNode, { kind: 'notice' }>): vscode.TreeItem {
  const item = new vscode.TreeItem(node.message);
  item.id = node.id ?? `notice:${node.icon}`;
  item.iconPath = new vscode.ThemeIcon(node.icon);
  item.tooltip = node.message;
  item.contextValue = 'notice';
  return item;
}
