import { SessionState } from '../session/session';

/**
 * What a store does when the session changes, in one place: show the new account's data (its
 * cache) when the key changed, and fetch once the token is known — after a key change, or when
 * startup ends. Renaming an account, or the same token read again, changes nothing.
 */
export class SessionFollower {
  private followed: SessionState | undefined;
  private shownKey: string | undefined;

  /** The account key whose data the store shows. */
  get key(): string | undefined {
    return this.shownKey;
  }

  /**
   * `switchTo` shows the data of `key` (undefined: none); it returns true when what it shows is
   * fresh, so nothing needs fetching. `fetch` then runs when there is something to fetch.
   */
  follow(state: SessionState, switchTo: (key: string | undefined, starting: boolean) => boolean, fetch: () => void): void {
    const wasStarting = this.followed?.starting ?? true;
    this.followed = state;
    const keyChanged = state.key !== this.shownKey;
    let fresh = false;
    if (keyChanged) {
      // `key` still names the account being left while `switchTo` runs (its pending cache writes).
      fresh = switchTo(state.key, state.starting);
      this.shownKey = state.key;
    }
    if (!fresh && !state.starting && state.key && (keyChanged || wasStarting)) {
      fetch();
    }
  }
}
