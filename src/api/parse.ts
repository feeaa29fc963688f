import { ApiError } from './errors';
import { Invoice, InvoicesPage, PageRef } from './types';
import { l10n } from '../util/l10n';

const MAX_TEXT = 300;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string field as text; numbers are accepted as their text, anything else is empty. */
export function text(value: unknown): string {
  const raw = typeof value === 'string' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
  return raw.length > MAX_TEXT ? `${raw.slice(0, MAX_TEXT)}…` : raw;
}

function invalid(what: string, status: number): ApiError {
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
  return { invoiceUuid: invoiceUuid || `id:${invoiceId}`, invoiceId, amount: text(value.amount), period, updatedAt };
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

export function parseInvoicesPage(body: unknown, requested: PageRef, status = 200): InvoicesPage {
  if (!isObject(body) || !Array.isArray(body.invoices)) {
    throw invalid(l10n.t('the list of invoices is missing'), status);
  }
  const invoices = body.invoices.map((item) => parseInvoice(item, status));
  const preview = isObject(body.invoice_preview) ? parseInvoice(body.invoice_preview, status) : undefined;
  const total = isObject(body.meta) && typeof body.meta.total === 'number' && body.meta.total >= 0 ? body.meta.total : undefined;
  return { invoices, preview, total, ...parseNext(body.links, requested) };
}
