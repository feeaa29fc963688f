/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface WebviewDocument {
  readonly locale: string;
  readonly title: string;
  /** webview.cspSource: the only origin styles (and images, with `images`) may come from. */
  readonly cspSource: string;
  /** Scripts run only with this nonce. */
  readonly nonce: string;
  readonly styleUri: string;
  /** Also allow images from cspSource. */
  readonly images?: boolean;
  /** Markup of the body, already escaped. */
  readonly body: string;
}

/** A webview page with a strict CSP: nothing remote, no inline style, scripts only by nonce. */
export function webviewDocument(page: WebviewDocument): string {
  const images = page.images ? ` img-src ${page.cspSource};` : '';
  return `<!DOCTYPE html>
<html lang="${escapeHtml(page.locale)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${page.cspSource}; script-src 'nonce-${page.nonce}';${images}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(page.styleUri)}">
<title>${escapeHtml(page.title)}</title>
</head>
<body>
${page.body}
</body>
</html>`;
}
