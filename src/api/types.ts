/** An invoice as listed by GET /v2/customers/my/invoices (also the shape of the preview). */
export interface Invoice {
  readonly invoiceUuid: string;
  readonly invoiceId: string;
  /** Decimal string in USD, as sent; may be malformed, see util/money. */
  readonly amount: string;
  /** YYYY-MM as sent; may be malformed, see util/period. */
  readonly period: string;
  /** Only on the preview (the month in progress). */
  readonly updatedAt?: string;
}

export interface PageRef {
  readonly page: number;
  readonly perPage: number;
}

export interface InvoicesPage {
  readonly invoices: Invoice[];
  readonly preview?: Invoice;
  readonly total?: number;
  readonly next?: PageRef;
  /** Set when the API's next link could not be followed; paging stops with this message. */
  readonly pagingProblem?: string;
}

export interface RateLimitInfo {
  readonly remaining?: number;
  readonly resetAt?: number;
}
