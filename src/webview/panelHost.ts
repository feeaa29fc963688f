import * as vscode from 'vscode';
import { DisposableOwner } from '../util/disposable';
import { newNonce, PanelPage, panelDocument } from './panelDocument';
import { isReadyMessage, UpdateMessage } from './protocol';

/**
 * One open webview panel as a feature sees it: its page, its state (kept by the page for a
 * restore after a window reload) and its messages. A feature draws a page once with `setPage`
 * and updates it with `show`, which posts the view instead of replacing the HTML. A page that
 * was reloaded (hidden and shown again, or replaced) says "ready" and gets the latest update.
 * Disposing the host closes the panel; closing the panel disposes the host and all it owns.
 */
export class PanelHost<S, V = never> extends DisposableOwner {
  private readonly received = new vscode.EventEmitter<unknown>();
  /** What the page says, except its "ready". */
  readonly onDidReceiveMessage = this.received.event;
  private view: V | undefined;
  private pageReady = false;
  private closed = false;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private current: S,
    private readonly media: vscode.Uri,
    private readonly locale: string,
  ) {
    super();
    this.register(this.received);
    this.register(panel.webview.onDidReceiveMessage((message: unknown) => {
      if (isReadyMessage(message)) {
        this.pageReady = true;
        this.send();
      } else {
        this.received.fire(message);
      }
    }));
    this.register(panel.onDidDispose(() => {
      this.closed = true;
      this.dispose();
    }));
  }

  get state(): S {
    return this.current;
  }

  /** Whether the panel has been closed (a late answer finds nothing to draw on). */
  get isClosed(): boolean {
    return this.closed;
  }

  /** The state to restore after a reload; the page is told to keep it. */
  setState(state: S): void {
    this.current = state;
    this.send();
  }

  /** What the page draws; posted to it now, or once it is ready. */
  show(view: V): void {
    this.view = view;
    this.send();
  }

  /** Replaces the whole page, with a new nonce. */
  setPage(page: PanelPage): void {
    if (this.closed) {
      return;
    }
    this.pageReady = false;
    const webview = this.panel.webview;
    webview.html = panelDocument({ ...page, locale: this.locale, cspSource: webview.cspSource, nonce: newNonce() });
  }

  /** The webview URI of a file in the extension's media folder. */
  asset(file: string): string {
    return this.panel.webview.asWebviewUri(vscode.Uri.joinPath(this.media, ...file.split('/'))).toString();
  }

  /** Registers something that lives as long as the panel. */
  own<T extends vscode.Disposable>(disposable: T): T {
    return this.register(disposable);
  }

  override dispose(): void {
    super.dispose();
    if (!this.closed) {
      this.closed = true;
      this.panel.dispose();
    }
  }

  private send(): void {
    if (!this.pageReady || this.closed) {
      return;
    }
    const message: UpdateMessage<S, V> = this.view === undefined ? { type: 'update', state: this.current } : { type: 'update', state: this.current, view: this.view };
    // A hidden page is not there to receive it; it says "ready" again when it is shown.
    this.panel.webview.postMessage(message).then(undefined, () => undefined);
  }
}
