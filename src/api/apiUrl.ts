import { l10n } from '../util/l10n';

export const DEFAULT_API_URL = 'https://api.digitalocean.com';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export type ApiUrlCheck = { readonly ok: true; readonly baseUrl: string } | { readonly ok: false; readonly message: string };

/**
 * The token goes only to this URL, so it must be https; plain http is accepted only for
 * this machine (local test servers).
 */
export function checkApiUrl(value: unknown): ApiUrlCheck {
  const text = typeof value === 'string' && value.trim() !== '' ? value.trim() : DEFAULT_API_URL;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: l10n.t('The setting digitaloceanInvoices.apiUrl is not a valid URL: "{0}".', text) };
  }
  if (url.username || url.password || url.search || url.hash) {
    return { ok: false, message: l10n.t('The setting digitaloceanInvoices.apiUrl must not contain credentials, a query or a fragment.') };
  }
  const secure = url.protocol === 'https:';
  const loopbackHttp = url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
  if (!secure && !loopbackHttp) {
    return {
      ok: false,
      message: l10n.t('The setting digitaloceanInvoices.apiUrl must use https (http is allowed only for localhost, 127.0.0.1 and ::1): "{0}" was refused.', url.origin),
    };
  }
  return { ok: true, baseUrl: url.origin + url.pathname.replace(/\/+$/, '') };
}
