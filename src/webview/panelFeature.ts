import * as vscode from 'vscode';
import { Lazy } from '../util/lazy';

/**
 * A feature that shows panels of one view type, its module loaded and the feature built when
 * its first panel is shown or restored. The serializer is registered at once, so VS Code can
 * bring the feature's panels back after a window reload (it waits for it to be loaded).
 * Apart from WebviewPanels, so that starting loads neither it nor the page code.
 */
export class PanelFeature<T extends { readonly panels: { restore(panel: vscode.WebviewPanel, saved: unknown): Promise<void> }; dispose(): void }> extends Lazy<T> {
  private readonly serializer: vscode.Disposable;

  constructor(viewType: string, make: () => Promise<T>) {
    super(make);
    this.serializer = vscode.window.registerWebviewPanelSerializer(viewType, {
      deserializeWebviewPanel: (panel, saved: unknown) => this.restore(panel, saved),
    });
  }

  /** The serializer's half: loads the feature and hands it a panel VS Code brings back after a reload. */
  async restore(panel: vscode.WebviewPanel, saved: unknown): Promise<void> {
    return (await this.get()).panels.restore(panel, saved);
  }

  override dispose(): void {
    this.serializer.dispose();
    super.dispose();
  }
}
