import { DigitalOceanClient } from '../api/client';
import { ApiError } from '../api/errors';
import { InvoicesPage } from '../api/types';
import { Account, Accounts } from '../session/accounts';
import { checkTokenInput } from '../session/token';
import { l10n } from '../util/l10n';
import { Logger } from '../util/logger';

export interface TokenCheckDeps {
  readonly client: DigitalOceanClient;
  readonly logger: Logger;
  readonly pageSize: () => number;
}

export type TokenCheck =
  | { readonly kind: 'accepted'; readonly firstPage: InvoicesPage }
  /** DigitalOcean refused it (401, 403). */
  | { readonly kind: 'rejected'; readonly message: string }
  /** It could not be asked (no connection, a server error). */
  | { readonly kind: 'unchecked'; readonly message: string };

/** Checks a token with one request: page 1 of the invoices, which is kept so that it is not fetched again. */
export async function checkToken(token: string, deps: TokenCheckDeps): Promise<TokenCheck> {
  deps.logger.redactor.addSecret(token);
  try {
    return { kind: 'accepted', firstPage: await deps.client.listInvoices({ page: 1, perPage: deps.pageSize() }, { token }) };
  } catch (failure) {
    const message = failure instanceof ApiError ? failure.fullMessage : String(failure);
    const rejected = failure instanceof ApiError && (failure.kind === 'unauthorized' || failure.kind === 'forbidden');
    return { kind: rejected ? 'rejected' : 'unchecked', message };
  }
}

/** A token the user entered and that may be stored; `firstPage` is missing when it could not be checked. */
export interface EnteredToken {
  readonly token: string;
  readonly firstPage?: InvoicesPage;
}

/** What one Enter in the token box leads to: done (a token, or the account that has it already), or a message for the box. */
export type EntryStep =
  | { readonly token: EnteredToken }
  | { readonly existing: Account }
  | { readonly message: string; readonly severity: 'error' | 'warning' };

/**
 * What the token box does with each Enter, so that it can stay open until the token is right:
 * a token another account has already is not added twice, one DigitalOcean refuses gets the
 * reason on the box, and one that could not be checked is saved on a second Enter.
 */
export class TokenEntry {
  private unchecked: string | undefined;

  /** `account` is the one the token is for, when it exists already (Set API Token). */
  constructor(private readonly deps: TokenCheckDeps & { readonly accounts: Accounts }, private readonly account?: Account) {}

  async accept(raw: string): Promise<EntryStep> {
    const input = checkTokenInput(raw);
    if (input.error) {
      return { message: input.error, severity: 'error' };
    }
    const { token } = input;
    const existing = await this.deps.accounts.withToken(token);
    if (existing && existing.id !== this.account?.id) {
      return { existing };
    }
    if (this.unchecked === token) {
      return { token: { token } };
    }
    const check = await checkToken(token, this.deps);
    switch (check.kind) {
      case 'accepted':
        return { token: { token, firstPage: check.firstPage } };
      case 'rejected':
        return { message: l10n.t('DigitalOcean did not accept this token: {0}', check.message), severity: 'error' };
      case 'unchecked':
        this.unchecked = token;
        return { message: l10n.t('The token could not be checked: {0} Press Enter again to save it anyway.', check.message), severity: 'warning' };
    }
  }
}
