import { CallOptions, RetryNotice } from '../api/http';
import { KeyValueStore } from '../storage/accountCache';
import { STATE_KEYS } from '../storage/keys';
import { Emitter, Event } from '../util/event';
import { Logger } from '../util/logger';
import { Account, Accounts } from './accounts';
import { tokenFingerprint } from './token';

export interface SessionState {
  readonly account: Account;
  /** Whose data is shown: the token's fingerprint; undefined without a token. */
  readonly key: string | undefined;
  /** At startup, until the token is read: `key` is then the account shown last, whose cache may show. */
  readonly starting: boolean;
}

/** What a caller adds to one API call. */
export interface RequestOptions {
  readonly signal?: AbortSignal;
  readonly onRetry?: (notice: RetryNotice) => void;
  readonly onBodyReceived?: () => void;
}

/** Work started for one account key; its signal aborts as soon as the session moves on. */
export interface SessionScope {
  readonly key: string;
  readonly account: Account;
  readonly signal: AbortSignal;
  /** The options of one API call of this scope: the token is added here and nowhere else. */
  call(options?: RequestOptions): CallOptions;
}

/**
 * The one owner of "the active account and its token". It follows account switches and token
 * changes (in this window or another one), keeps the token to itself, and fires one change
 * event that every store and view follows. Work started for a key is cancelled when the key
 * changes, so a late answer for one account never shows under another.
 */
export class Session {
  private readonly changed = new Emitter<SessionState>();
  readonly onDidChange: Event<SessionState> = this.changed.event;
  private token: string | undefined;
  private current: SessionState;
  private controller = new AbortController();
  /** A later read of the active account's token wins over an earlier one still pending. */
  private latestRead = 0;
  private readonly subscriptions: { dispose(): void }[];

  constructor(
    private readonly accounts: Accounts,
    tokenChanged: Event<string>,
    private readonly store: KeyValueStore,
    private readonly logger: Logger,
  ) {
    this.current = { account: accounts.active, key: store.get<string>(STATE_KEYS.lastAccount), starting: true };
    this.subscriptions = [
      // Any account's token: one stored or cleared elsewhere may start or end the Environment account's stand-in.
      tokenChanged(() => void this.sync()),
      accounts.onDidChange(() => void this.sync()),
    ];
  }

  get state(): SessionState {
    return this.current;
  }

  /** A scope for work of the current key; undefined without a token (or before it is read). */
  begin(): SessionScope | undefined {
    const token = this.token;
    const key = this.current.key;
    if (!token || !key) {
      return undefined;
    }
    const { account } = this.current;
    const sessionSignal = this.controller.signal;
    return {
      key,
      account,
      signal: sessionSignal,
      call: (options = {}) => ({
        ...options,
        token,
        signal: options.signal ? AbortSignal.any([sessionSignal, options.signal]) : sessionSignal,
      }),
    };
  }

  /** Reads the active account's token: at startup, after a switch, when a token changed. */
  async sync(): Promise<void> {
    const read = ++this.latestRead;
    await this.accounts.checkEnvironmentStandIn();
    const account = this.accounts.active;
    const token = await this.accounts.token(account);
    if (read === this.latestRead) {
      this.set(account, token);
    }
  }

  /**
   * Uses a token just stored for `account`, without waiting for it to be read back; ignored when
   * another account is active by now.
   */
  use(account: Account, token: string): void {
    if (account.id === this.accounts.active.id) {
      this.latestRead++;
      this.set(this.accounts.active, token);
    }
  }

  /** The key an account's data is kept under, to forget it (undefined without a token). */
  async keyOf(account: Account): Promise<string | undefined> {
    const token = await this.accounts.token(account);
    return token ? tokenFingerprint(token) : undefined;
  }

  dispose(): void {
    this.controller.abort();
    this.subscriptions.forEach((subscription) => subscription.dispose());
    this.changed.dispose();
  }

  private set(account: Account, token: string | undefined): void {
    const key = token ? tokenFingerprint(token) : undefined;
    const previous = this.current;
    if (!previous.starting && key === previous.key && account.id === previous.account.id && account.name === previous.account.name) {
      return;
    }
    if (key !== previous.key) {
      this.controller.abort();
      this.controller = new AbortController();
      if (this.store.get<string>(STATE_KEYS.lastAccount) !== key) {
        this.store.update(STATE_KEYS.lastAccount, key).then(undefined, (error: unknown) =>
          this.logger.warn(`Could not remember the account shown: ${error instanceof Error ? error.message : String(error)}`));
      }
    }
    this.token = token;
    this.logger.redactor.addSecret(token);
    this.current = { account, key, starting: false };
    this.changed.fire(this.current);
  }
}
