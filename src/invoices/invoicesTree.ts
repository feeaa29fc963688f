import * as vscode from 'vscode';
import { BalanceSnapshot, BalanceState } from '../balance/balanceState';
import { balanceTreeItem } from '../balance/balanceNode';
import { LineItemsController } from '../lineItems/lineItemsController';
import {
  ITEMS_SHOWN_FIRST, groupChildren, groupNodeId, groupTreeItem, incompleteActions, incompleteTreeItem, lineItemChildren,
  lineItemTreeItem, moreItemsTreeItem,
} from '../lineItems/lineItemNodes';
import { errorActions, LinkGroupNode, listRows, listTreeItem } from '../tree/listNodes';
import { Event } from '../util/event';
import { DisposableOwner } from '../util/disposable';
import { l10n } from '../util/l10n';
import { InvoiceList, InvoiceSnapshot } from './invoiceList';
import { InvoiceNode, invoiceRow, invoiceTreeItem, loadMoreInvoicesCommand } from './invoiceNodes';

/** Rows of the invoices view, derived from the invoices', the balance's and the line items' states. */
export class InvoicesTreeProvider extends DisposableOwner implements vscode.TreeDataProvider<InvoiceNode> {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChangeTreeData = this.changed.event;
  /** How many items each expanded product group shows, by `itemsKey/product`. */
  private readonly shownItems = new Map<string, number>();

  constructor(
    private readonly invoices: InvoiceList,
    private readonly balance: BalanceState,
    private readonly lineItems: LineItemsController,
    private readonly locale: string,
    /** Rows shown under the balance that a later feature adds (the alerts of daily spend). */
    private readonly extraRows?: { rows(): LinkGroupNode[]; readonly onDidChange: Event<void> },
  ) {
    super();
    if (extraRows) {
      this.register(extraRows.onDidChange(() => this.changed.fire()));
    }
    this.register(invoices.onDidChange(() => this.changed.fire()));
    this.register(balance.onDidChange(() => this.changed.fire()));
    this.register(lineItems.store.onDidChange(() => this.changed.fire()));
  }

  getChildren(parent?: InvoiceNode): InvoiceNode[] {
    if (!parent) {
      return topLevelNodes(this.invoices.snapshot, this.balance.snapshot, this.extraRows?.rows() ?? []);
    }
    switch (parent.kind) {
      case 'error':
        return errorActions(parent.error);
      case 'links':
        return [...parent.children];
      case 'invoice':
        return parent.itemsKey ? lineItemChildren(parent.itemsKey, this.lineItems.expanded(parent.itemsKey)) : [];
      case 'itemsIncomplete':
        return incompleteActions(parent.itemsKey);
      case 'group':
        return groupChildren(parent, this.shownItems.get(groupNodeId(parent)) ?? ITEMS_SHOWN_FIRST);
      default:
        return [];
    }
  }

  /** Shows more items of a group ("Show more…", "Show all"). */
  showMore(node: Extract<InvoiceNode, { kind: 'moreItems' }>): void {
    this.shownItems.set(node.groupId, node.show);
    this.changed.fire();
  }

  /** Top-level rows and error actions can be revealed; reveal() needs their parents. */
  getParent(node: InvoiceNode): InvoiceNode | undefined {
    if (node.kind !== 'action') {
      return undefined;
    }
    return this.getChildren().find((candidate) => candidate.kind === 'error' && `error:${candidate.error.kind}` === node.parentId);
  }

  getTreeItem(node: InvoiceNode): vscode.TreeItem {
    switch (node.kind) {
      case 'invoice':
        return invoiceTreeItem(node, this.locale);
      case 'loadMore':
      case 'error':
      case 'notice':
      case 'action':
      case 'link':
      case 'links':
        return listTreeItem(node, loadMoreInvoicesCommand());
      case 'balance':
        return balanceTreeItem(node, this.locale);
      case 'itemsIncomplete':
        return incompleteTreeItem(node);
      case 'group':
        return groupTreeItem(node, this.locale);
      case 'item':
        return lineItemTreeItem(node, this.locale);
      case 'moreItems':
        return moreItemsTreeItem(node, this.locale);
    }
  }
}

export function topLevelNodes(invoices: InvoiceSnapshot, balance: BalanceSnapshot, extra: readonly LinkGroupNode[] = []): InvoiceNode[] {
  const body: InvoiceNode[] = [];
  if (balance.balance || balance.error || invoices.preview || invoices.items.length > 0) {
    body.push({ kind: 'balance', snapshot: balance }, ...extra);
  }
  if (invoices.preview) {
    body.push(invoiceRow(invoices.preview, true));
  }
  for (const invoice of invoices.items) {
    body.push(invoiceRow(invoice, false));
  }
  return listRows(invoices, invoices.items.length, body, {
    loading: l10n.t('Loading invoices…'),
    empty: l10n.t('This account has no invoices yet.'),
  });
}
