import { KeyValueStore } from '../storage/accountCache';
import { STATE_KEYS } from '../storage/keys';

/** The walkthrough's id in package.json (`contributes.walkthroughs`). */
export const WALKTHROUGH_ID = 'gettingStarted';

/** Written by every earlier start that had an account or a token: then this is an update, not a first install. */
const EARLIER_START_KEYS = [STATE_KEYS.accounts, STATE_KEYS.activeAccount, STATE_KEYS.lastAccount];

export type WalkthroughDecision = 'open' | 'shownBefore' | 'updated' | 'turnedOff';

/**
 * Whether this start opens the walkthrough: only the first one after the install, and only
 * if VS Code's `workbench.welcomePage.walkthroughs.openOnInstall` allows it.
 */
export function walkthroughDecision(store: KeyValueStore, openOnInstall: boolean): WalkthroughDecision {
  if (store.get(STATE_KEYS.walkthroughShown) !== undefined) {
    return 'shownBefore';
  }
  if (EARLIER_START_KEYS.some((key) => store.get(key) !== undefined)) {
    return 'updated';
  }
  return openOnInstall ? 'open' : 'turnedOff';
}
