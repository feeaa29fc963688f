// Scriptable faults: what they are, and the queue that hands them to matching requests.

export const FAULT_KINDS = [
  'status', 'reset', 'hang', 'drip', 'truncated', 'html', 'wrongContentType', 'missingFields',
  'badAmounts', 'hugeAmount', 'badPeriod', 'unicode', 'foreignNext', 'stuckNext', 'repeatPage', 'noLinks',
  'badPageCounts',
] as const;

export type FaultKind = typeof FAULT_KINDS[number];

/**
 * A fault applies to the next API request(s) whose path starts with `path`, `times` times.
 *
 * Transport faults (any endpoint, checked before authentication):
 * - status: answers `status` (default 500) with a spec error body {id, message, request_id} or `body`;
 *   a 429 also says ratelimit-remaining: 0 unless `headers` say otherwise.
 * - reset: destroys the socket (TCP reset) without answering.
 * - hang: never answers; close() ends the connection.
 * - drip: the normal response, headers at once, then `dripBytes` bytes every `dripMs`.
 * - truncated: the normal status and headers, the first half of the body, then a clean end.
 * - html: `status` (default 502) with a text/html proxy error page.
 * - wrongContentType: 200, text/plain, body 'OK'.
 *
 * Data faults rework a successful JSON body and otherwise keep it real; a data fault that cannot
 * apply to a response (an error, a download, a body without such fields) waits for the next one:
 * - missingFields: list records alternately lose amount / period (invoices), amount / product (items),
 *   amount / date (history), the preview its amount; balance and summary lose their amounts
 *   (summary: also billing_period). variant 'notArray' turns the list into an object keyed '0', '1'...
 * - badAmounts: amounts in turn null, 'abc', unchanged.
 * - hugeAmount: the first amount becomes '12345678901234567890.12'.
 * - badPeriod: periods and dates in turn like '2019/12' and 'December'.
 * - unicode: descriptions (items, history, summary names) prefixed with emoji, CJK, Arabic,
 *   Hebrew and U+202E text; the invoices list has no such text, so it is skipped.
 * - foreignNext: links.pages.next on `origin` (default https://evil.example.com), same path, next page.
 * - stuckNext: links.pages.next is the page just requested.
 * - repeatPage: page N (>= 2) holds the records of page N-1, links and meta unchanged.
 * - noLinks: links removed although more pages exist.
 * - badPageCounts: the insights' total_items becomes null, total_pages 'several', current_page goes.
 *
 * The insights (GET /v2/billing/.../insights/...) take missingFields (total_amount / start_date),
 * badAmounts, hugeAmount, badPeriod (start_date), unicode (description, group_description),
 * repeatPage and badPageCounts; `path` '/v2/billing/do:team:<uuid>/insights/<start>' hits one window.
 */
export interface Fault {
  kind: FaultKind;
  /** Only requests whose pathname starts with this (default: any API path). */
  path?: string;
  /** Only requests for this page (the `page` query parameter; page 1 when there is none). */
  page?: number;
  /** How many matching requests it applies to (default: unlimited). */
  times?: number;
  /** For 'status' (default 500) and 'html' (default 502). */
  status?: number;
  /** Extra response headers, e.g. {'retry-after': '2'}. */
  headers?: Record<string, string>;
  /** For 'status': JSON body instead of the spec-shaped error body. */
  body?: unknown;
  /** For 'drip': delay between chunks (default 200). */
  dripMs?: number;
  /** For 'drip': bytes per chunk (default 16). */
  dripBytes?: number;
  /** For 'missingFields': 'fields' (default) drops fields from records; 'notArray' turns the list into an object. */
  variant?: 'fields' | 'notArray';
  /** For 'foreignNext': the foreign origin the next link names (default https://evil.example.com). */
  origin?: string;
}

/** Faults that replace or break the HTTP exchange itself; they apply to any endpoint. */
const TRANSPORT_KINDS: ReadonlySet<FaultKind> = new Set<FaultKind>(
  ['status', 'reset', 'hang', 'drip', 'truncated', 'html', 'wrongContentType'],
);

export function isTransportFault(kind: FaultKind): boolean {
  return TRANSPORT_KINDS.has(kind);
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return typeof value === 'object' && value !== null && Object.values(value).every((v) => typeof v === 'string');
}

const isOptional = (value: unknown, check: (v: unknown) => boolean) => value === undefined || check(value);
const isPositiveInteger = (v: unknown) => Number.isInteger(v) && (v as number) > 0;

/** Checks a fault received over HTTP; throws with a readable message when it is malformed. */
export function parseFault(value: unknown): Fault {
  const fault = value as Fault;
  const problems = [
    typeof value !== 'object' || value === null ? 'a fault must be an object' : '',
    !FAULT_KINDS.includes(fault?.kind) ? `kind must be one of ${FAULT_KINDS.join(', ')}` : '',
    !isOptional(fault?.path, (v) => typeof v === 'string') ? 'path must be a string' : '',
    !isOptional(fault?.times, isPositiveInteger) ? 'times must be a positive integer' : '',
    !isOptional(fault?.page, isPositiveInteger) ? 'page must be a positive integer' : '',
    !isOptional(fault?.status, (v) => Number.isInteger(v) && (v as number) >= 100 && (v as number) <= 599)
      ? 'status must be an HTTP status' : '',
    !isOptional(fault?.headers, isStringRecord) ? 'headers must map names to strings' : '',
    !isOptional(fault?.dripMs, (v) => Number.isInteger(v) && (v as number) >= 0) ? 'dripMs must be an integer >= 0' : '',
    !isOptional(fault?.dripBytes, isPositiveInteger) ? 'dripBytes must be a positive integer' : '',
    !isOptional(fault?.origin, (v) => typeof v === 'string') ? 'origin must be a string' : '',
    !isOptional(fault?.variant, (v) => v === 'fields' || v === 'notArray') ? "variant must be 'fields' or 'notArray'" : '',
  ].filter(Boolean);
  if (problems.length > 0) {
    throw new Error(problems.join('; '));
  }
  return fault;
}

interface Pending {
  fault: Fault;
  remaining: number;
}

export class FaultQueue {
  private pending: Pending[] = [];

  add(fault: Fault): void {
    this.pending.push({ fault: { ...fault }, remaining: fault.times ?? Infinity });
  }

  clear(): void {
    this.pending = [];
  }

  /** Faults still waiting, with how many uses are left (null = unlimited). */
  list(): Array<Fault & { remaining: number | null }> {
    return this.pending.map(({ fault, remaining }) => ({ ...fault, remaining: Number.isFinite(remaining) ? remaining : null }));
  }

  /**
   * Uses up the first fault whose path matches and for which `attempt` returns something
   * (a fault that cannot apply to this response is left for a later request).
   */
  take<T>(url: URL, attempt: (fault: Fault) => T | undefined): { fault: Fault; outcome: T } | undefined {
    const page = Number(url.searchParams.get('page') ?? '1');
    for (const entry of this.pending) {
      if (entry.fault.path !== undefined && !url.pathname.startsWith(entry.fault.path)) {
        continue;
      }
      if (entry.fault.page !== undefined && entry.fault.page !== page) {
        continue;
      }
      const outcome = attempt(entry.fault);
      if (outcome === undefined) {
        continue;
      }
      entry.remaining -= 1;
      this.pending = this.pending.filter((p) => p.remaining > 0);
      return { fault: entry.fault, outcome };
    }
    return undefined;
  }
}
