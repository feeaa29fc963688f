import { randomBytes } from 'crypto';
import { KeyValueStore } from '../storage/accountCache';
import { DEFAULT_ACCOUNT_ID, STATE_KEYS } from '../storage/keys';
import { Emitter } from '../util/event';
import { l10n } from '../util/l10n';

export interface Account {
  readonly id: string;
  readonly name: string;
  /** The token comes from an environment variable: it cannot be set, renamed or removed here. */
  readonly fromEnvironment?: boolean;
}

/** Where account tokens live; TokenStore in VS Code, a map in tests. */
export interface AccountTokens {
  get(accountId: string): Promise<string | undefined>;
  store(accountId: string, token: string): Promise<void>;
  delete(accountId: string): Promise<void>;
}

export { DEFAULT_ACCOUNT_ID };
export const ENVIRONMENT_ACCOUNT_ID = 'environment';
/** doctl's variable first, then the one Terraform's provider reads. */
export const ENVIRONMENT_VARIABLES = ['DIGITALOCEAN_ACCESS_TOKEN', 'DIGITALOCEAN_TOKEN'] as const;

const ACCOUNTS_KEY = STATE_KEYS.accounts;
const ACTIVE_KEY = STATE_KEYS.activeAccount;

/**
 * Named accounts (one DigitalOcean team each), the active one, and their tokens. Names and
 * the active id live in globalState; each token is its own secret.
 */
export class Accounts {
  private readonly changed = new Emitter<void>();
  /** The list or the active account changed. */
  readonly onDidChange = this.changed.event;

  /**
   * This window's copy of what globalState holds: read once, written through. VS Code can
   * echo an older globalState snapshot back after a newer write, so reads come from here.
   */
  private storedAccounts: Account[] | undefined;
  private activeId: string | undefined;
  /**
   * The Environment account stands in for the chosen one: there is a token in the
   * environment and none stored (doctl, too, uses the variable then). Tokens are read
   * asynchronously: the session checks it (`checkEnvironmentStandIn`) each time it reads the
   * active account's token, which it does after every token change.
   */
  private environmentStandsIn = false;
  private latestStandInCheck = 0;

  constructor(
    private readonly state: KeyValueStore,
    private readonly tokens: AccountTokens,
    private readonly environment: NodeJS.ProcessEnv = process.env,
  ) {
    const stored = state.get<Account[]>(ACCOUNTS_KEY);
    this.storedAccounts = Array.isArray(stored) && stored.length > 0 ? stored.map(({ id, name }) => ({ id, name })) : undefined;
    this.activeId = state.get<string>(ACTIVE_KEY);
  }

  list(): Account[] {
    const accounts = this.storedAccounts ?? [defaultAccount()];
    return this.environmentToken() ? [...accounts, environmentAccount()] : accounts;
  }

  /** The account the user chose (or the first one), whether it has a token or not. */
  get chosen(): Account {
    const accounts = this.list();
    return accounts.find((account) => account.id === this.activeId) ?? accounts[0];
  }

  /** The account whose data shows: the chosen one, or the Environment account standing in for it. */
  get active(): Account {
    const chosen = this.chosen;
    return this.environmentStandsIn && !chosen.fromEnvironment ? environmentAccount() : chosen;
  }

  /** Works out whether the environment's token stands in for the chosen account (see `active`). */
  async checkEnvironmentStandIn(): Promise<void> {
    const check = ++this.latestStandInCheck;
    const standsIn = this.environmentToken() !== undefined && (await this.noTokenStored());
    if (check === this.latestStandInCheck) {
      this.environmentStandsIn = standsIn;
    }
  }

  /** Whether an account has a token (the Environment account: whether the variable is set). */
  async hasToken(account: Account): Promise<boolean> {
    return (await this.token(account)) !== undefined;
  }

  /** The account whose token this is, if any already has it. */
  async withToken(token: string): Promise<Account | undefined> {
    for (const account of this.list()) {
      if ((await this.token(account)) === token) {
        return account;
      }
    }
    return undefined;
  }

  async setActive(accountId: string): Promise<void> {
    if (!this.list().some((account) => account.id === accountId)) {
      throw new Error(l10n.t('There is no account with the id {0}.', accountId));
    }
    this.activeId = accountId;
    await this.state.update(ACTIVE_KEY, accountId);
    this.changed.fire();
  }

  token(account: Account): Promise<string | undefined> {
    return account.fromEnvironment ? Promise.resolve(this.environmentToken()) : this.tokens.get(account.id);
  }

  async setToken(account: Account, token: string): Promise<void> {
    await this.tokens.store(account.id, token);
    if (!account.fromEnvironment) {
      this.storedTokenNow();
    }
  }

  clearToken(account: Account): Promise<void> {
    return this.tokens.delete(account.id);
  }

  /** Adds an account with its (already verified) token and, unless told not to, makes it active. */
  async add(name: string, token: string, options: { activate?: boolean } = {}): Promise<Account> {
    // A first-time user's implicit, token-less "Default" gives way to the added account.
    const keep = await this.withoutEmptyDefault(this.storedList());
    const account = { id: randomBytes(6).toString('hex'), name: this.uniqueName(name, keep) };
    await this.tokens.store(account.id, token);
    await this.saveList([...keep, account]);
    this.storedTokenNow();
    if (options.activate ?? true) {
      await this.setActive(account.id);
    } else {
      this.changed.fire();
    }
    return account;
  }

  async rename(accountId: string, name: string): Promise<void> {
    const trimmed = name.trim();
    await this.saveList(this.storedList().map((account) => (account.id === accountId ? { ...account, name: trimmed } : account)));
    this.changed.fire();
  }

  /** Removes an account and its token; the first remaining one becomes active if it was. */
  async remove(accountId: string): Promise<void> {
    await this.tokens.delete(accountId);
    const remaining = this.storedList().filter((account) => account.id !== accountId);
    await this.saveList(remaining);
    if (this.activeId === accountId) {
      this.activeId = undefined;
      await this.state.update(ACTIVE_KEY, undefined);
    }
    this.changed.fire();
  }

  /** A name not used by another account: "Work", "Work (2)", … */
  uniqueName(wanted: string, among: readonly Account[] = this.list()): string {
    const base = wanted.trim() || l10n.t('Account');
    const taken = new Set(among.map((account) => account.name));
    let name = base;
    for (let n = 2; taken.has(name); n++) {
      name = `${base} (${n})`;
    }
    return name;
  }

  private async withoutEmptyDefault(accounts: Account[]): Promise<Account[]> {
    const implicitDefault = this.storedAccounts === undefined;
    if (implicitDefault && !(await this.tokens.get(DEFAULT_ACCOUNT_ID))) {
      return accounts.filter((account) => account.id !== DEFAULT_ACCOUNT_ID);
    }
    return accounts;
  }

  private storedList(): Account[] {
    return this.list().filter((account) => !account.fromEnvironment);
  }

  /** A token is stored now: the chosen account is the active one (and a check still on its way is outdated). */
  private storedTokenNow(): void {
    this.environmentStandsIn = false;
    this.latestStandInCheck++;
  }

  private async noTokenStored(): Promise<boolean> {
    const tokens = await Promise.all(this.storedList().map((account) => this.tokens.get(account.id)));
    return tokens.every((token) => !token);
  }

  private async saveList(accounts: Account[]): Promise<void> {
    this.storedAccounts = accounts.length > 0 ? accounts.map(({ id, name }) => ({ id, name })) : undefined;
    await this.state.update(ACCOUNTS_KEY, this.storedAccounts);
  }

  private environmentToken(): string | undefined {
    for (const name of ENVIRONMENT_VARIABLES) {
      const value = this.environment[name]?.trim();
      if (value) {
        return value;
      }
    }
    return undefined;
  }
}

function defaultAccount(): Account {
  return { id: DEFAULT_ACCOUNT_ID, name: l10n.t('Default') };
}

function environmentAccount(): Account {
  return { id: ENVIRONMENT_ACCOUNT_ID, name: l10n.t('Environment'), fromEnvironment: true };
}
