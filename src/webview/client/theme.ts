// Runs inside a webview page: VS Code's theme as the page's CSS sees it, for what a canvas
// draws (a canvas cannot use CSS variables itself).

/** The computed value of a CSS custom property of the page's body, e.g. "--chart-actual". */
export function themeValue(name: string, fallback: string): string {
  return getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;
}

/** The editor font, for text drawn on a canvas. */
export function themeFont(): { family: string; size: number } {
  return { family: themeValue('--vscode-font-family', 'sans-serif'), size: parseFloat(themeValue('--vscode-font-size', '13')) || 13 };
}

/** Calls `listener` when the colour theme changes: VS Code then changes the body's class. */
export function onThemeChange(listener: () => void): void {
  new MutationObserver(listener).observe(document.body, { attributes: true, attributeFilter: ['class'] });
}
