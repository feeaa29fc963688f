import { randomBytes } from 'crypto';
import { escapeHtml } from '../util/html';

export interface PanelPage {
  readonly title: string;
  /** Markup of the body, already escaped. */
  readonly body: string;
  /** Style sheets and scripts by their webview URIs (see PanelHost.asset). */
  readonly styles: readonly string[];
  readonly scripts: readonly string[];
  /** Also allow images from the extension's media folder. */
  readonly images?: boolean;
}

export interface PanelDocument extends PanelPage {
  readonly locale: string;
  /** webview.cspSource: the only origin styles (and images) may come from. */
  readonly cspSource: string;
  /** Scripts run only with this nonce; a new one for every document. */
  readonly nonce: string;
}

export function newNonce(): string {
  return randomBytes(18).toString('base64');
}

/**
 * A whole webview page with a strict CSP: nothing remote, no inline script or style, no eval;
 * scripts only from the extension and only with the document's nonce.
 */
export function panelDocument(page: PanelDocument): string {
  const images = page.images ? ` img-src ${page.cspSource};` : '';
  const csp = `default-src 'none'; style-src ${page.cspSource}; script-src 'nonce-${page.nonce}';${images}`;
  const styles = page.styles.map((uri) => `<link rel="stylesheet" href="${escapeHtml(uri)}">`);
  const scripts = page.scripts.map((uri) => `<script nonce="${escapeHtml(page.nonce)}" src="${escapeHtml(uri)}"></script>`);
  return `<!DOCTYPE html>
<html lang="${escapeHtml(page.locale)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${styles.join('\n')}
<title>${escapeHtml(page.title)}</title>
</head>
<body>
${page.body}
${scripts.join('\n')}
</body>
</html>`;
}
