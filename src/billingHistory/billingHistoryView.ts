import * as vscode from 'vscode';
import { BILLING_HISTORY_VIEW_ID, COMMANDS } from '../constants';
import { BillingHistoryState } from './billingHistoryList';
import { DisposableOwner } from '../util/disposable';
import { l10n } from '../util/l10n';
import { BillingHistoryNode, billingHistoryRows, entryTreeItem } from './billingHistoryNodes';
import { errorActions, listTreeItem } from '../tree/listNodes';
import { ListViewStatus } from '../tree/listViewStatus';

/** Rows of the billing history view, derived from the state's snapshot. */
export class BillingHistoryTreeProvider extends DisposableOwner implements vscode.TreeDataProvider<BillingHistoryNode> {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly state: BillingHistoryState, private readonly locale: string) {
    super();
    this.register(state.onDidChange(() => this.changed.fire()));
  }

  getChildren(parent?: BillingHistoryNode): BillingHistoryNode[] {
    if (!parent) {
      return billingHistoryRows(this.state.snapshot);
    }
    return parent.kind === 'error' ? errorActions(parent.error) : [];
  }

  getTreeItem(node: BillingHistoryNode): vscode.TreeItem {
    switch (node.kind) {
      case 'entry':
        return entryTreeItem(node.entry, this.locale);
      default:
        return listTreeItem(node, { command: COMMANDS.loadMoreBillingHistory, title: l10n.t('Load More Billing History') });
    }
  }
}

/** The billing history tree view: rows, stale-data message, progress and its row commands. */
export class BillingHistoryView extends DisposableOwner {
  readonly provider: BillingHistoryTreeProvider;
  readonly treeView: vscode.TreeView<BillingHistoryNode>;

  constructor(state: BillingHistoryState, locale: string, revealInvoice: (invoiceUuid: string) => Promise<boolean>) {
    super();
    this.provider = this.register(new BillingHistoryTreeProvider(state, locale));
    this.treeView = this.register(vscode.window.createTreeView(BILLING_HISTORY_VIEW_ID, { treeDataProvider: this.provider }));
    const status = this.register(new ListViewStatus(this.treeView, BILLING_HISTORY_VIEW_ID, locale));
    this.register(state.onDidChange((snapshot) => status.render(snapshot)));
    status.render(state.snapshot);
    // Commands of the view's own rows (hidden from the palette).
    this.register(vscode.commands.registerCommand(COMMANDS.loadMoreBillingHistory, () => state.loadMore()));
    // A row's click passes the uuid; its inline button and context menu pass the row itself.
    this.register(vscode.commands.registerCommand(COMMANDS.revealInvoice, (target: unknown) => {
      const invoiceUuid = typeof target === 'string' ? target : (target as Partial<Extract<BillingHistoryNode, { kind: 'entry' }>> | undefined)?.entry?.invoiceUuid;
      return invoiceUuid ? revealInvoice(invoiceUuid) : false;
    }));
  }
}
