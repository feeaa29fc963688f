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

/** One line of an invoice (GET /v2/customers/my/invoices/{uuid}); text fields as sent, '' when absent. */
export interface InvoiceItem {
  /** Product name; '' when the API left it out. */
  readonly product: string;
  readonly resourceUuid?: string;
  readonly resourceId?: string;
  readonly groupDescription: string;
  readonly description: string;
  /** Decimal string in USD, as sent; may be malformed, see util/money. */
  readonly amount: string;
  readonly duration: string;
  readonly durationUnit: string;
  readonly startTime: string;
  readonly endTime: string;
  readonly projectName: string;
}

export interface InvoiceItemsPage {
  readonly items: InvoiceItem[];
  readonly total?: number;
  readonly next?: PageRef;
  readonly pagingProblem?: string;
}

/** A named amount of the invoice summary (overages, taxes, credits and adjustments). */
export interface Charge {
  readonly name: string;
  /** Decimal string in USD, as sent. */
  readonly amount: string;
}

export interface ProductCharge extends Charge {
  /** How many times the charge applied, as sent (a decimal string). */
  readonly count: string;
}

export interface BillingAddress {
  readonly addressLine1: string;
  readonly addressLine2: string;
  readonly city: string;
  readonly region: string;
  readonly postalCode: string;
  readonly countryIso2Code: string;
}

/** GET /v2/customers/my/invoices/{uuid}/summary. Absent sections are undefined. */
export interface InvoiceSummary {
  readonly invoiceUuid: string;
  readonly invoiceId: string;
  /** YYYY-MM as sent; may be malformed. */
  readonly billingPeriod: string;
  readonly amount: string;
  readonly userName: string;
  readonly userCompany: string;
  readonly userEmail: string;
  readonly billingAddress?: BillingAddress;
  readonly productCharges?: Charge & { readonly items: readonly ProductCharge[] };
  readonly overages?: Charge;
  readonly taxes?: Charge;
  readonly creditsAndAdjustments?: Charge;
}

/** A downloaded invoice file (PDF or CSV). */
export interface InvoiceFile {
  readonly bytes: Buffer;
  /** From content-disposition, made safe as a file name; undefined when absent or unusable. */
  readonly fileName?: string;
  readonly contentType: string;
}

/** GET /v2/customers/my/balance; amounts are decimal strings as sent. */
export interface Balance {
  readonly monthToDateBalance: string;
  readonly accountBalance: string;
  readonly monthToDateUsage: string;
  readonly generatedAt: string;
}

/** One entry of GET /v2/customers/my/billing_history. */
export interface BillingHistoryEntry {
  /** ISO date-time as sent. */
  readonly date: string;
  /** Invoice, Payment, Credit, Refund, … as sent. */
  readonly type: string;
  readonly description: string;
  /** Decimal string in USD as sent: payments and credits are negative. */
  readonly amount: string;
  readonly invoiceId?: string;
  readonly invoiceUuid?: string;
}

export interface BillingHistoryPage {
  readonly entries: BillingHistoryEntry[];
  readonly total?: number;
  readonly next?: PageRef;
  readonly pagingProblem?: string;
}

/** The team a token acts for (GET /v2/account, `account.team`). */
export interface Team {
  /** As sent: 40 hex digits or a dashed UUID, both seen from DigitalOcean. */
  readonly uuid: string;
  readonly name: string;
  /** `do:team:<uuid>`: the `account_urn` of the billing insights. */
  readonly urn: string;
}

/** GET /v2/account (scope account:read): who the token belongs to; text as sent, '' when absent. */
export interface AccountInfo {
  readonly uuid: string;
  readonly email: string;
  readonly status: string;
  /** Absent in a personal context: the token acts for a user outside any team. */
  readonly team?: Team;
}

/** One daily amount of GET /v2/billing/{account_urn}/insights/{start_date}/{end_date}. */
export interface InsightsDataPoint {
  /** The day, YYYY-MM-DD (checked: a record without a readable day is not a data point). */
  readonly day: string;
  /** Decimal string in USD, as sent; may be malformed, see util/money. */
  readonly amount: string;
  readonly region: string;
  readonly sku: string;
  readonly description: string;
  readonly groupDescription: string;
  readonly usageTeamUrn: string;
}

export interface InsightsPage {
  readonly dataPoints: InsightsDataPoint[];
  /** Undefined when absent or not a whole number (sent as a number or, by the live API, as a string). */
  readonly totalItems?: number;
  readonly totalPages?: number;
  readonly currentPage?: number;
  /** Records left out because they cannot be placed on a day (user-facing text, one per kind). */
  readonly problems: string[];
  /** How many records were left out. */
  readonly leftOut: number;
}
