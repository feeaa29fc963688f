/**
 * `l10n.t` for modules that must also run outside VS Code (the API client, unit tests).
 * The extension hands it VS Code's bundle for the display language at activation; without
 * one it formats the English text. Same message keys and `{0}` placeholders as vscode.l10n.
 */
let bundle: Record<string, string | { message: string }> | undefined;

function format(template: string, args: readonly unknown[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, index: string) => {
    const value = args[Number(index)];
    return value === undefined ? whole : String(value);
  });
}

export const l10n = {
  t(message: string, ...args: unknown[]): string {
    const entry = bundle?.[message];
    const template = typeof entry === 'string' ? entry : entry?.message ?? message;
    return format(template, args);
  },
  setBundle(contents: Record<string, string | { message: string }> | undefined): void {
    bundle = contents;
  },
};
