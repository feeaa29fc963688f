// Bearer tokens the fake API accepts, and what each may read.
import { createHash } from 'crypto';

function personalAccessToken(label: string): string {
  return `dop_v1_${createHash('sha256').update(label).digest('hex')}`;
}

/** Accepted with full billing:read and account:read scopes, in the team's context. */
export const FAKE_TOKEN = personalAccessToken('fake-digitalocean-api');
/** Accepted, but lacks billing:read: every API call answers 403 (default of tokensWithoutBillingScope). */
export const FAKE_TOKEN_WITHOUT_BILLING_SCOPE = personalAccessToken('fake-digitalocean-api:no-billing-scope');
/** Has billing:read but not account:read: GET /v2/account answers 403, the billing endpoints work. */
export const FAKE_TOKEN_WITHOUT_ACCOUNT_SCOPE = personalAccessToken('fake-digitalocean-api:no-account-scope');
/** Full scopes in a personal context: GET /v2/account has no `team`, and there are no insights to ask for. */
export const FAKE_TOKEN_PERSONAL = personalAccessToken('fake-digitalocean-api:personal-context');

export interface TokenLists {
  readonly tokens: readonly string[];
  readonly tokensWithoutBillingScope: readonly string[];
  readonly tokensWithoutAccountScope: readonly string[];
  readonly personalTokens: readonly string[];
}

export type AuthOutcome = 'ok' | 'unauthorized' | 'forbidden';

/** What a request may read: the billing endpoints, or GET /v2/account. */
export type Scope = 'billing' | 'account';

export type TokenKind = 'team' | 'noBillingScope' | 'noAccountScope' | 'personal';

export function tokenKind(header: string | undefined, lists: TokenLists): TokenKind | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  const token = match?.[1];
  if (token === undefined) {
    return undefined;
  }
  if (lists.tokens.includes(token)) {
    return 'team';
  }
  if (lists.tokensWithoutAccountScope.includes(token)) {
    return 'noAccountScope';
  }
  if (lists.personalTokens.includes(token)) {
    return 'personal';
  }
  return lists.tokensWithoutBillingScope.includes(token) ? 'noBillingScope' : undefined;
}

export function authorize(kind: TokenKind | undefined, scope: Scope): AuthOutcome {
  if (kind === undefined) {
    return 'unauthorized';
  }
  const forbidden = kind === 'noBillingScope' || (scope === 'account' && kind === 'noAccountScope');
  return forbidden ? 'forbidden' : 'ok';
}
