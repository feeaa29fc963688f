// Bearer tokens the fake API accepts.
import { createHash } from 'crypto';

function personalAccessToken(label: string): string {
  return `dop_v1_${createHash('sha256').update(label).digest('hex')}`;
}

/** Accepted with full billing:read scope. */
export const FAKE_TOKEN = personalAccessToken('fake-digitalocean-api');
/** Accepted, but lacks billing:read: every API call answers 403 (default of tokensWithoutBillingScope). */
export const FAKE_TOKEN_WITHOUT_BILLING_SCOPE = personalAccessToken('fake-digitalocean-api:no-billing-scope');

export type AuthOutcome = 'ok' | 'unauthorized' | 'forbidden';

export function authorize(header: string | undefined, tokens: readonly string[], withoutScope: readonly string[]): AuthOutcome {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match) {
    return 'unauthorized';
  }
  if (tokens.includes(match[1])) {
    return 'ok';
  }
  return withoutScope.includes(match[1]) ? 'forbidden' : 'unauthorized';
}
