import * as vscode from 'vscode';
import { PanelHost } from './panelHost';

/** What a feature tells the shared pattern about one kind of panel. */
export interface PanelKind<S, V, P extends vscode.Disposable> {
  /** The panel's view type; package.json declares `onWebviewPanel:<viewType>` for it. */
  readonly viewType: string;
  readonly enableFindWidget?: boolean;
  /** Panels of one key are the same panel: shown again, it is revealed (one key: a single panel). */
  keyOf(state: S): string;
  /** The state a panel saved before a window reload, checked (it may be anything); undefined closes the panel. */
  parseState(saved: unknown): S | undefined;
  title(state: S): string;
  /** The feature's side of a new or restored panel; disposed when the panel closes. */
  attach(host: PanelHost<S, V>, opened: 'created' | 'restored'): P;
}

export interface ShownPanel<S, V, P> {
  readonly host: PanelHost<S, V>;
  readonly part: P;
  /** False when a panel of the key was open and has been revealed. */
  readonly created: boolean;
}

interface OpenPanel<S, V, P> {
  readonly host: PanelHost<S, V>;
  readonly part: P;
}

/**
 * The one webview panel pattern: panels of one view type by key, revealed when shown again,
 * restored after a window reload (through the serializer of its PanelFeature), each with a
 * strict-CSP page from media/ (see PanelHost). Whoever creates it owns it: disposing it closes
 * its panels.
 *
 * A new kind of panel: a view type (and `onWebviewPanel:<viewType>` in package.json), a
 * PanelKind whose `attach` draws the page with `host.setPage` and posts views with `host.show`,
 * a PanelFeature (./panelFeature.ts) in the container that loads the feature, and a page
 * script built from src/<feature>/webview/ by esbuild.js into media/webview/ that calls
 * `connectPanel` (src/webview/client/).
 */
export class WebviewPanels<S, V, P extends vscode.Disposable> implements vscode.Disposable {
  private readonly open = new Map<string, OpenPanel<S, V, P>>();
  private readonly media: vscode.Uri;

  constructor(private readonly kind: PanelKind<S, V, P>, extensionUri: vscode.Uri, private readonly locale: string) {
    this.media = vscode.Uri.joinPath(extensionUri, 'media');
  }

  /** Reveals the panel of the state's key, or opens one with this state. */
  show(state: S): ShownPanel<S, V, P> {
    const key = this.kind.keyOf(state);
    const existing = this.open.get(key);
    if (existing) {
      existing.host.panel.reveal();
      return { ...existing, created: false };
    }
    const panel = vscode.window.createWebviewPanel(this.kind.viewType, this.kind.title(state), vscode.ViewColumn.Active, {
      ...this.webviewOptions(),
      enableFindWidget: this.kind.enableFindWidget,
    });
    return { ...this.adopt(key, panel, state, 'created'), created: true };
  }

  /** The serializer's half: takes over a panel VS Code brings back after a reload. */
  async restore(panel: vscode.WebviewPanel, saved: unknown): Promise<void> {
    const state = this.kind.parseState(saved);
    const key = state === undefined ? undefined : this.kind.keyOf(state);
    if (state === undefined || key === undefined || this.open.has(key)) {
      panel.dispose();
      return;
    }
    panel.webview.options = this.webviewOptions();
    panel.title = this.kind.title(state);
    this.adopt(key, panel, state, 'restored');
  }

  get(key: string): P | undefined {
    return this.open.get(key)?.part;
  }

  /** The feature's side of every open panel. */
  get parts(): P[] {
    return [...this.open.values()].map((open) => open.part);
  }

  dispose(): void {
    for (const open of [...this.open.values()]) {
      open.host.dispose();
    }
  }

  private adopt(key: string, panel: vscode.WebviewPanel, state: S, opened: 'created' | 'restored'): OpenPanel<S, V, P> {
    panel.iconPath = {
      light: vscode.Uri.joinPath(this.media, 'panel-light.svg'),
      dark: vscode.Uri.joinPath(this.media, 'panel-dark.svg'),
    };
    const host = new PanelHost<S, V>(panel, state, this.media, this.locale);
    const open = { host, part: host.own(this.kind.attach(host, opened)) };
    this.open.set(key, open);
    host.own({ dispose: () => this.open.get(key) === open && this.open.delete(key) });
    return open;
  }

  private webviewOptions(): vscode.WebviewOptions {
    return { enableScripts: true, localResourceRoots: [this.media] };
  }
}
