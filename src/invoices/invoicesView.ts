import * as vscode from 'vscode';
import { COMMANDS, HAS_TOKEN_CONTEXT, INVOICES_VIEW_ID } from '../constants';
import { InvoiceSnapshot, InvoiceState } from './invoiceList';
import { DisposableOwner } from '../util/disposable';
import { LineItemsStore } from '../lineItems/lineItemsStore';
import { InvoiceNode, itemsKeyOf } from './invoiceNodes';
import { InvoicesTreeProvider } from './invoicesTree';
import { ListViewStatus } from '../tree/listViewStatus';

/** The invoices tree view: its rows, the stale-data message, progress and welcome context. */
export class InvoicesView extends DisposableOwner {
  readonly provider: InvoicesTreeProvider;
  readonly treeView: vscode.TreeView<InvoiceNode>;
  private readonly status: ListViewStatus;
  private hasToken: boolean | undefined;

  constructor(
    state: InvoiceState,
    lineItems: LineItemsStore,
    locale: string,
  ) {
    super();
    this.provider = this.register(new InvoicesTreeProvider(state, lineItems, locale));
    this.treeView = this.register(vscode.window.createTreeView(INVOICES_VIEW_ID, { treeDataProvider: this.provider, showCollapseAll: true }));
    this.status = this.register(new ListViewStatus(this.treeView, INVOICES_VIEW_ID, locale));
    let wasRefreshing = false;
    this.register(state.onDidChange((snapshot) => {
      const refreshing = snapshot.activity === 'refreshing';
      lineItems.follow(state.currentToken, refreshing && !wasRefreshing);
      wasRefreshing = refreshing;
      this.render(snapshot);
    }));
    // Commands of the view's own rows (hidden from the palette).
    this.register(vscode.commands.registerCommand(COMMANDS.retryLineItems, (itemsKey: string) => lineItems.retry(itemsKey)));
    this.register(vscode.commands.registerCommand(COMMANDS.showMoreLineItems, (node: Extract<InvoiceNode, { kind: 'moreItems' }>) => this.provider.showMore(node)));
    this.register(this.treeView.onDidCollapseElement(({ element }) => {
      const key = element.kind === 'invoice' ? itemsKeyOf(element.invoice, element.inProgress) : undefined;
      if (key) {
        lineItems.cancel(key);
      }
    }));
    this.render(state.snapshot);
  }

  /** Selects an invoice (or the month in progress) in the tree, if it is loaded. */
  async reveal(invoiceUuid: string): Promise<boolean> {
    const node = this.provider.getChildren().find((candidate) => candidate.kind === 'invoice' && candidate.invoice.invoiceUuid === invoiceUuid);
    if (!node) {
      return false;
    }
    await this.treeView.reveal(node, { select: true, focus: true });
    return true;
  }

  /** Names the active account in the view's title when there is more than one. */
  showAccount(name: string | undefined): void {
    this.treeView.description = name;
  }

  private render(snapshot: InvoiceSnapshot): void {
    if (this.hasToken !== snapshot.hasToken) {
      this.hasToken = snapshot.hasToken;
      void vscode.commands.executeCommand('setContext', HAS_TOKEN_CONTEXT, snapshot.hasToken);
    }
    this.status.render(snapshot);
  }
}
