import { ApiError } from './errors';
import { Invoice, InvoicesPage, PageRef } from './types';
import { l10n } from '../util/l10n';

const MAX_TEXT = 300;

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Bidi overrides and isolates: in a label they make "invoice\u202Efdp.exe" read "invoiceexe.pdf". */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
const HAS_BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;

/**
 * A string field as text; numbers are accepted as their text, anything else is empty.
 * Bidi override characters are dropped (right-to-left text itself displays without them).
 */
export function text(value: unknown): string {
  const given = typeof value === 'string' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
  // Testing first is cheaper than replacing in the usual text that has none.
  const raw = HAS_BIDI_CONTROL.test(given) ? given.replace(BIDI_CONTROLS, '') : given;
  return raw.length > MAX_TEXT ? `${raw.slice(0, MAX_TEXT)}…` : raw;
}

/** The error for a body that does not have the documented structure; `what` says how. */
export function invalid(what: string, status: number): ApiError {
  return new ApiError('invalidResponse', l10n.t('The DigitalOcean API sent an invalid response (HTTP {0}, application/json): {1}.', status, what), { status });
}

function parseInvoice(value: unknown, status: number): Invoice {
  if (!isObject(value)) {
    throw invalid(l10n.t('an invoice is not an object'), status);
  }
  const invoiceUuid = text(value.invoice_uuid);
  const invoiceId = text(value.invoice_id);
  const period = text(value.invoice_period);
  if (!invoiceUuid && !invoiceId) {
    throw invalid(l10n.t('an invoice has neither invoice_uuid nor invoice_id'), status);
  }
  const updatedAt = text(value.updated_at) || undefined;
  // Without a uuid the id still identifies the invoice for de-duplication.
  return { invoiceUuid: invoiceUuid || `${SYNTHETIC_UUID_PREFIX}${invoiceId}`, invoiceId, amount: text(value.amount), period, updatedAt };
}

/** Marks an invoiceUuid made up from the invoice id because the API sent no uuid. */
const SYNTHETIC_UUID_PREFIX = 'id:';

/** The uuid the API sent for the invoice; undefined when it sent none. */
export function apiUuidOf(invoice: Invoice): string | undefined {
  return invoice.invoiceUuid.startsWith(SYNTHETIC_UUID_PREFIX) ? undefined : invoice.invoiceUuid;
}

/** Reads `page` and `per_page` of the next link; its host is ignored on purpose. */
function parseNext(links: unknown, requested: PageRef): { next?: PageRef; pagingProblem?: string } {
  const next = isObject(links) && isObject(links.pages) ? links.pages.next : undefined;
  if (next === undefined || next === null || next === '') {
    return {};
  }
  let url: URL;
  try {
    url = new URL(String(next), 'https://api.invalid');
  } catch {
    return { pagingProblem: l10n.t('The API\'s link to the next page is not a URL; loading stopped.') };
  }
  const page = Number(url.searchParams.get('page'));
  const perPage = Number(url.searchParams.get('per_page') ?? requested.perPage);
  if (!Number.isInteger(page) || page < 1 || !Number.isInteger(perPage) || perPage < 1 || perPage > 200) {
    return { pagingProblem: l10n.t('The API\'s link to the next page has no valid page number; loading stopped.') };
  }
  if (page <= requested.page) {
    return { pagingProblem: l10n.t('The API\'s link to the next page does not advance (page {0} links to page {1}); loading stopped.', requested.page, page) };
  }
  return { next: { page, perPage } };
}

/** What every paginated body carries besides its list: `meta.total` and the next link. */
export interface PagingEnvelope {
  readonly total?: number;
  readonly next?: PageRef;
  readonly pagingProblem?: string;
}

export function parseEnvelope(body: Json, requested: PageRef): PagingEnvelope {
  const total = isObject(body.meta) && typeof body.meta.total === 'number' && Number.isInteger(body.meta.total) && body.meta.total >= 0 ? body.meta.total : undefined;
  return { total, ...parseNext(body.links, requested) };
}

/**
 * A paginated body: `key` must hold an array whose elements `parseRecord` accepts (it throws
 * on a record without the documented structure); `missing` describes a body without it.
 */
export function parseList<T>(body: unknown, key: string, missing: string, status: number, parseRecord: (value: unknown, status: number) => T): { body: Json; records: T[] } {
  if (!isObject(body) || !Array.isArray(body[key])) {
    throw invalid(missing, status);
  }
  return { body, records: (body[key] as unknown[]).map((value) => parseRecord(value, status)) };
}

export function parseInvoicesPage(body: unknown, requested: PageRef, status = 200): InvoicesPage {
  const list = parseList(body, 'invoices', l10n.t('the list of invoices is missing'), status, parseInvoice);
  const preview = isObject(list.body.invoice_preview) ? parseInvoice(list.body.invoice_preview, status) : undefined;
  return { invoices: list.records, preview, ...parseEnvelope(list.body, requested) };
}
