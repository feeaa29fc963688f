// The fault and security matrix: every fault of the issue, through the real client, state
// store and cache, against the fake DigitalOcean API on loopback. For each fault it checks: no
// crash, a clear message, data already shown kept, a bounded number of requests, no request to
// any host but the configured API, and the token nowhere (log lines, globalState, messages,
// the text the views would show). Prints one summary line at the end.
import * as assert from 'assert';
import { DigitalOceanClient } from '../../src/api/client';
import { daysFrom } from '../../src/api/days';
import { ApiError, ApiErrorKind } from '../../src/api/errors';
import { noTeam } from '../../src/api/parseInsights';
import { Transport, nodeTransport } from '../../src/api/transport';
import { Invoice } from '../../src/api/types';
import { AccountCache } from '../../src/storage/accountCache';
import { BalanceSnapshot, BalanceState } from '../../src/balance/balanceState';
import { makeSession } from '../support/sessionHarness';
import { GROUP_BY, groupLineItems, groupName } from '../../src/lineItems/itemGroups';
import { createInvoiceList, InvoiceSnapshot } from '../../src/invoices/invoiceList';
import { LineItemsResult, loadLineItems } from '../../src/lineItems/lineItemsLoader';
import { recordAlerts } from '../../src/insights/alertLedger';
import { DEFAULT_ALERT_SETTINGS, evaluateAlerts } from '../../src/insights/alerts';
import { alertMessage } from '../../src/insights/alertText';
import { fetchInsights, InsightsResult, retryInsights } from '../../src/insights/fetchInsights';
import { dailySpend, GroupBy, groupSpend } from '../../src/insights/spend';
import { DayRange, lastDays, splitIntoWindows } from '../../src/insights/windows';
import { formatAmount, formatCents } from '../../src/util/money';
import { formatDateTime, formatPeriod } from '../../src/util/period';
import {
  FAKE_TOKEN, FAKE_TOKEN_PERSONAL, FAKE_TOKEN_WITHOUT_ACCOUNT_SCOPE, FakeDoApi, Fault, HUGE_AMOUNT, teamUrn, UNICODE_SAMPLES,
} from '../fake-api/server';
import { makeClient, memoryStore } from '../support/clientHarness';

const INVOICES = '/v2/customers/my/invoices';
const PAGE_SIZE = 10;
const TIMEOUT_MS = 1_000;
/** Tries per request (the client's default) × the two requests of a refresh. */
const MAX_REFRESH_REQUESTS = 2 * 3;
/** What a view must never show for a value it could not read. */
const GARBLED = /\bundefined\b|\bNaN\b|\bnull\b|\[object |Invalid Date/;
/** Bidirectional overrides and isolates: they can make a label read differently from its text. */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/;

type Action = 'refresh' | 'loadMore' | 'lineItems';

interface Outcome {
  readonly snapshot: InvoiceSnapshot;
  readonly before: InvoiceSnapshot;
  readonly items?: LineItemsResult;
  readonly shown: string[];
  readonly notices: string[];
  readonly sleeps: readonly number[];
  readonly maxInFlight: number;
}

interface FaultCase {
  readonly name: string;
  /** Added after the first (clean) refresh, before `action`. */
  readonly faults: (ctx: { foreign: string; now: number }) => Fault[];
  readonly action: Action;
  /** An error the view shows (with a message matching `message`), or undefined when the load succeeds. */
  readonly error?: ApiErrorKind;
  readonly message?: RegExp;
  /** How many times the action runs (default 1). */
  readonly times?: number;
  /** Requests the action may make at most. */
  readonly maxRequests: number;
  /** The token as the state gets it (default FAKE_TOKEN). */
  readonly token?: string;
  /** Run against the fake whose rate limit is used up. */
  readonly lowRateLimit?: boolean;
  readonly check?: (outcome: Outcome) => void;
}

const status = (code: number, extra: Partial<Fault> = {}): Fault => ({ kind: 'status', status: code, ...extra });

const CASES: FaultCase[] = [
  { name: '401', faults: () => [status(401)], action: 'refresh', error: 'unauthorized', message: /rejected the API token \(401/, maxRequests: 2 },
  { name: '403', faults: () => [status(403)], action: 'refresh', error: 'forbidden', message: /billing:read/, maxRequests: 2 },
  { name: '404', faults: () => [status(404)], action: 'refresh', error: 'notFound', message: /404 Not Found/, maxRequests: 2 },
  {
    name: '429 with retry-after', faults: () => [status(429, { headers: { 'retry-after': '7' } })], action: 'refresh',
    error: 'rateLimited', message: /rate limit was reached; try again after/, maxRequests: MAX_REFRESH_REQUESTS,
    check: ({ sleeps, notices }) => {
      assert.ok(sleeps.length > 0 && sleeps.every((ms) => ms === 7000), `waited as retry-after says: ${sleeps.join()}`);
      assert.match(notices[0] ?? '', /Rate limited by DigitalOcean; retrying in 7 s/);
    },
  },
  {
    name: '429 with only ratelimit-reset',
    faults: ({ now }) => [status(429, { headers: { 'ratelimit-remaining': '0', 'ratelimit-reset': String(Math.floor(now / 1000) + 12) } })],
    action: 'refresh', error: 'rateLimited', message: /try again after/, maxRequests: MAX_REFRESH_REQUESTS,
    check: ({ sleeps }) => {
      assert.ok(sleeps[0] > 10_000 && sleeps[0] <= 12_000, `waited until the reset: ${sleeps.join()}`);
      // Once the reset has passed, it no longer says when to come back: back off, never retry at once.
      assert.ok(sleeps.every((ms) => ms >= 500), `no immediate retries: ${sleeps.join()}`);
    },
  },
  {
    name: 'ratelimit-remaining at 0', faults: () => [], action: 'lineItems', lowRateLimit: true, maxRequests: 5,
    check: ({ items, maxInFlight }) => {
      assert.ok(items?.complete, 'every page loaded');
      assert.strictEqual(maxInFlight, 1, 'one request at a time once the quota is used up');
    },
  },
  { name: '500', faults: () => [status(500)], action: 'refresh', error: 'server', message: /server error \(HTTP 500\)/, maxRequests: MAX_REFRESH_REQUESTS },
  {
    name: '502 with an HTML body', faults: () => [{ kind: 'html', status: 502 }], action: 'refresh', error: 'server',
    message: /HTTP 502.*text\/html, not JSON/, maxRequests: MAX_REFRESH_REQUESTS,
    check: ({ snapshot }) => assert.ok(!/<html|cloudflare/i.test(snapshot.error?.message ?? ''), 'no markup in the message'),
  },
  { name: '503', faults: () => [status(503)], action: 'refresh', error: 'server', message: /HTTP 503/, maxRequests: MAX_REFRESH_REQUESTS },
  { name: '504', faults: () => [status(504)], action: 'refresh', error: 'server', message: /HTTP 504/, maxRequests: MAX_REFRESH_REQUESTS },
  {
    name: 'connection reset', faults: () => [{ kind: 'reset' }], action: 'refresh', error: 'network',
    message: /Could not reach the DigitalOcean API at 127\.0\.0\.1:\d+ \(ECONNRESET\)/, maxRequests: MAX_REFRESH_REQUESTS,
  },
  { name: 'hung connection', faults: () => [{ kind: 'hang' }], action: 'refresh', error: 'timeout', message: /did not answer within/, maxRequests: 2 },
  {
    name: 'slow drip of bytes', faults: () => [{ kind: 'drip', dripMs: 300, dripBytes: 8 }], action: 'refresh', error: 'timeout',
    message: /did not answer within/, maxRequests: 2,
  },
  { name: 'truncated JSON', faults: () => [{ kind: 'truncated' }], action: 'refresh', error: 'invalidResponse', message: /invalid response \(HTTP 200, application\/json[^)]*\): the JSON could not be read/, maxRequests: 2 },
  { name: 'wrong content type', faults: () => [{ kind: 'wrongContentType' }], action: 'refresh', error: 'invalidResponse', message: /text\/plain\) instead of JSON/, maxRequests: 2 },
  {
    name: 'missing fields', faults: () => [{ kind: 'missingFields', path: INVOICES, times: 1 }], action: 'refresh', maxRequests: 2,
    check: ({ snapshot }) => {
      assert.strictEqual(snapshot.items.length, PAGE_SIZE, 'every invoice kept');
      assert.ok(snapshot.items.some((invoice) => invoice.amount === '') && snapshot.items.some((invoice) => invoice.period === ''));
      assert.ok(shownInvoices(snapshot).some((text) => text.includes('—')), 'a dash for what is missing');
    },
  },
  {
    name: 'null and non-numeric amounts', faults: () => [{ kind: 'badAmounts', path: INVOICES, times: 1 }], action: 'refresh', maxRequests: 2,
    check: ({ snapshot }) => {
      const amounts = snapshot.items.map((invoice) => formatAmount(invoice.amount, 'en'));
      assert.ok(amounts.includes('—') && amounts.includes('abc') && amounts.some((amount) => amount.startsWith('$')), amounts.join());
    },
  },
  {
    name: 'a 20-digit amount', faults: () => [{ kind: 'hugeAmount', path: INVOICES, times: 1 }], action: 'refresh', maxRequests: 2,
    check: ({ snapshot }) => {
      assert.strictEqual(snapshot.items[0].amount, HUGE_AMOUNT);
      assert.strictEqual(formatAmount(snapshot.items[0].amount, 'en'), '$12,345,678,901,234,567,890.12', 'exact, no float rounding');
    },
  },
  {
    name: 'a period that is not YYYY-MM', faults: () => [{ kind: 'badPeriod', path: INVOICES, times: 1 }], action: 'refresh', maxRequests: 2,
    check: ({ snapshot }) => {
      const labels = snapshot.items.map((invoice) => formatPeriod(invoice.period, 'en'));
      assert.ok(labels.some((label) => /^\d{4}\/\d{2}$/.test(label)) && labels.some((label) => /^[A-Z][a-z]+$/.test(label)), labels.join());
    },
  },
  {
    name: 'unicode and right-to-left text in descriptions', faults: () => [{ kind: 'unicode' }], action: 'lineItems', maxRequests: 5,
    check: ({ items, shown }) => {
      assert.ok(items?.complete);
      const text = shown.join('\n');
      for (const sample of ['🚀🔥 👩‍💻 web', '東京サーバー', 'خادم الويب الرئيسي', 'שרת גיבוי ראשי', 'cafe\u0301']) {
        assert.ok(text.includes(sample), `kept as sent: ${sample}`);
      }
      assert.ok(!BIDI_CONTROLS.test(text), 'no bidi override reaches a label: "invoice\\u202Efdp.exe" must not read as "invoiceexe.pdf"');
    },
  },
  {
    name: 'a next link to a foreign host', faults: ({ foreign }) => [{ kind: 'foreignNext', origin: foreign, path: INVOICES, times: 1 }],
    action: 'loadMore', times: 2, maxRequests: 2,
    check: ({ snapshot, before }) => assert.strictEqual(snapshot.items.length, before.items.length + 2 * PAGE_SIZE, 'pages 2 and 3 came from the configured API'),
  },
  {
    name: 'a next link that does not advance', faults: () => [{ kind: 'stuckNext', path: INVOICES }], action: 'loadMore', maxRequests: 1,
    check: ({ snapshot }) => {
      assert.match(snapshot.pagingProblem ?? '', /does not advance \(page 2 links to page 2\); loading stopped/);
      assert.strictEqual(snapshot.next, undefined, 'no further Load more');
    },
  },
  {
    name: 'a page repeating the invoices of the previous one', faults: () => [{ kind: 'repeatPage', path: INVOICES }], action: 'loadMore', maxRequests: 1,
    check: ({ snapshot, before }) => {
      assert.deepStrictEqual(snapshot.items, before.items, 'nothing counted twice');
      assert.match(snapshot.pagingProblem ?? '', /no new invoices; loading stopped/);
      assert.strictEqual(snapshot.next, undefined);
    },
  },
  {
    name: 'a token with surrounding whitespace', token: `  ${FAKE_TOKEN} `, faults: () => [], action: 'refresh', maxRequests: 2,
    check: ({ snapshot }) => assert.strictEqual(snapshot.items.length, PAGE_SIZE),
  },
  {
    name: 'a token with a trailing newline', token: `${FAKE_TOKEN}\r\n`, faults: () => [], action: 'refresh', maxRequests: 2,
    check: ({ snapshot }) => assert.strictEqual(snapshot.items.length, PAGE_SIZE),
  },
];

/** What the tree would show for the invoices: labels, descriptions and tooltip values. */
function shownInvoices(snapshot: InvoiceSnapshot): string[] {
  const invoice = (value: Invoice, inProgress: boolean) => [
    formatPeriod(value.period, 'en'), formatAmount(value.amount, 'en'), value.period, value.invoiceId, value.invoiceUuid,
    formatDateTime(value.updatedAt, 'en') ?? '', inProgress ? 'in progress' : '',
  ];
  return [
    ...snapshot.items.flatMap((value) => invoice(value, false)),
    ...(snapshot.preview ? invoice(snapshot.preview, true) : []),
  ];
}

/** Everything the views would show: tree rows, status bar and error rows. */
function shownText(snapshot: InvoiceSnapshot, balanceSnapshot: BalanceSnapshot, items?: LineItemsResult): string[] {
  const balance = balanceSnapshot.balance;
  const lines = [
    ...shownInvoices(snapshot),
    snapshot.error?.message ?? '', balanceSnapshot.error?.message ?? '', snapshot.pagingProblem ?? '', snapshot.retryNotice ?? '',
    ...(balance ? [balance.monthToDateBalance, balance.monthToDateUsage, balance.accountBalance].map((amount) => formatAmount(amount, 'en')) : []),
  ];
  if (items) {
    lines.push(...items.problems, ...items.failed.map((failure) => failure.message));
    for (const by of GROUP_BY) {
      for (const group of groupLineItems(items.items, by).groups) {
        lines.push(groupName(group.key, by), formatCents(group.subtotalCents, 'en'));
      }
    }
    for (const item of items.items) {
      // The label, then what the tooltip adds.
      lines.push(item.description || item.groupDescription || item.product || '(no description)', formatAmount(item.amount, 'en'));
      lines.push(item.product, item.description, item.groupDescription, item.projectName);
    }
  }
  return lines.filter((line) => line !== '');
}

/** What the daily-spend load brought: the error of the whole load, or the windows' result. */
interface InsightsOutcome {
  readonly before: InsightsResult;
  readonly error?: ApiError;
  readonly result?: InsightsResult;
  readonly shown: string[];
  readonly sleeps: readonly number[];
  readonly maxInFlight: number;
}

interface InsightsCase {
  readonly name: string;
  /** Added after a clean first load; `windowPath(start)` names one window's requests. */
  readonly faults: (ctx: { windowPath: (start: string) => string }) => Fault[];
  /** The token of the load under the fault (the first load always has FAKE_TOKEN). */
  readonly token?: string;
  readonly lowRateLimit?: boolean;
  /** The error of the whole load (the account call, or what every window failed with). */
  readonly error?: ApiErrorKind;
  readonly message?: RegExp;
  /** How many windows fail (every one when `error` is set and the account call worked). */
  readonly failedWindows?: number;
  readonly maxRequests: number;
  readonly check?: (outcome: InsightsOutcome) => void;
}

/** The days of the insights cases: 40 days are 2 windows (31 + 9) of several pages. */
const INSIGHTS_DAYS = 40;
const BILLING = '/v2/billing/';
const insightsCase = (name: string, extra: Omit<InsightsCase, 'name'>): InsightsCase => ({ name: `insights: ${name}`, ...extra });

const INSIGHTS_CASES: InsightsCase[] = [
  insightsCase('403 on /v2/account (no account:read)', {
    token: FAKE_TOKEN_WITHOUT_ACCOUNT_SCOPE, faults: () => [], error: 'missingScope', message: /account:read.*control panel \(API → Tokens\)/, maxRequests: 1,
  }),
  insightsCase('a personal context without a team', { token: FAKE_TOKEN_PERSONAL, faults: () => [], error: 'noTeam', message: /names no team/, maxRequests: 1 }),
  insightsCase('401', { faults: () => [status(401)], error: 'unauthorized', message: /rejected the API token \(401/, maxRequests: 1 }),
  insightsCase('403 on the insights (no billing:read)', {
    faults: () => [status(403, { path: BILLING })], error: 'forbidden', message: /billing:read/, maxRequests: 1 + 4,
  }),
  insightsCase('the 31-day rule answered with a 400', {
    faults: () => [status(400, { path: BILLING, body: { id: 'bad_request', message: 'end_date must be within 31 days of start_date', request_id: 'r' } })],
    error: 'rangeTooLong', message: /at most 31 days at a time.*The API said/, maxRequests: 1 + 4,
  }),
  insightsCase('429 with retry-after', {
    faults: () => [status(429, { path: BILLING, headers: { 'retry-after': '7' } })], error: 'rateLimited', message: /try again after/, maxRequests: 1 + 4 * 3,
    check: ({ sleeps }) => assert.ok(sleeps.length > 0 && sleeps.every((ms) => ms === 7000), `waited as retry-after says: ${sleeps.join()}`),
  }),
  insightsCase('500 on one window: its days named, Retry completes it', {
    faults: ({ windowPath }) => [status(500, { path: windowPath('second') })], failedWindows: 1, maxRequests: 1 + 8 + 4 * 3,
    check: ({ result }) => {
      assert.match(result?.failed[0].message ?? '', /server error \(HTTP 500\)/);
      assert.strictEqual(result?.missingDays.length, 9, 'the second window\'s 9 days');
    },
  }),
  insightsCase('502 with an HTML body', {
    faults: () => [{ kind: 'html', status: 502, path: BILLING }], error: 'server', message: /HTTP 502.*text\/html, not JSON/, maxRequests: 1 + 4 * 3,
  }),
  insightsCase('connection reset', { faults: () => [{ kind: 'reset', path: BILLING }], error: 'network', message: /ECONNRESET/, maxRequests: 1 + 4 * 3 }),
  insightsCase('hung connection on one page', {
    faults: ({ windowPath }) => [{ kind: 'hang', path: windowPath('first'), page: 1, times: 1 }], failedWindows: 1, maxRequests: 1 + 8,
    check: ({ result }) => assert.match(result?.failed[0].message ?? '', /did not answer within/),
  }),
  insightsCase('truncated JSON', {
    faults: ({ windowPath }) => [{ kind: 'truncated', path: windowPath('first'), page: 1, times: 1 }], failedWindows: 1, maxRequests: 1 + 8,
    check: ({ result }) => assert.match(result?.failed[0].message ?? '', /the JSON could not be read/),
  }),
  insightsCase('wrong content type', {
    faults: ({ windowPath }) => [{ kind: 'wrongContentType', path: windowPath('second'), times: 1 }], failedWindows: 1, maxRequests: 1 + 8,
  }),
  insightsCase('missing fields', {
    faults: () => [{ kind: 'missingFields', path: BILLING }], maxRequests: 1 + 8,
    check: ({ result }) => {
      assert.ok(result?.problems.some((problem) => /data points have no readable day \(start_date\) and are not counted/.test(problem)), result?.problems.join('\n'));
      assert.ok(result && dailySpend(result).unreadable > 0, 'points without an amount are counted as unreadable');
    },
  }),
  insightsCase('null and non-numeric amounts', {
    faults: () => [{ kind: 'badAmounts', path: BILLING }], maxRequests: 1 + 8,
    check: ({ result }) => assert.ok(result && dailySpend(result).unreadable > 0),
  }),
  insightsCase('a 20-digit amount', {
    faults: ({ windowPath }) => [{ kind: 'hugeAmount', path: windowPath('first'), page: 1, times: 1 }], maxRequests: 1 + 8,
    check: ({ result, shown }) => {
      assert.ok(result?.dataPoints.some((point) => point.amount === HUGE_AMOUNT));
      assert.ok(shown.some((text) => /^\$12,345,678,901,234,5\d\d,\d{3}\.\d{2}$/.test(text)), 'summed and shown exactly');
    },
  }),
  insightsCase('a date that is not YYYY-MM-DD', {
    faults: ({ windowPath }) => [{ kind: 'badPeriod', path: windowPath('second'), page: 1, times: 1 }], maxRequests: 1 + 8,
    check: ({ result }) => assert.ok(result?.problems.some((problem) => /have no readable day/.test(problem)), 'left out and named'),
  }),
  insightsCase('unicode and right-to-left text in descriptions', {
    faults: () => [{ kind: 'unicode', path: BILLING }], maxRequests: 1 + 8,
    check: ({ shown }) => {
      const text = shown.join('\n');
      for (const sample of UNICODE_SAMPLES.filter((sample) => !BIDI_CONTROLS.test(sample))) {
        assert.ok(text.includes(sample), `kept as sent: ${sample}`);
      }
      assert.ok(!BIDI_CONTROLS.test(text), 'no bidi override reaches a label');
    },
  }),
  insightsCase('page counts that cannot be read', {
    faults: () => [{ kind: 'badPageCounts', path: BILLING }], maxRequests: 1 + 12,
    check: ({ result, before }) => assert.deepStrictEqual(result?.dataPoints, before.dataPoints, 'followed page by page to the end'),
  }),
  insightsCase('a page repeating the previous one', {
    faults: ({ windowPath }) => [{ kind: 'repeatPage', path: windowPath('first'), page: 2, times: 1 }], maxRequests: 1 + 8,
    check: ({ result }) => assert.ok(result?.problems.some((problem) => /same daily spend for page 2/.test(problem))),
  }),
  insightsCase('page counts sent as strings, as the live API does', {
    faults: () => [], maxRequests: 1 + 8,
    check: ({ result, before }) => assert.deepStrictEqual(result?.dataPoints, before.dataPoints),
  }),
  insightsCase('ratelimit-remaining at 0', {
    faults: () => [], lowRateLimit: true, maxRequests: 1 + 8,
    check: ({ maxInFlight, result }) => {
      assert.ok(result?.complete);
      assert.strictEqual(maxInFlight, 1, 'one request at a time once the quota is used up');
    },
  }),
  insightsCase('a token with a trailing newline', { token: `${FAKE_TOKEN}\r\n`, faults: () => [], maxRequests: 1 + 8 }),
];

/** Account, team, then the windows: the load Daily Spend makes. Only ApiErrors are outcomes; anything else fails the case. */
async function loadDailySpend(client: DigitalOceanClient, token: string, range: DayRange): Promise<{ error?: ApiError; result?: InsightsResult }> {
  try {
    const account = await client.getAccount({ token });
    if (!account.team) {
      throw noTeam();
    }
    return { result: await fetchInsights(account.team.urn, range, { client, call: { token } }) };
  } catch (error) {
    if (error instanceof ApiError) {
      return { error };
    }
    throw error;
  }
}

/** Everything Daily Spend would show: errors, days, groups, alerts. */
function shownInsights(error: ApiError | undefined, result: InsightsResult | undefined): string[] {
  const lines = [error?.message ?? ''];
  if (result) {
    lines.push(...result.problems, ...result.failed.map((failure) => failure.message));
    const daily = dailySpend(result);
    lines.push(...daily.days.map((day) => formatCents(day.cents, 'en')));
    for (const by of ['product', 'region', 'resource'] as GroupBy[]) {
      lines.push(...groupSpend(result.dataPoints, by).flatMap((group) => [group.label, group.detail, formatCents(group.cents, 'en')]));
    }
    lines.push(...evaluateAlerts({ data: result, daily, settings: DEFAULT_ALERT_SETTINGS }).map((alert) => alertMessage(alert, 'en')));
  }
  return lines.filter((line) => line !== '');
}

/** A transport over the real one that records every URL and the most requests in flight at once. */
function watchedTransport() {
  const watch = { urls: [] as string[], inFlight: 0, maxInFlight: 0 };
  const transport: Transport = async (request) => {
    watch.urls.push(request.url);
    watch.maxInFlight = Math.max(watch.maxInFlight, ++watch.inFlight);
    try {
      return await nodeTransport(request);
    } finally {
      watch.inFlight--;
    }
  };
  const restart = () => {
    watch.urls.length = 0;
    watch.maxInFlight = 0;
  };
  return { watch, transport, restart };
}

/** The places (by name) whose text holds the token, or a telling piece of it. */
function leakedPlaces(places: Record<string, string>, token: string): string[] {
  const bare = token.trim();
  return Object.entries(places).filter(([, text]) => text.includes(bare) || text.includes(bare.slice(7, 30))).map(([where]) => where);
}

describe('fault and security matrix', function () {
  this.timeout(30_000);
  let api: FakeDoApi;
  let lowRate: FakeDoApi;
  /** Stands in for any other host: nothing may ever reach it. */
  let foreign: FakeDoApi;
  const tally = { tried: 0, passed: 0, leaks: 0 };

  before(async () => {
    // Small line-item invoices keep the matrix fast; pages work the same at any size.
    api = new FakeDoApi({ largeInvoiceItems: 900 });
    lowRate = new FakeDoApi({ largeInvoiceItems: 900, rateLimit: 1 });
    foreign = new FakeDoApi();
    await Promise.all([api.start(), lowRate.start(), foreign.start()]);
  });
  after(async () => {
    await Promise.all([api.close(), lowRate.close(), foreign.close()]);
    // One line for the whole matrix (not "N passed, N failed": that is npm test's final line).
    console.log(`fault matrix: ${tally.tried} faults tried, ${tally.passed} passed, ${tally.leaks} token leaks found`);
  });
  beforeEach(() => {
    api.reset();
    lowRate.reset();
    foreign.reset();
  });
  afterEach(function () {
    tally.passed += this.currentTest?.state === 'passed' ? 1 : 0;
  });

  for (const fault of CASES) {
    it(fault.name, async () => {
      tally.tried++;
      const server = fault.lowRateLimit ? lowRate : api;
      const { watch, transport, restart } = watchedTransport();
      const urls = watch.urls;
      const harness = makeClient(server.url, { transport, timeoutMs: TIMEOUT_MS });
      const store = memoryStore();
      const { session, signIn } = makeSession(store, harness.logger);
      const environment = { session, store, logger: harness.logger, client: harness.client, pageSize: () => PAGE_SIZE };
      const state = createInvoiceList(environment);
      const balanceState = new BalanceState(environment);
      const notices: string[] = [];
      const messages: string[] = [];
      state.onDidChange((snapshot) => {
        notices.push(...(snapshot.retryNotice ? [snapshot.retryNotice] : []));
        messages.push(...[snapshot.error?.message, snapshot.pagingProblem].filter((m): m is string => !!m));
      });
      balanceState.onDidChange((snapshot) => messages.push(...(snapshot.error ? [snapshot.error.message] : [])));
      const token = fault.token ?? FAKE_TOKEN;
      const refresh = () => Promise.all([state.refresh(), balanceState.refresh()]);

      // The data already shown: a clean first page, the preview and the balance.
      await signIn(token);
      await refresh();
      const before = state.snapshot;
      const balanceBefore = balanceState.snapshot;
      assert.strictEqual(before.error, undefined, before.error?.message);
      assert.ok(before.items.length > 0 && before.preview && balanceBefore.balance, 'first page shown');
      server.clearRequests();
      restart();
      fault.faults({ foreign: foreign.url, now: harness.clock.now() }).forEach((f) => server.addFault(f));

      let items: LineItemsResult | undefined;
      if (fault.action === 'refresh') {
        await refresh();
      } else if (fault.action === 'loadMore') {
        for (let n = 0; n < (fault.times ?? 1); n++) {
          await state.loadMore();
        }
      } else {
        const large = server.data.invoices[0].invoice_uuid;
        items = await loadLineItems(large, { client: harness.client, call: session.begin()!.call() });
      }
      const snapshot = state.snapshot;
      const balanceAfter = balanceState.snapshot;
      // The window closes: what is pending is written to the cache, which is checked below.
      state.dispose();
      balanceState.dispose();
      session.dispose();
      const shown = shownText(snapshot, balanceAfter, items);
      const outcome: Outcome = { snapshot, before, items, shown, notices, sleeps: harness.clock.sleeps, maxInFlight: watch.maxInFlight };

      // No leak: checked first and counted, whatever else fails.
      const bare = token.trim();
      const places: Record<string, string> = {
        'log lines': harness.sink.lines.join('\n'),
        'recent log lines': harness.logger.recentLines.join('\n'),
        globalState: JSON.stringify([...store.values]),
        'error messages': [...messages, ...notices].join('\n'),
        'view text': shown.join('\n'),
      };
      const leaked = leakedPlaces(places, token);
      tally.leaks += leaked.length;
      assert.deepStrictEqual(leaked, [], 'the token appears in');

      // Only the configured API was asked; the foreign host never.
      assert.ok(urls.every((url) => url.startsWith(`${server.url}/`)), urls.filter((url) => !url.startsWith(server.url)).join());
      assert.strictEqual(foreign.requests.length, 0, 'requests to the foreign host');
      assert.ok(server.requests.length <= fault.maxRequests, `${server.requests.length} requests, at most ${fault.maxRequests}`);
      assert.ok(server.requests.every((request) => request.authorization === `Bearer ${bare}`), 'the token is sent trimmed');

      // A clear message, and what was shown before stays.
      assert.strictEqual(snapshot.activity, undefined, 'nothing left spinning');
      assert.strictEqual(snapshot.retryNotice, undefined);
      if (fault.error) {
        assert.strictEqual(snapshot.error?.kind, fault.error, snapshot.error?.message);
        assert.match(snapshot.error.message, fault.message ?? /./);
        assert.deepStrictEqual(snapshot.items, before.items, 'invoices kept');
        assert.deepStrictEqual(snapshot.preview, before.preview, 'month to date kept');
        assert.deepStrictEqual(balanceAfter.balance, balanceBefore.balance, 'balance kept');
        const cached = new AccountCache<{ items: unknown }>(store, 'invoices', () => true).read(store.get<string>('digitaloceanInvoices.lastAccount') ?? '');
        assert.deepStrictEqual(cached?.items, JSON.parse(JSON.stringify(before.items)), 'cache kept');
      } else {
        assert.strictEqual(snapshot.error, undefined, snapshot.error?.message);
        assert.ok(snapshot.items.length >= before.items.length, 'nothing dropped');
      }
      const garbled = shown.filter((text) => GARBLED.test(text));
      assert.deepStrictEqual(garbled, [], 'unreadable text shown');
      fault.check?.(outcome);
    });
  }

  describe('billing insights', () => {
    for (const fault of INSIGHTS_CASES) {
      it(fault.name, async () => {
        tally.tried++;
        const server = fault.lowRateLimit ? lowRate : api;
        const lastDay = server.data.insights.dataPoints.at(-1)?.start_date ?? '';
        const range = lastDays(lastDay, INSIGHTS_DAYS);
        const windows = splitIntoWindows(range);
        const urn = teamUrn(server.data.insights.team);
        const windowPath = (which: string) => `${BILLING}${urn}/insights/${windows[which === 'first' ? 0 : 1].start}`;
        const { watch, transport, restart } = watchedTransport();
        const harness = makeClient(server.url, { transport, timeoutMs: TIMEOUT_MS });

        // The daily spend already shown: a clean first load.
        const first = await loadDailySpend(harness.client, FAKE_TOKEN, range);
        assert.ok(first.result?.complete, first.error?.message);
        const before = first.result;
        server.clearRequests();
        restart();
        fault.faults({ windowPath }).forEach((f) => server.addFault(f));

        const token = fault.token ?? FAKE_TOKEN;
        const { error, result } = await loadDailySpend(harness.client, token, range);
        const shown = shownInsights(error, result);
        const ledger = result ? recordAlerts({}, evaluateAlerts({ data: result, daily: dailySpend(result), settings: DEFAULT_ALERT_SETTINGS }), lastDay) : {};
        const outcome: InsightsOutcome = { before, error, result, shown, sleeps: harness.clock.sleeps, maxInFlight: watch.maxInFlight };

        // No leak: checked first and counted, whatever else fails.
        const leaked = leakedPlaces({
          'log lines': harness.sink.lines.join('\n'),
          'recent log lines': harness.logger.recentLines.join('\n'),
          'alert ledger': JSON.stringify(ledger),
          'error messages': [error?.message ?? '', ...(result?.failed.map((failure) => failure.message) ?? [])].join('\n'),
          'view text': shown.join('\n'),
        }, token);
        tally.leaks += leaked.length;
        assert.deepStrictEqual(leaked, [], 'the token appears in');

        assert.ok(watch.urls.every((url) => url.startsWith(`${server.url}/`)), watch.urls.filter((url) => !url.startsWith(server.url)).join());
        assert.strictEqual(foreign.requests.length, 0, 'requests to the foreign host');
        assert.ok(server.requests.length <= fault.maxRequests, `${server.requests.length} requests, at most ${fault.maxRequests}`);
        assert.ok(server.requests.every((request) => request.authorization === `Bearer ${token.trim()}`), 'the token is sent trimmed');

        // A clear message for what failed, and nothing dropped silently.
        const failedWindows = fault.failedWindows ?? (fault.error && result ? windows.length : 0);
        if (fault.error && !result) {
          assert.strictEqual(error?.kind, fault.error, error?.message);
          assert.match(error.message, fault.message ?? /./);
        } else {
          assert.strictEqual(error, undefined, error?.message);
          assert.ok(result);
          assert.strictEqual(result.failed.length, failedWindows, result.failed.map((failure) => failure.message).join('\n'));
          const daysOfFailed = result.failed.flatMap((failure) => daysFrom(failure.window.start, failure.window.end));
          assert.deepStrictEqual(result.missingDays, daysOfFailed, 'every day of a failed window is named');
          assert.strictEqual(dailySpend(result).days.filter((day) => day.state === 'missing').length, daysOfFailed.length, 'shown as missing, not as $0');
          if (fault.error) {
            assert.ok(result.failed.every((failure) => failure.kind === fault.error), result.failed.map((failure) => failure.kind).join());
            assert.match(result.failed[0].message, fault.message ?? /./);
          }
          if (!result.complete) {
            server.clearFaults();
            const retried = await retryInsights(result, { client: harness.client, call: { token } });
            assert.deepStrictEqual(retried.dataPoints, before.dataPoints, 'Retry brings back everything');
          }
        }
        const garbled = shown.filter((text) => GARBLED.test(text));
        assert.deepStrictEqual(garbled, [], 'unreadable text shown');
        fault.check?.(outcome);
      });
    }
  });
});
