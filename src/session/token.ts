import { createHash } from 'crypto';
import { l10n } from '../util/l10n';

const KNOWN_PREFIXES = ['dop_v1_', 'doo_v1_', 'dor_v1_'];

/**
 * A stable, non-reversible name for a token: caches are keyed by it so that data of one
 * token never shows under another, and the token itself is never used as a key.
 */
export function tokenFingerprint(token: string): string {
  return createHash('sha256').update(`digitalocean-invoices:${token}`).digest('hex').slice(0, 24);
}

export interface TokenInputCheck {
  readonly token: string;
  readonly error?: string;
  readonly warning?: string;
}

/** Trims what the user pasted and says what is wrong with it, if anything. */
export function checkTokenInput(raw: string): TokenInputCheck {
  const token = raw.trim();
  if (token === '') {
    return { token, error: l10n.t('Paste a DigitalOcean API token.') };
  }
  if (/\s/.test(token)) {
    return { token, error: l10n.t('A token has no spaces or line breaks inside it.') };
  }
  if (!KNOWN_PREFIXES.some((prefix) => token.startsWith(prefix))) {
    return { token, warning: l10n.t('This does not look like a DigitalOcean token (they start with dop_v1_, doo_v1_ or dor_v1_). It will be checked with the API.') };
  }
  return { token };
}
