import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

/** Every message passed as a literal to `l10n.t(...)` in the TypeScript files under `dir`. */
export function l10nMessages(dir: string): Map<string, string> {
  const messages = new Map<string, string>();
  for (const file of tsFiles(dir)) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && node.expression.getText(source).endsWith('l10n.t')) {
        const [first] = node.arguments;
        if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) {
          messages.set(first.text, path.relative(dir, file));
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return messages;
}

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? tsFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

export function placeholders(message: string): string[] {
  return (message.match(/\{\d+\}/g) ?? []).sort();
}
