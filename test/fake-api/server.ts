// A fake DigitalOcean billing API over real HTTP on 127.0.0.1, with scriptable faults.
import { createServer, IncomingMessage, Server, ServerResponse } from 'http';
import { AddressInfo, Socket } from 'net';
import { FAKE_TOKEN, FAKE_TOKEN_PERSONAL, FAKE_TOKEN_WITHOUT_ACCOUNT_SCOPE, FAKE_TOKEN_WITHOUT_BILLING_SCOPE } from './auth';
import { handleControl } from './control';
import { corrupt } from './corruptions';
import { FakeData, generateData, withMonthToDate } from './data';
import { Fault, FaultQueue, isTransportFault } from './faults';
import { isAmount } from './money';
import { RateLimitWindow } from './rate-limit';
import { Headers, Payload, encodedFor, payloadOf, send } from './replies';
import { ApiResult, routeApi } from './routes';
import { Rng } from './random';
import { Scheduler } from './scheduler';
import { deliverTransportFault } from './transport-faults';

export { FAKE_TOKEN, FAKE_TOKEN_PERSONAL, FAKE_TOKEN_WITHOUT_ACCOUNT_SCOPE, FAKE_TOKEN_WITHOUT_BILLING_SCOPE } from './auth';
export type { Fault, FaultKind } from './faults';
export type { FakeData, Account, User } from './data';
export type { InsightsDataPoint, Team } from './insights';
export { INSIGHTS_FIRST_DAY, teamUrn } from './insights';
export { FLEET_EVENTS, NEW_FAMILY_SKU, SPIKE_SKU } from './fleet';
export type { Invoice, InvoicePreview, ListedInvoice } from './invoices';
export type { InvoiceItem } from './catalog';
export type { Balance, BillingHistoryEntry } from './history';
export { HUGE_AMOUNT, FOREIGN_ORIGIN, UNICODE_SAMPLES } from './corruptions';

export interface FakeApiOptions {
  /** Always '127.0.0.1' by default. */
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Fixed delay added to every API response (for benchmarks); default 0. */
  latencyMs?: number;
  /** Number of closed invoices before the month in progress; default 40. */
  invoiceMonths?: number;
  /** Clock for data generation; the preview is the UTC month of `now`. Default: the real time at construction. */
  now?: Date;
  /** Accepted bearer tokens; default [FAKE_TOKEN]. */
  tokens?: string[];
  /** Accepted but answered 403 (no billing:read); default [FAKE_TOKEN_WITHOUT_BILLING_SCOPE]. */
  tokensWithoutBillingScope?: string[];
  /** Billing works, GET /v2/account answers 403 (no account:read); default [FAKE_TOKEN_WITHOUT_ACCOUNT_SCOPE]. */
  tokensWithoutAccountScope?: string[];
  /** Full scopes in a personal context (no team, so no insights); default [FAKE_TOKEN_PERSONAL]. */
  personalTokens?: string[];
  /** The team's uuid: default 40 hex digits; a dashed UUID works the same. */
  teamUuid?: string;
  /** The first day with daily data; default INSIGHTS_FIRST_DAY (2025-12-01). */
  insightsFirstDay?: string;
  /** Line items of the newest closed invoice; default 10000 (the others have 5..60). */
  largeInvoiceItems?: number;
  /** ratelimit-limit; default 5000. */
  rateLimit?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  authorization?: string;
  userAgent?: string;
  accept?: string;
  acceptEncoding?: string;
  /** Date.now() when the request arrived. */
  at: number;
  /** Once the connection is done: whether the answer went out whole, or the connection closed before (the client cancelled). */
  outcome?: 'answered' | 'closedEarly';
}

export class FakeDoApi {
  readonly requests: RecordedRequest[] = [];
  private readonly options: Required<Omit<FakeApiOptions, 'now' | 'teamUuid' | 'insightsFirstDay'>> & Pick<FakeApiOptions, 'teamUuid' | 'insightsFirstDay'> & { now: Date };
  private readonly generated: FakeData;
  private current: FakeData;
  private latencyMs: number;
  private holding = false;
  private readonly waiting: (() => void)[] = [];
  private readonly faults = new FaultQueue();
  private readonly rateLimit: RateLimitWindow;
  private readonly requestIds = new Rng('request-ids');
  private readonly scheduler = new Scheduler();
  private readonly sockets = new Set<Socket>();
  private server?: Server;
  private baseUrl?: string;

  constructor(options: FakeApiOptions = {}) {
    this.options = {
      host: options.host ?? '127.0.0.1',
      port: options.port ?? 0,
      latencyMs: options.latencyMs ?? 0,
      invoiceMonths: options.invoiceMonths ?? 40,
      now: options.now ?? new Date(),
      tokens: options.tokens ?? [FAKE_TOKEN],
      tokensWithoutBillingScope: options.tokensWithoutBillingScope ?? [FAKE_TOKEN_WITHOUT_BILLING_SCOPE],
      tokensWithoutAccountScope: options.tokensWithoutAccountScope ?? [FAKE_TOKEN_WITHOUT_ACCOUNT_SCOPE],
      personalTokens: options.personalTokens ?? [FAKE_TOKEN_PERSONAL],
      teamUuid: options.teamUuid,
      insightsFirstDay: options.insightsFirstDay,
      largeInvoiceItems: options.largeInvoiceItems ?? 10_000,
      rateLimit: options.rateLimit ?? 5000,
    };
    this.generated = generateData(this.options);
    this.current = this.generated;
    this.latencyMs = this.options.latencyMs;
    this.rateLimit = new RateLimitWindow(this.options.rateLimit);
  }

  /** Resolves to the base URL, e.g. 'http://127.0.0.1:41234'. */
  start(): Promise<string> {
    if (this.server) {
      return Promise.reject(new Error('FakeDoApi already started'));
    }
    const server = createServer((req, res) => this.onRequest(req, res));
    this.server = server;
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.options.port, this.options.host, () => {
        const { port } = server.address() as AddressInfo;
        this.baseUrl = `http://${this.options.host}:${port}`;
        resolve(this.baseUrl);
      });
    });
  }

  /** Stops listening and destroys every open socket (hung and dripping ones too). */
  close(): Promise<void> {
    this.scheduler.stop();
    const server = this.server;
    if (!server) {
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      server.close(() => resolve());
      this.sockets.forEach((socket) => socket.destroy());
    });
  }

  get url(): string {
    if (!this.baseUrl) {
      throw new Error('FakeDoApi not started');
    }
    return this.baseUrl;
  }

  /** What is being served now (reflects setPreviewAmount). */
  get data(): FakeData {
    return this.current;
  }

  get latency(): number {
    return this.latencyMs;
  }

  /** The faults still waiting, with their remaining uses. */
  get pendingFaults(): Array<Fault & { remaining: number | null }> {
    return this.faults.list();
  }

  addFault(fault: Fault): void {
    this.faults.add(fault);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  clearRequests(): void {
    this.requests.length = 0;
  }

  /** Clears faults, recorded requests and the rate-limit count; restores data and latency; releases a hold. */
  reset(): void {
    this.clearFaults();
    this.clearRequests();
    this.rateLimit.clear();
    this.current = this.generated;
    this.latencyMs = this.options.latencyMs;
    this.release();
  }

  /** Changes the month-to-date amount ('12.34'): preview, its items and the balance follow. */
  setPreviewAmount(amount: string): void {
    if (!isAmount(amount)) {
      throw new Error(`amount must look like '12.34', got ${JSON.stringify(amount)}`);
    }
    this.current = withMonthToDate(this.generated, amount);
  }

  /**
   * Serves the account as it was before its newest `invoices` invoices and `billingHistory`
   * billing history entries were issued; `holdBackNewest(0, 0)` issues them (new items on page 1).
   */
  holdBackNewest(invoices: number, billingHistory: number): void {
    const { invoices: allInvoices, billingHistory: allEntries } = this.generated;
    this.current = { ...this.current, invoices: allInvoices.slice(invoices), billingHistory: allEntries.slice(billingHistory) };
  }

  /**
   * Answers no API request until `release()` (or `letThrough`): requests are recorded as they
   * arrive and answered, after the latency, once let through. A test sees a state that lasts
   * while the extension waits for the API, without racing a timer against its own checks.
   */
  hold(): void {
    this.holding = true;
  }

  /** Ends the hold: every waiting request goes on, and new ones are not held. */
  release(): void {
    this.holding = false;
    this.letThrough(this.waiting.length);
  }

  /** While holding, lets the `count` requests that have waited longest go on. */
  letThrough(count: number): void {
    this.waiting.splice(0, count).forEach((go) => go());
  }

  private heldUntilLetThrough(res: ServerResponse): Promise<void> {
    return new Promise<void>((go) => {
      this.waiting.push(go);
      // A request the client gave up on waits no more (and is not counted).
      res.once('close', () => {
        const at = this.waiting.indexOf(go);
        if (at >= 0) {
          this.waiting.splice(at, 1);
        }
      });
    });
  }

  /** How many requests wait for `release()` or `letThrough`. */
  get heldRequests(): number {
    return this.waiting.length;
  }

  setLatency(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) {
      throw new Error(`latency must be a number >= 0, got ${ms}`);
    }
    this.latencyMs = ms;
  }

  private onRequest(req: IncomingMessage, res: ServerResponse): void {
    // Prefixing keeps a request target like '//host/x' a path instead of an authority.
    const url = new URL(`http://fake${req.url ?? '/'}`);
    if (url.pathname.startsWith('/__fake/')) {
      handleControl(this, req, res, url);
      return;
    }
    req.resume();
    this.handleApi(req, res, url).catch((error: unknown) => {
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'text/plain' });
      }
      res.end(`fake API failure: ${String(error)}`);
    });
  }

  private async handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const method = req.method ?? 'GET';
    const requestId = this.requestIds.uuid();
    const recorded: RecordedRequest = {
      method, path: url.pathname, query: Object.fromEntries(url.searchParams), authorization: req.headers.authorization,
      userAgent: req.headers['user-agent'], accept: req.headers.accept, acceptEncoding: req.headers['accept-encoding'], at: Date.now(),
    };
    this.requests.push(recorded);
    res.once('close', () => (recorded.outcome = res.writableFinished ? 'answered' : 'closedEarly'));
    const rate = this.rateLimit.hit(Date.now());
    const headers: Headers = {
      'ratelimit-limit': String(rate.limit),
      'ratelimit-remaining': String(rate.remaining),
      'ratelimit-reset': String(rate.reset),
      'x-request-id': requestId,
    };
    // The latency is the time from arrival to answer: the fake's own work is done within it, so
    // a benchmark measures the latency and the client, not the fake.
    if (this.holding) {
      await this.heldUntilLetThrough(res);
    }
    const answerAt = performance.now() + this.latencyMs;
    const normal = routeApi(
      { method, url, authorization: req.headers.authorization, requestId },
      { data: this.current, origin: this.url, tokens: this.options.tokens,
        tokensWithoutBillingScope: this.options.tokensWithoutBillingScope,
        tokensWithoutAccountScope: this.options.tokensWithoutAccountScope, personalTokens: this.options.personalTokens },
    );
    const normalPayload = payloadOf(normal);
    const encode = (payload: Payload) => encodedFor(req.headers['accept-encoding'], payload);
    const normalOnTheWire = encode(normalPayload);
    const wait = answerAt - performance.now();
    if (this.latencyMs > 0 && wait > 0) {
      await this.scheduler.sleep(wait);
    }
    const hit = this.faults.take<ApiResult>(url, (fault) =>
      isTransportFault(fault.kind) ? normal : normal.type === 'json' ? corrupt(fault, normal) : undefined);
    if (hit && isTransportFault(hit.fault.kind)) {
      deliverTransportFault(hit.fault, normalPayload, { res, headers, requestId, scheduler: this.scheduler });
      return;
    }
    send(res, hit ? encode(payloadOf(hit.outcome)) : normalOnTheWire, { ...headers, ...hit?.fault.headers });
  }
}
