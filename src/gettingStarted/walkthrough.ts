import * as vscode from 'vscode';
import { KeyValueStore } from '../storage/accountCache';
import { STATE_KEYS } from '../storage/keys';
import { Logger } from '../util/logger';
import { WALKTHROUGH_ID, WalkthroughDecision, walkthroughDecision } from './walkthroughDecision';
/** VS Code's own switch for opening an extension's walkthrough when it is installed. */
const OPEN_ON_INSTALL_SETTING = 'workbench.welcomePage.walkthroughs.openOnInstall';

/**
 * Opens the Getting Started walkthrough on the first start after the install, never again.
 * Decides at once, before the session's first read writes the account shown. Extension test
 * runs (VS Code desktop's too, where no setting turns it off) never open it.
 */
export async function openWalkthroughOnFirstStart(context: vscode.ExtensionContext, store: KeyValueStore, logger: Logger): Promise<WalkthroughDecision | undefined> {
  if (context.extensionMode === vscode.ExtensionMode.Test) {
    return undefined;
  }
  const decision = walkthroughDecision(store, vscode.workspace.getConfiguration().get<boolean>(OPEN_ON_INSTALL_SETTING, true));
  logger.info(`Getting started walkthrough: ${decision === 'open' ? 'opened on the first start' : `not opened (${decision})`}.`);
  if (decision === 'shownBefore') {
    return decision;
  }
  // Marked first: an open that fails is not tried again at every start.
  await store.update(STATE_KEYS.walkthroughShown, true);
  if (decision === 'open') {
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${context.extension.id}#${WALKTHROUGH_ID}`, false);
  }
  return decision;
}
