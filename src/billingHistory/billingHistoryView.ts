import * as vscode from 'vscode';
import { BILLING_HISTORY_VIEW_ID, COMMANDS } from '../constants';
import { BillingHistoryList } from './billingHistoryList';
import { DisposableOwner } from '../util/disposable';
import { l10n } from '../util/l10n';
import { BillingHistoryNode, billingHistoryRows, entryTreeItem } from './billingHistoryNodes';
import { errorActions, listTreeItem } from '../tree/listNodes';
import { ListViewStatus } from '../tree/listViewStatus';
import { loadMoreThenFocus } from '../paging/loadMoreThenFocus';

/** Rows of the billing history view, derived from the state's snapshot. */
export class BillingHistoryTreeProvider extends DisposableOwner implements vscode.TreeDataProvider<BillingHistoryNode> {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly state: BillingHistoryList, private readonly locale: string) {
    super();
    this.register(state.onDidChange(() => this.changed.fire()));
  }

  getChildren(parent?: BillingHistoryNode): BillingHistoryNode[] {
    if (!parent) {
      return billingHistoryRows(this.state.snapshot);
    }
    return parent.kind === 'error' ? errorActions(parent.error) : [];
  }

  /** Rows are top-level but for an error's actions; reveal() needs to know. */
  getParent(node: BillingHistoryNode): BillingHistoryNode | undefined {
    if (node.kind !== 'action') {
      return undefined;
    }
    return this.getChildren().find((candidate) => candidate.kind === 'error' && `error:${candidate.error.kind}` === node.parentId);
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

/** The billing history tree view: rows, stale-data message and progress. */
export class BillingHistoryView extends DisposableOwner {
  readonly provider: BillingHistoryTreeProvider;
  readonly treeView: vscode.TreeView<BillingHistoryNode>;

  constructor(private readonly state: BillingHistoryList, locale: string) {
    super();
    this.provider = this.register(new BillingHistoryTreeProvider(state, locale));
    this.treeView = this.register(vscode.window.createTreeView(BILLING_HISTORY_VIEW_ID, { treeDataProvider: this.provider }));
    const status = this.register(new ListViewStatus(this.treeView, BILLING_HISTORY_VIEW_ID, locale));
    this.register(state.onDidChange((snapshot) => status.render(snapshot)));
    status.render(state.snapshot);
  }

  /** Load more…: the next page, and the keyboard focus on its first entry. */
  loadMore(): Promise<void> {
    return loadMoreThenFocus(this.state, (entry) => this.treeView.reveal({ kind: 'entry', entry }, { select: true, focus: true }));
  }
}

/** The invoice a billing history row names: a row's click passes the uuid, its inline button and context menu the row. */
export function invoiceOfEntry(target: unknown): string | undefined {
  return typeof target === 'string' ? target : (target as Partial<Extract<BillingHistoryNode, { kind: 'entry' }>> | undefined)?.entry?.invoiceUuid;
}
