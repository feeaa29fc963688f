/** What can be done with a saved invoice file, offered after the download. */
export type DownloadAction =
  /** Opens the file in an editor (a CSV is text). */
  | 'openInEditor'
  /** Opens the file with the operating system's app (a PDF viewer). */
  | 'openWithSystem'
  /** Shows the file in Finder, File Explorer or the file manager. */
  | 'revealInOS'
  /** Selects the file in VS Code's Explorer view. */
  | 'revealInExplorer';

/** The window a file was saved from, as far as the choice depends on it. */
export interface DownloadHost {
  /** `vscode.env.uiKind`: VS Code desktop, or the workbench in a browser. */
  readonly ui: 'desktop' | 'web';
  /** `vscode.env.remoteName`: set in a remote window (SSH, a container, WSL, a VS Code server). */
  readonly remoteName: string | undefined;
  /** The saved file's URI scheme. */
  readonly scheme: string;
  /** Whether the file lies in one of the workspace's folders. */
  readonly inWorkspace: boolean;
}

/**
 * The actions that work for this file in this window. The operating system's app and file
 * manager are on the machine the extension runs on, which is the user's only in a local
 * desktop window: in a browser or a remote window `revealFileInOS` does not exist, and a PDF
 * handed to the workbench shows nothing. A CSV opens in an editor anywhere; the Explorer can
 * show a file of the workspace anywhere (and from there the browser can download it).
 */
export function downloadActions(format: 'pdf' | 'csv', host: DownloadHost): DownloadAction[] {
  const local = host.ui === 'desktop' && host.remoteName === undefined && host.scheme === 'file';
  const open: DownloadAction[] = format === 'csv' ? ['openInEditor'] : local ? ['openWithSystem'] : [];
  if (local) {
    return [...open, 'revealInOS'];
  }
  return host.inWorkspace ? [...open, 'revealInExplorer'] : open;
}
