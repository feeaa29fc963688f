// Data faults: a successful JSON body, reworked to be broken in one particular way while
// keeping the normal shape otherwise.
import { Fault } from './faults';
import { MONTH_NAMES } from './periods';
import { pageUrl, slicePage } from './pagination';
import { BodyKind, JsonResult } from './routes';

type Json = Record<string, unknown>;

interface Shape {
  /** The list key of paginated bodies; the records are its elements (plus `extra`). */
  collection?: string;
  /** A single object next to the list that is corrupted too (the invoice preview). */
  extra?: string;
  required: string[];
  amounts: string[];
  periods: string[];
  texts: string[];
}

const SHAPES: Record<BodyKind, Shape> = {
  invoices: {
    collection: 'invoices', extra: 'invoice_preview',
    required: ['amount', 'invoice_period'], amounts: ['amount'], periods: ['invoice_period'], texts: [],
  },
  invoiceItems: {
    collection: 'invoice_items', required: ['amount', 'product'], amounts: ['amount'],
    periods: ['start_time', 'end_time'], texts: ['description', 'group_description', 'project_name'],
  },
  billingHistory: {
    collection: 'billing_history', required: ['amount', 'date'], amounts: ['amount'], periods: ['date'],
    texts: ['description'],
  },
  balance: {
    required: ['month_to_date_usage', 'account_balance'],
    amounts: ['month_to_date_usage', 'account_balance', 'month_to_date_balance'], periods: ['generated_at'], texts: [],
  },
  summary: {
    required: ['amount', 'billing_period'], amounts: ['amount'], periods: ['billing_period'],
    texts: ['user_name', 'user_company'],
  },
  insights: {
    collection: 'data_points', required: ['total_amount', 'start_date'], amounts: ['total_amount'], periods: ['start_date'],
    texts: ['description', 'group_description'],
  },
};

/** The paging counts of the insights: what a client must not trust blindly. */
const PAGE_COUNTS = ['total_items', 'total_pages', 'current_page'];

export const HUGE_AMOUNT = '12345678901234567890.12';
export const FOREIGN_ORIGIN = 'https://evil.example.com';

/** Emoji (with ZWJ sequences), CJK, Arabic, Hebrew, a right-to-left override and a combining accent. */
export const UNICODE_SAMPLES = [
  '🚀🔥 👩‍💻 web',
  '東京サーバー 数据库 서버',
  'خادم الويب الرئيسي',
  'שרת גיבוי ראשי',
  'invoice\u202Efdp.exe',
  'cafe\u0301 👨‍👩‍👧‍👦',
];

function recordsOf(body: Json, shape: Shape): Json[] {
  if (!shape.collection) {
    return [body];
  }
  const list = body[shape.collection];
  const records = Array.isArray(list) ? [...list] as Json[] : [];
  const extra = shape.extra ? body[shape.extra] : undefined;
  return extra && typeof extra === 'object' ? [...records, extra as Json] : records;
}

/** Visits each (record, field) pair in order, numbering them; returns how many there were. */
function eachField(records: Json[], fields: string[], visit: (record: Json, field: string, n: number) => void): number {
  let n = 0;
  for (const record of records) {
    for (const field of fields.filter((f) => f in record)) {
      visit(record, field, n++);
    }
  }
  return n;
}

/** '2019-12' or '2019-12-01T00:00:00Z' becomes '2019/12' or 'December'. */
function badPeriod(value: unknown, n: number): string {
  const match = /^(\d{4})-(\d{2})/.exec(String(value));
  if (!match) {
    return 'December';
  }
  return n % 2 === 0 ? `${match[1]}/${match[2]}` : MONTH_NAMES[Number(match[2]) - 1] ?? 'December';
}

type Corruption = (body: Json, shape: Shape, result: JsonResult, fault: Fault) => boolean;

function missingFields(fault: Fault): Corruption {
  return (body, shape) => {
    if (fault.variant === 'notArray') {
      const list = shape.collection ? body[shape.collection] : undefined;
      if (!Array.isArray(list)) {
        return false;
      }
      body[shape.collection as string] = Object.fromEntries(list.map((record, i) => [String(i), record]));
      return true;
    }
    const records = recordsOf(body, shape);
    records.forEach((record, i) => {
      const dropped = shape.collection ? [shape.required[i % shape.required.length]] : shape.required;
      dropped.forEach((field) => delete record[field]);
    });
    return records.length > 0;
  };
}

function setLinks(body: Json, pages: Record<string, string>): void {
  const links = (body.links ?? { pages: {} }) as { pages: Record<string, string> };
  body.links = { ...links, pages: { ...links.pages, ...pages } };
}

const CORRUPTIONS: Partial<Record<Fault['kind'], Corruption>> = {
  badAmounts: (body, shape) =>
    eachField(recordsOf(body, shape), shape.amounts, (record, field, n) => {
      if (n % 3 !== 2) {
        record[field] = n % 3 === 0 ? null : 'abc';
      }
    }) > 0,
  hugeAmount: (body, shape) => {
    const [first] = recordsOf(body, shape).filter((record) => shape.amounts[0] in record);
    if (first) {
      first[shape.amounts[0]] = HUGE_AMOUNT;
    }
    return first !== undefined;
  },
  badPeriod: (body, shape) =>
    eachField(recordsOf(body, shape), shape.periods, (record, field, n) => {
      record[field] = badPeriod(record[field], n);
    }) > 0,
  unicode: (body, shape) =>
    eachField(recordsOf(body, shape), shape.texts, (record, field, n) => {
      record[field] = `${UNICODE_SAMPLES[n % UNICODE_SAMPLES.length]} ${String(record[field] ?? '')}`.trimEnd();
    }) > 0,
  foreignNext: (body, _shape, { listing }, fault) => {
    if (!listing) {
      return false;
    }
    setLinks(body, { next: pageUrl(fault.origin ?? FOREIGN_ORIGIN, listing.path, listing.paging.page + 1, listing.paging.perPage) });
    return true;
  },
  stuckNext: (body, _shape, { listing }) => {
    if (!listing) {
      return false;
    }
    setLinks(body, { next: pageUrl(listing.origin, listing.path, listing.paging.page, listing.paging.perPage) });
    return true;
  },
  repeatPage: (body, _shape, { listing }) => {
    if (!listing || listing.paging.page < 2) {
      return false;
    }
    const previous = { ...listing.paging, page: listing.paging.page - 1 };
    body[listing.collection] = structuredClone(slicePage(listing.all, previous));
    return true;
  },
  noLinks: (body) => 'links' in body && delete body.links,
  badPageCounts: (body) => {
    if (!PAGE_COUNTS.some((field) => field in body)) {
      return false;
    }
    Object.assign(body, { total_items: null, total_pages: 'several' });
    delete body.current_page;
    return true;
  },
};

/** The result with `fault` applied, or undefined when the fault cannot apply to it. */
export function corrupt(fault: Fault, result: JsonResult): JsonResult | undefined {
  const corruption = fault.kind === 'missingFields' ? missingFields(fault) : CORRUPTIONS[fault.kind];
  if (!corruption || !result.kind || result.status !== 200) {
    return undefined;
  }
  const body = structuredClone(result.body);
  return corruption(body, SHAPES[result.kind], result, fault) ? { ...result, body } : undefined;
}
