import { fileNameFromContentDisposition } from './contentDisposition';
import { daysBetween, isDay } from './days';
import { ApiError } from './errors';
import { ApiHttp, ApiResponse, CallOptions } from './http';
import { apiUuidOf, parseInvoicesPage } from './parse';
import { parseBalance, parseBillingHistoryPage, parseInvoiceItemsPage, parseInvoiceSummary } from './parseBilling';
import { missingAccountScope, parseAccount, parseInsightsPage, rangeTooLong } from './parseInsights';
import {
  AccountInfo, Balance, BillingHistoryPage, InsightsPage, Invoice, InvoiceFile, InvoiceItemsPage, InvoiceSummary, InvoicesPage, PageRef,
} from './types';
import { l10n } from '../util/l10n';

export const INVOICES_PATH = '/v2/customers/my/invoices';
export const BALANCE_PATH = '/v2/customers/my/balance';
export const BILLING_HISTORY_PATH = '/v2/customers/my/billing_history';
export const ACCOUNT_PATH = '/v2/account';

/** The most days one insights request may span, both ends counted ("within 31 days of start_date"). */
export const MAX_INSIGHTS_DAYS = 31;

/** A team (`do:team:`) or organization (`do:teamgroup:`) URN: it goes into the path as is. */
const ACCOUNT_URN = /^do:(?:team|teamgroup):[0-9a-f-]{32,40}$/i;

/** The invoice of the month in progress, wherever an invoice uuid is expected. */
export const PREVIEW = 'preview';

/**
 * The id to ask the API about an invoice with: the month in progress by the documented keyword,
 * a closed invoice by its uuid; undefined when the API sent none.
 */
export function invoiceApiId(invoice: Invoice, inProgress: boolean): string | undefined {
  return inProgress ? PREVIEW : apiUuidOf(invoice);
}

const FILE_TYPES = {
  pdf: { accepts: /^application\/pdf\s*(;|$)/i, label: 'PDF' },
  csv: { accepts: /^(text\/(csv|plain)|application\/csv)\s*(;|$)/i, label: 'CSV' },
} as const;

/** DigitalOcean's billing endpoints, as typed calls. */
export class DigitalOceanClient {
  constructor(readonly http: ApiHttp) {}

  /** One page of invoices; every page also carries the invoice preview (month to date). */
  async listInvoices(page: PageRef, call: CallOptions): Promise<InvoicesPage> {
    const response = await this.http.getJson(INVOICES_PATH, { page: page.page, per_page: page.perPage }, call);
    return parseInvoicesPage(response.body, page, response.status);
  }

  /** One page of an invoice's line items; `invoiceUuid` may be PREVIEW. */
  async getInvoiceItems(invoiceUuid: string, page: PageRef, call: CallOptions): Promise<InvoiceItemsPage> {
    const response = await this.http.getJson(invoicePath(invoiceUuid), { page: page.page, per_page: page.perPage }, call);
    return parseInvoiceItemsPage(response.body, page, response.status);
  }

  async getInvoiceSummary(invoiceUuid: string, call: CallOptions): Promise<InvoiceSummary> {
    const response = await this.http.getJson(invoicePath(invoiceUuid, 'summary'), {}, call);
    return parseInvoiceSummary(response.body, response.status);
  }

  getInvoicePdf(invoiceUuid: string, call: CallOptions): Promise<InvoiceFile> {
    return this.getInvoiceFile(invoiceUuid, 'pdf', call);
  }

  getInvoiceCsv(invoiceUuid: string, call: CallOptions): Promise<InvoiceFile> {
    return this.getInvoiceFile(invoiceUuid, 'csv', call);
  }

  async getBalance(call: CallOptions): Promise<Balance> {
    const response = await this.http.getJson(BALANCE_PATH, {}, call);
    return parseBalance(response.body, response.status);
  }

  async listBillingHistory(page: PageRef, call: CallOptions): Promise<BillingHistoryPage> {
    const response = await this.http.getJson(BILLING_HISTORY_PATH, { page: page.page, per_page: page.perPage }, call);
    return parseBillingHistoryPage(response.body, page, response.status);
  }

  /** Who the token belongs to and the team it acts for (scope account:read). */
  async getAccount(call: CallOptions): Promise<AccountInfo> {
    try {
      const response = await this.http.getJson(ACCOUNT_PATH, {}, call);
      return parseAccount(response.body, response.status);
    } catch (error) {
      // Billing calls work without account:read: say which scope this one needs.
      throw error instanceof ApiError && error.kind === 'forbidden' ? missingAccountScope(error) : error;
    }
  }

  /**
   * One page of the daily amounts from `start` to `end` (YYYY-MM-DD, both included, at most
   * MAX_INSIGHTS_DAYS), for the team or organization `accountUrn` (see Team.urn).
   */
  async listInsights(accountUrn: string, start: string, end: string, page: PageRef, call: CallOptions): Promise<InsightsPage> {
    if (!ACCOUNT_URN.test(accountUrn)) {
      throw new ApiError('configuration', l10n.t('"{0}" is not a DigitalOcean team URN (do:team:<uuid>).', accountUrn.slice(0, 80)));
    }
    if (!isDay(start) || !isDay(end) || end < start) {
      throw new ApiError('configuration', l10n.t('{0} to {1} is not a range of days (YYYY-MM-DD).', start.slice(0, 20), end.slice(0, 20)));
    }
    const days = daysBetween(start, end) + 1;
    if (days > MAX_INSIGHTS_DAYS) {
      throw rangeTooLong(start, end, days, MAX_INSIGHTS_DAYS);
    }
    try {
      const response = await this.http.getJson(`/v2/billing/${accountUrn}/insights/${start}/${end}`, { per_page: page.perPage, page: page.page }, call);
      return parseInsightsPage(response.body, response.status);
    } catch (error) {
      // DigitalOcean may count the 31 days differently from this client: its refusal is shown as such.
      if (error instanceof ApiError && error.kind === 'badRequest' && /\b31\b/.test(error.details.apiMessage ?? '')) {
        throw rangeTooLong(start, end, days, MAX_INSIGHTS_DAYS, error);
      }
      throw error;
    }
  }

  private async getInvoiceFile(invoiceUuid: string, kind: keyof typeof FILE_TYPES, call: CallOptions): Promise<InvoiceFile> {
    const response: ApiResponse<Buffer> = await this.http.getBytes(invoicePath(invoiceUuid, kind), call);
    const type = FILE_TYPES[kind];
    if (!type.accepts.test(response.contentType.trim())) {
      throw new ApiError(
        'invalidResponse',
        l10n.t('The DigitalOcean API sent {0} instead of the invoice {1}.', response.contentType || l10n.t('a response without a content type'), type.label),
        { status: response.status, requestId: response.header('x-request-id') },
      );
    }
    return {
      bytes: response.body,
      fileName: fileNameFromContentDisposition(response.header('content-disposition')),
      contentType: response.contentType,
    };
  }
}

/**
 * The path of an invoice (or one of its parts). The uuid comes from the API's own list, but is
 * still encoded and must not be '.' or '..', so it can never point at another resource.
 */
function invoicePath(invoiceUuid: string, part?: 'summary' | 'pdf' | 'csv'): string {
  if (invoiceUuid.trim() === '' || invoiceUuid === '.' || invoiceUuid === '..') {
    throw new ApiError('invalidResponse', l10n.t('The invoice has no usable identifier ("{0}").', invoiceUuid));
  }
  const path = `${INVOICES_PATH}/${encodeURIComponent(invoiceUuid)}`;
  return part ? `${path}/${part}` : path;
}
