import * as vscode from 'vscode';
import { DisposableOwner } from '../util/disposable';
import { l10n } from '../util/l10n';

/** The only module that touches context.secrets. */
export const TOKEN_SECRET_KEY = 'digitaloceanInvoices.apiToken';

export class TokenStorageError extends Error {}

export class TokenStore extends DisposableOwner {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** Fires when the token changes, in this window or another one. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly secrets: vscode.SecretStorage) {
    super();
    this.register(
      secrets.onDidChange((event) => {
        if (event.key === TOKEN_SECRET_KEY) {
          this.changed.fire();
        }
      }),
    );
  }

  async get(): Promise<string | undefined> {
    try {
      return (await this.secrets.get(TOKEN_SECRET_KEY)) || undefined;
    } catch {
      return undefined;
    }
  }

  async store(token: string): Promise<void> {
    try {
      await this.secrets.store(TOKEN_SECRET_KEY, token);
    } catch (error) {
      throw new TokenStorageError(storageFailureMessage(error));
    }
  }

  async delete(): Promise<void> {
    try {
      await this.secrets.delete(TOKEN_SECRET_KEY);
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
