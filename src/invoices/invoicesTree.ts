import * as vscode from 'vscode';
import { InvoiceSnapshot, InvoiceState } from './invoiceList';
import { LineItemsStore } from '../lineItems/lineItemsStore';
import { DisposableOwner } from '../util/disposable';
import { l10n } from '../util/l10n';
import {
  InvoiceNode, invoiceTreeItem, itemsKeyOf, loadMoreInvoicesCommand,
} from './invoiceNodes';
import { errorActions, listRows, listTreeItem } from '../tree/listNodes';
import {
  ITEMS_STEP, balanceTreeItem, groupChildren, groupTreeItem, incompleteActions, incompleteTreeItem, lineItemChildren,
  lineItemTreeItem, moreItemsTreeItem,
} from '../lineItems/lineItemNodes';

/** Rows of the invoices view, derived from the state's snapshot and the loaded line items. */
export class InvoicesTreeProvider extends DisposableOwner implements vscode.TreeDataProvider<InvoiceNode> {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChangeTreeData = this.changed.event;
  /** How many items each expanded product group shows, by `itemsKey/product`. */
  private readonly shownItems = new Map<string, number>();

  constructor(
    private readonly state: InvoiceState,
    readonly lineItems: LineItemsStore,
    private readonly locale: string,
  ) {
    super();
    this.register(state.onDidChange(() => this.changed.fire()));
    this.register(lineItems.onDidChange(() => this.changed.fire()));
  }

  getChildren(parent?: InvoiceNode): InvoiceNode[] {
    if (!parent) {
      return topLevelNodes(this.state.snapshot);
    }
    switch (parent.kind) {
      case 'error':
        return errorActions(parent.error);
      case 'invoice': {
        const key = itemsKeyOf(parent.invoice, parent.inProgress);
        if (!key) {
          return [];
        }
        this.lineItems.load(key);
        return lineItemChildren(key, this.lineItems.get(key));
      }
      case 'itemsIncomplete':
        return incompleteActions(parent.itemsKey);
      case 'group':
        return groupChildren(parent.itemsKey, parent.group, this.shownItems.get(`${parent.itemsKey}/${parent.group.product}`) ?? ITEMS_STEP);
      default:
        return [];
    }
  }

  /** Shows the next items of a product group ("Show more…"). */
  showMore(node: Extract<InvoiceNode, { kind: 'moreItems' }>): void {
    this.shownItems.set(`${node.itemsKey}/${node.product}`, node.shown + ITEMS_STEP);
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
        return invoiceTreeItem(node.invoice, node.inProgress, this.locale);
      case 'loadMore':
      case 'error':
      case 'notice':
      case 'action':
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
        return moreItemsTreeItem(node);
    }
  }
}

export function topLevelNodes(snapshot: InvoiceSnapshot): InvoiceNode[] {
  const body: InvoiceNode[] = [];
  if (snapshot.balance || snapshot.balanceError || snapshot.preview || snapshot.invoices.length > 0) {
    // Without a balance it is on its way, unless its fetch failed or was stopped with the list's.
    body.push({ kind: 'balance', balance: snapshot.balance, error: snapshot.balanceError ?? snapshot.error, stale: snapshot.stale });
  }
  if (snapshot.preview) {
    body.push({ kind: 'invoice', invoice: snapshot.preview, inProgress: true });
  }
  for (const invoice of snapshot.invoices) {
    body.push({ kind: 'invoice', invoice, inProgress: false });
  }
  return listRows(snapshot, snapshot.invoices.length, body, {
    loading: l10n.t('Loading invoices…'),
    empty: l10n.t('This account has no invoices yet.'),
  });
}
