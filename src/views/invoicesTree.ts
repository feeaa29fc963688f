import * as vscode from 'vscode';
import { InvoiceSnapshot, InvoiceState } from '../state/invoiceState';
import { DisposableOwner } from '../util/disposable';
import { l10n } from '../util/l10n';
import {
  InvoiceNode, actionTreeItem, errorActions, errorTreeItem, invoiceTreeItem, loadMoreTreeItem, noticeTreeItem,
} from './invoiceNodes';

/** Rows of the invoices view, derived from the state's snapshot. */
export class InvoicesTreeProvider extends DisposableOwner implements vscode.TreeDataProvider<InvoiceNode> {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly state: InvoiceState,
    private readonly locale: string,
  ) {
    super();
    this.register(state.onDidChange(() => this.changed.fire()));
  }

  getChildren(parent?: InvoiceNode): InvoiceNode[] {
    if (parent) {
      return parent.kind === 'error' ? errorActions(parent.error) : [];
    }
    return topLevelNodes(this.state.snapshot);
  }

  /** Only error actions have a parent; reveal() needs to know. */
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
        return loadMoreTreeItem(node);
      case 'error':
        return errorTreeItem(node.error);
      case 'notice':
        return noticeTreeItem(node);
      case 'action':
        return actionTreeItem(node);
    }
  }
}

export function topLevelNodes(snapshot: InvoiceSnapshot): InvoiceNode[] {
  if (!snapshot.hasToken) {
    // Empty on purpose: the welcome view explains how to set a token.
    return [];
  }
  const nodes: InvoiceNode[] = [];
  if (snapshot.retryNotice) {
    nodes.push({ kind: 'notice', message: snapshot.retryNotice, icon: 'watch' });
  }
  if (snapshot.error) {
    nodes.push({ kind: 'error', error: snapshot.error });
  }
  if (snapshot.preview) {
    nodes.push({ kind: 'invoice', invoice: snapshot.preview, inProgress: true });
  }
  for (const invoice of snapshot.invoices) {
    nodes.push({ kind: 'invoice', invoice, inProgress: false });
  }
  if (snapshot.next) {
    nodes.push({ kind: 'loadMore', loaded: snapshot.invoices.length, total: snapshot.total, loading: snapshot.activity === 'loadingMore' });
  } else if (snapshot.pagingProblem) {
    nodes.push({ kind: 'notice', message: snapshot.pagingProblem, icon: 'warning' });
  }
  if (nodes.length === 0 && snapshot.activity === 'refreshing') {
    nodes.push({ kind: 'notice', message: l10n.t('Loading invoices…'), icon: 'loading~spin' });
  } else if (nodes.length === 0 && snapshot.fetchedAt !== undefined) {
    nodes.push({ kind: 'notice', message: l10n.t('This account has no invoices yet.'), icon: 'info' });
  }
  return nodes;
}
