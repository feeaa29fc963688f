// The API endpoints: request in, ApiResult out (no HTTP here, so faults can rework results).
import { authorize, Scope, TokenKind, TokenLists, tokenKind } from './auth';
import { FakeData } from './data';
import { downloadFileName, invoiceCsv, invoicePdf } from './downloads';
import { errorBody } from './errors';
import { checkRange, pointsBetween, teamUrn } from './insights';
import { Invoice, InvoicePreview, toListed } from './invoices';
import { paginate, Paging, parsePaging, slicePage } from './pagination';
import { buildSummary } from './summary';

export type BodyKind = 'invoices' | 'invoiceItems' | 'billingHistory' | 'balance' | 'summary' | 'insights';

/** What a paginated response was cut from, so pagination faults can recut it. */
export interface Listing {
  collection: string;
  all: readonly unknown[];
  paging: Paging;
  origin: string;
  path: string;
}

export interface JsonResult {
  type: 'json';
  status: number;
  body: Record<string, unknown>;
  /** Set on successful bodies: tells data faults which fields to corrupt. */
  kind?: BodyKind;
  listing?: Listing;
}

export interface FileResult {
  type: 'file';
  status: 200;
  contentType: string;
  fileName: string;
  bytes: Buffer;
}

export type ApiResult = JsonResult | FileResult;

export interface ApiRequest {
  method: string;
  url: URL;
  authorization?: string;
  requestId: string;
}

export interface ApiContext extends TokenLists {
  data: FakeData;
  origin: string;
}

export const API_PATHS = {
  account: '/v2/account',
  balance: '/v2/customers/my/balance',
  billingHistory: '/v2/customers/my/billing_history',
  invoices: '/v2/customers/my/invoices',
};

const INVOICE_PATH = /^\/v2\/customers\/my\/invoices\/([^/]+)(?:\/(summary|pdf|csv))?$/;
const INSIGHTS_PATH = /^\/v2\/billing\/([^/]+)\/insights\/([^/]+)\/([^/]+)$/;

export function errorResult(status: number, requestId: string, message?: string): JsonResult {
  const body = errorBody(status, requestId);
  return { type: 'json', status, body: { ...body, message: message ?? body.message } };
}

function listResult(kind: BodyKind, collection: string, all: readonly unknown[], request: ApiRequest,
  ctx: ApiContext, extra: Record<string, unknown> = {}): JsonResult {
  const paging = parsePaging(request.url.searchParams);
  const path = request.url.pathname;
  const page = paginate(all, paging, ctx.origin, path);
  const body: Record<string, unknown> = { [collection]: page.items, ...extra };
  if (page.links) {
    body.links = page.links;
  }
  body.meta = page.meta;
  return { type: 'json', status: 200, body, kind, listing: { collection, all, paging, origin: ctx.origin, path } };
}

function findInvoice(data: FakeData, key: string): Invoice | InvoicePreview | undefined {
  if (key === 'preview' || key === data.preview.invoice_uuid) {
    return data.preview;
  }
  return data.invoices.find((invoice) => invoice.invoice_uuid === key);
}

function safeDecode(component: string): string {
  try {
    return decodeURIComponent(component);
  } catch {
    return component;
  }
}

function previewListing(preview: InvoicePreview) {
  return { ...toListed(preview), updated_at: preview.updated_at };
}

function invoiceResource(invoice: Invoice | InvoicePreview, part: string | undefined, request: ApiRequest,
  ctx: ApiContext): ApiResult {
  const { account } = ctx.data;
  switch (part) {
    case 'summary':
      return { type: 'json', status: 200, kind: 'summary', body: { ...buildSummary(invoice, invoice.items, account) } };
    case 'csv':
      return {
        type: 'file', status: 200, contentType: 'text/csv; charset=utf-8',
        fileName: downloadFileName(invoice, account.account_id, 'csv'), bytes: Buffer.from(invoiceCsv(invoice.items)),
      };
    case 'pdf':
      return {
        type: 'file', status: 200, contentType: 'application/pdf',
        fileName: downloadFileName(invoice, account.account_id, 'pdf'), bytes: invoicePdf(invoice, account.user_name),
      };
    default:
      return listResult('invoiceItems', 'invoice_items', invoice.items, request, ctx);
  }
}

/** GET /v2/account: the user, and the team unless the token acts in a personal context. */
function accountResult(data: FakeData, kind: TokenKind): JsonResult {
  const team = kind === 'personal' ? {} : { team: { ...data.insights.team } };
  return { type: 'json', status: 200, body: { account: { ...data.user, ...team } } };
}

/**
 * The team's daily amounts for start..end: pages of per_page (default 20, at most 200), the
 * counts written as strings as the live API is reported to send them. An account_urn other than
 * the token's team (a personal context has none) is not found.
 */
function insightsResult(match: RegExpExecArray, request: ApiRequest, ctx: ApiContext, kind: TokenKind): JsonResult {
  const [urn, start, end] = match.slice(1).map(safeDecode);
  if (kind === 'personal' || urn !== teamUrn(ctx.data.insights.team)) {
    return errorResult(404, request.requestId);
  }
  const range = checkRange(start, end);
  if (!range.ok) {
    return errorResult(400, request.requestId, range.message);
  }
  const all = pointsBetween(ctx.data.insights, range.start, range.end);
  const paging = parsePaging(request.url.searchParams);
  const body = {
    data_points: slicePage(all, paging),
    total_items: String(all.length),
    total_pages: String(Math.ceil(all.length / paging.perPage)),
    current_page: String(paging.page),
  };
  return { type: 'json', status: 200, body, kind: 'insights', listing: { collection: 'data_points', all, paging, origin: ctx.origin, path: request.url.pathname } };
}

export function routeApi(request: ApiRequest, ctx: ApiContext): ApiResult {
  const path = request.url.pathname;
  const kind = tokenKind(request.authorization, ctx);
  const scope: Scope = path === API_PATHS.account ? 'account' : 'billing';
  const auth = authorize(kind, scope);
  if (auth !== 'ok' || kind === undefined) {
    return errorResult(auth === 'forbidden' ? 403 : 401, request.requestId);
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return errorResult(405, request.requestId);
  }
  const { data } = ctx;
  const insights = INSIGHTS_PATH.exec(path);
  if (insights) {
    return insightsResult(insights, request, ctx, kind);
  }
  switch (path) {
    case API_PATHS.account:
      return accountResult(data, kind);
    case API_PATHS.balance:
      return { type: 'json', status: 200, kind: 'balance', body: { ...data.balance } };
    case API_PATHS.billingHistory:
      return listResult('billingHistory', 'billing_history', data.billingHistory, request, ctx);
    case API_PATHS.invoices:
      return listResult('invoices', 'invoices', data.invoices.map(toListed), request, ctx,
        { invoice_preview: previewListing(data.preview) });
  }
  const match = INVOICE_PATH.exec(path);
  const invoice = match ? findInvoice(data, safeDecode(match[1])) : undefined;
  return invoice && match ? invoiceResource(invoice, match[2], request, ctx) : errorResult(404, request.requestId);
}
