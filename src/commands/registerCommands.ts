import * as vscode from 'vscode';
import { ApiError } from '../api/errors';
import { COMMANDS } from '../constants';
import { l10n } from '../util/l10n';
import { Logger } from '../util/logger';

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];
// Handlers take what VS Code passes (tree rows, uris, nothing from the palette).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type CommandHandler = (...args: any[]) => unknown;
/** One handler for every command the extension contributes: the type makes a missing one an error. */
export type CommandHandlers = Readonly<Record<CommandId, CommandHandler>>;

/**
 * Registers every command through one wrapper: each is logged when it runs, and a failure is
 * logged and shown the same way for all of them, instead of disappearing into the console.
 */
export function registerCommands(handlers: CommandHandlers, logger: Logger): vscode.Disposable[] {
  return Object.entries(handlers).map(([id, handler]) => vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    logger.debug(`Command ${id}`);
    try {
      return await handler(...args);
    } catch (failure) {
      const reason = failure instanceof ApiError ? failure.fullMessage : failure instanceof Error ? failure.message : String(failure);
      logger.error(`Command ${id} failed: ${reason}`);
      void vscode.window.showErrorMessage(l10n.t('The command failed: {0}', reason));
      return undefined;
    }
  }));
}
