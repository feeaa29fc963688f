// A plain require, not `import * as`: esbuild.js says why.
import vscode = require('vscode');
import { COMMANDS } from '../constants';

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];

/**
 * Registers every command the extension contributes, at activation: each forwards what VS Code
 * passes to `run`, which loads what the command needs on its first call (see runCommand).
 */
export function registerCommands(run: (id: CommandId, args: unknown[]) => Promise<unknown>): vscode.Disposable[] {
  return Object.values(COMMANDS).map((id) => vscode.commands.registerCommand(id, (...args: unknown[]) => run(id, args)));
}
