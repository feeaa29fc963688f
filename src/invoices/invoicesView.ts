import * as vscode from 'vscode';
import { GROUP_LINE_ITEMS_BY_CONTEXT, HAS_TOKEN_CONTEXT, INVOICES_VIEW_ID } from '../constants';
import { GroupBy } from '../lineItems/itemGroups';
import { loadMoreThenFocus } from '../paging/loadMoreThenFocus';
import { ListViewStatus } from '../tree/listViewStatus';
import { DisposableOwner } from '../util/disposable';
import { InvoiceList, InvoiceSnapshot } from './invoiceList';
import { InvoiceNode } from './invoiceNodes';
import { InvoicesTreeProvider } from './invoicesTree';

/** The invoices tree view: its rows, the stale-data message, progress and welcome context. */
export class InvoicesView extends DisposableOwner {
  readonly treeView: vscode.TreeView<InvoiceNode>;
  private readonly status: ListViewStatus;
  private hasToken: boolean | undefined;
  private accountName: string | undefined;

  constructor(readonly provider: InvoicesTreeProvider, private readonly invoices: InvoiceList, locale: string) {
    super();
    this.register(provider);
    this.treeView = this.register(vscode.window.createTreeView(INVOICES_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true }));
    this.status = this.register(new ListViewStatus(this.treeView, INVOICES_VIEW_ID, locale));
    this.register(invoices.onDidChange((snapshot) => this.render(snapshot)));
    this.render(invoices.snapshot);
  }

  /** Load more…: the next page, and the keyboard focus on its first invoice. */
  loadMore(): Promise<void> {
    return loadMoreThenFocus(this.invoices, (invoice) => this.reveal(invoice.invoiceUuid));
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

  /** Names the active account in the view's title when there is more than one, while its data shows. */
  showAccount(name: string | undefined): void {
    this.accountName = name;
    this.treeView.description = this.hasToken ? name : undefined;
  }

  /** Shows the title-bar toggle that switches to the other grouping of line items. */
  showGrouping(groupBy: GroupBy): void {
    void vscode.commands.executeCommand('setContext', GROUP_LINE_ITEMS_BY_CONTEXT, groupBy);
  }

  private render(snapshot: InvoiceSnapshot): void {
    if (this.hasToken !== snapshot.hasToken) {
      this.hasToken = snapshot.hasToken;
      this.treeView.description = snapshot.hasToken ? this.accountName : undefined;
      void vscode.commands.executeCommand('setContext', HAS_TOKEN_CONTEXT, snapshot.hasToken);
    }
    this.status.render(snapshot);
  }
}
