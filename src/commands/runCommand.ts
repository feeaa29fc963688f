import * as vscode from 'vscode';
import { ApiError } from '../api/errors';
import { l10n } from '../util/l10n';
import { Logger } from '../util/logger';
import type { CommandId } from './registerCommands';

// Handlers take what VS Code passes (tree rows, uris, nothing from the palette).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type CommandHandler = (...args: any[]) => unknown;
/** One handler for every command the extension contributes: the type makes a missing one an error. */
export type CommandHandlers = Readonly<Record<CommandId, CommandHandler>>;

/**
 * Runs one command through the one wrapper: each is logged when it runs, and a failure is
 * logged and shown the same way for all of them, instead of disappearing into the console.
 */
export async function runCommand(handlers: CommandHandlers, logger: Logger, id: CommandId, args: unknown[]): Promise<unknown> {
  logger.debug(`Command ${id}`);
  try {
    return await handlers[id](...args);
  } catch (failure) {
    const reason = failure instanceof ApiError ? failure.fullMessage : failure instanceof Error ? failure.message : String(failure);
    logger.error(`Command ${id} failed: ${reason}`);
    void vscode.window.showErrorMessage(l10n.t('The command failed: {0}', reason));
    return undefined;
  }
}

/**
 * The handlers of `ids`, from the table `load` makes once it has loaded their module: the
 * module is loaded with the first of them to run, not with the extension.
 */
export function handlersOnDemand<K extends CommandId>(ids: readonly K[], load: () => Promise<Readonly<Record<K, CommandHandler>>>): Record<K, CommandHandler> {
  let table: Promise<Readonly<Record<K, CommandHandler>>> | undefined;
  const loaded = () => (table ??= load().catch((error: unknown) => {
    table = undefined; // the next command tries again
    throw error;
  }));
  return Object.fromEntries(ids.map((id) => [id, async (...args: unknown[]) => (await loaded())[id](...args)])) as Record<K, CommandHandler>;
}
