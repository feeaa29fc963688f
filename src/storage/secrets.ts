import * as vscode from 'vscode';
import { DisposableOwner } from '../util/disposable';
import { l10n } from '../util/l10n';
import { accountOfSecretKey, secretKey } from './keys';

export class TokenStorageError extends Error {}

/** The only module that touches context.secrets: one secret per account. */
export class TokenStore extends DisposableOwner {
  private readonly changed = this.register(new vscode.EventEmitter<string>());
  /** Fires with the account id whose token changed, in this window or another one. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly secrets: vscode.SecretStorage) {
    super();
    this.register(
      secrets.onDidChange((event) => {
        const accountId = accountOfSecretKey(event.key);
        if (accountId) {
          this.changed.fire(accountId);
        }
      }),
    );
  }

  async get(accountId: string): Promise<string | undefined> {
    try {
      return (await this.secrets.get(secretKey(accountId))) || undefined;
    } catch {
      return undefined;
    }
  }

  async store(accountId: string, token: string): Promise<void> {
    try {
      await this.secrets.store(secretKey(accountId), token);
    } catch (error) {
      throw new TokenStorageError(storageFailureMessage(error));
    }
  }

  async delete(accountId: string): Promise<void> {
    try {
      await this.secrets.delete(secretKey(accountId));
    } catch (error) {
      throw new TokenStorageError(storageFailureMessage(error));
    }
  }
}

function storageFailureMessage(error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  return l10n.t(
    'VS Code could not use its secret storage ({0}). On Linux this needs a keyring: install and unlock gnome-keyring or KWallet, or start VS Code with --password-store="gnome-libsecret".',
    reason,
  );
}
