import type * as vscode from 'vscode';
import { Event } from '../util/event';
import { DisposableOwner } from '../util/disposable';
import { LineItemsEntry, LineItemsStore } from './lineItemsStore';

/** An invoice row the tree can expand, as the controller needs to know it. */
export interface ExpandableInvoice {
  /** Which line items it shows (an invoice uuid or `preview`); undefined when it has none. */
  readonly itemsKey: string | undefined;
}

/**
 * Drives the line-items store from what the user does in the tree: an invoice shown expanded
 * loads its items, a collapsed one stops loading, a refresh of the invoices forgets what may
 * have changed. Account changes reach the store from the session directly.
 */
export class LineItemsController extends DisposableOwner {
  constructor(
    readonly store: LineItemsStore,
    invoicesRefreshing: Event<boolean>,
    collapsed: vscode.Event<vscode.TreeViewExpansionEvent<ExpandableInvoice | object>>,
  ) {
    super();
    let wasRefreshing = false;
    this.register(invoicesRefreshing((refreshing) => {
      if (refreshing && !wasRefreshing) {
        store.refreshing();
      }
      wasRefreshing = refreshing;
    }));
    this.register(collapsed(({ element }) => {
      const itemsKey = (element as Partial<ExpandableInvoice>).itemsKey;
      if (itemsKey) {
        store.cancel(itemsKey);
      }
    }));
  }

  /** The items of an invoice shown expanded: loading starts unless loaded or loading already. */
  expanded(itemsKey: string): LineItemsEntry | undefined {
    this.store.load(itemsKey);
    return this.store.get(itemsKey);
  }

  /** Fetches only the pages that failed. */
  retry(itemsKey: string): void {
    this.store.retry(itemsKey);
  }
}
