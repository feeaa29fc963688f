import * as vscode from 'vscode';
import { ListStatus } from '../paging/pagedList';
import { l10n } from '../util/l10n';
import { formatDateTime } from '../util/period';

/** What a list view shows about its state: the stale-data message and progress in the view itself. */
export class ListViewStatus implements vscode.Disposable {
  private progressDone: (() => void) | undefined;

  constructor(
    private readonly treeView: vscode.TreeView<unknown>,
    private readonly viewId: string,
    private readonly locale: string,
  ) {}

  render(status: ListStatus): void {
    this.treeView.message = status.stale && status.fetchedAt !== undefined
      ? l10n.t('Showing data from {0}; not refreshed yet.', formatDateTime(status.fetchedAt, this.locale))
      : undefined;
    this.showProgress(status.activity !== undefined);
  }

  dispose(): void {
    this.progressDone?.();
    this.progressDone = undefined;
  }

  /** Progress in the view itself while anything loads (not a notification). */
  private showProgress(busy: boolean): void {
    if (busy && !this.progressDone) {
      void vscode.window.withProgress({ location: { viewId: this.viewId } }, () =>
        new Promise<void>((resolve) => {
          this.progressDone = resolve;
        }));
    } else if (!busy && this.progressDone) {
      this.progressDone();
      this.progressDone = undefined;
    }
  }
}
