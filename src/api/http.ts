import { Clock, abortedError, systemClock } from './clock';
import { ApiError } from './errors';
import { Transport, TransportResponse, nodeTransport } from './transport';
import { RateLimitInfo } from './types';
import { Logger } from '../util/logger';
import { l10n } from '../util/l10n';

/** Why the client waits before trying again; shown in the view while it waits. */
export interface RetryNotice {
  readonly reason: 'rateLimited' | 'serverError' | 'network';
  readonly attempt: number;
  readonly delayMs: number;
  readonly message: string;
}

export interface ApiHttpOptions {
  /** Checked base URL of the API (see checkApiUrl); read on every request. */
  readonly baseUrl: () => string;
  readonly userAgent: string;
  readonly logger: Logger;
  /** VS Code's display language, for times in messages (Node's own default otherwise). */
  readonly locale?: string;
  /** How requests are sent; node-fetch over Node's http and https unless a test watches them. */
  readonly transport?: Transport;
  readonly clock?: Clock;
  readonly timeoutMs?: number;
  readonly maxTries?: number;
  readonly maxRateLimitWaitMs?: number;
  readonly backoffBaseMs?: number;
}

export interface CallOptions {
  readonly token: string;
  readonly signal?: AbortSignal;
  readonly onRetry?: (notice: RetryNotice) => void;
  /**
   * Called when a successful response has been read, before its body is parsed: a caller
   * keeping several requests in flight sends the next one meanwhile (a large page takes a
   * millisecond or more to parse). Nothing more is sent for this call afterwards.
   */
  readonly onBodyReceived?: () => void;
}

export interface ApiResponse<T> {
  readonly body: T;
  readonly status: number;
  readonly contentType: string;
  readonly rateLimit: RateLimitInfo;
  /** A response header by its lower-case name. */
  readonly header: (name: string) => string | undefined;
}

type BodyKind = 'json' | 'bytes';

const MAX_BODY_BYTES = 64 * 1024 * 1024;

/**
 * Thrown by one attempt. With `retry` the attempt may be repeated: after `afterMs` when the
 * server said how long to wait, else after an exponential backoff.
 */
class AttemptFailure {
  constructor(
    readonly error: ApiError,
    readonly retry?: { readonly reason: RetryNotice['reason']; readonly afterMs?: number },
  ) {}
}

/**
 * The one module that makes API requests (transport.ts only carries them). It sends the
 * token only to the configured API URL, never follows redirects, bounds every request by a
 * timeout, retries 429, 5xx and dropped connections a bounded number of times, and turns
 * every failure into an ApiError.
 */
export class ApiHttp {
  private readonly transport: Transport;
  private readonly clock: Clock;
  private readonly timeoutMs: number;
  private readonly maxTries: number;
  private readonly maxRateLimitWaitMs: number;
  private readonly backoffBaseMs: number;
  private lastRateLimit: RateLimitInfo = {};

  constructor(private readonly options: ApiHttpOptions) {
    this.transport = options.transport ?? nodeTransport;
    this.clock = options.clock ?? systemClock;
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.maxTries = options.maxTries ?? 3;
    this.maxRateLimitWaitMs = options.maxRateLimitWaitMs ?? 60_000;
    this.backoffBaseMs = options.backoffBaseMs ?? 1_000;
  }

  /** The rate-limit headers of the latest response. */
  get rateLimit(): RateLimitInfo {
    return this.lastRateLimit;
  }

  getJson(path: string, query: Record<string, string | number>, call: CallOptions): Promise<ApiResponse<unknown>> {
    return this.get(path, query, call, 'json');
  }

  getBytes(path: string, call: CallOptions): Promise<ApiResponse<Buffer>> {
    return this.get(path, {}, call, 'bytes') as Promise<ApiResponse<Buffer>>;
  }

  private async get(path: string, query: Record<string, string | number>, call: CallOptions, kind: BodyKind): Promise<ApiResponse<unknown>> {
    const search = new URLSearchParams(Object.entries(query).map(([key, value]) => [key, String(value)])).toString();
    const pathAndQuery = search ? `${path}?${search}` : path;
    // A token read back from storage may carry the whitespace or line break it was pasted
    // with: sent as is it would fail as a network error (an illegal header) or a 401.
    const token = call.token.trim();
    if (token === '' || /\s/.test(token)) {
      throw new ApiError('unauthorized', l10n.t('The API token contains spaces or line breaks. Set it again.'));
    }
    call = { ...call, token };
    this.options.logger.redactor.addSecret(token);
    for (let attempt = 1; ; attempt++) {
      if (call.signal?.aborted) {
        throw abortedError();
      }
      try {
        return await this.attempt(pathAndQuery, call, kind);
      } catch (failure) {
        if (!(failure instanceof AttemptFailure)) {
          throw failure;
        }
        if (!failure.retry || attempt >= this.maxTries) {
          throw failure.error;
        }
        const delayMs = failure.retry.afterMs ?? this.backoff(attempt);
        const notice: RetryNotice = {
          reason: failure.retry.reason,
          attempt,
          delayMs,
          message: retryMessage(failure.retry.reason, delayMs, attempt + 1, this.maxTries),
        };
        this.options.logger.warn(`${notice.message} (${failure.error.message})`);
        call.onRetry?.(notice);
        await this.clock.sleep(delayMs, call.signal);
      }
    }
  }

  private async attempt(pathAndQuery: string, call: CallOptions, kind: BodyKind): Promise<ApiResponse<unknown>> {
    const url = this.options.baseUrl() + pathAndQuery;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.timeoutMs);
    const forwardAbort = () => controller.abort();
    call.signal?.addEventListener('abort', forwardAbort, { once: true });
    const started = this.clock.now();
    let status = 0;
    let bodyReceived = false;
    try {
      const response = await this.transport({
        url,
        headers: {
          Authorization: `Bearer ${call.token}`,
          Accept: kind === 'json' ? 'application/json' : '*/*',
          'User-Agent': this.options.userAgent,
        },
        maxBodyBytes: MAX_BODY_BYTES,
        signal: controller.signal,
      });
      status = response.status;
      // An error status says what went wrong even when its body cannot be read.
      const body = await response.body().catch((error: unknown) => {
        if (status >= 400 && !controller.signal.aborted) {
          return Buffer.alloc(0);
        }
        throw error;
      });
      bodyReceived = true;
      if (call.onBodyReceived && status >= 200 && status < 300) {
        call.onBodyReceived();
        // Lets the request just started go out before this body is parsed.
        await new Promise((resolve) => setImmediate(resolve));
      }
      const rateLimit = readRateLimit(response);
      this.lastRateLimit = rateLimit;
      this.logResponse(pathAndQuery, response, started, rateLimit);
      return this.interpret(response, body, kind, rateLimit);
    } catch (error) {
      if (error instanceof AttemptFailure) {
        throw error;
      }
      if (call.signal?.aborted) {
        throw abortedError();
      }
      const failure = this.transportFailure(pathAndQuery, error, timedOut, status, started);
      // Once the body is in (and a caller may have sent its next request), never again.
      throw bodyReceived ? new AttemptFailure(failure.error) : failure;
    } finally {
      clearTimeout(timer);
      call.signal?.removeEventListener('abort', forwardAbort);
    }
  }

  private transportFailure(pathAndQuery: string, error: unknown, timedOut: boolean, status: number, started: number): AttemptFailure {
    const host = safeHost(this.options.baseUrl());
    const elapsed = this.clock.now() - started;
    if (timedOut) {
      this.options.logger.warn(`GET ${pathAndQuery} timed out after ${elapsed} ms`);
      return new AttemptFailure(
        new ApiError('timeout', l10n.t('The DigitalOcean API at {0} did not answer within {1} seconds.', host, Math.round(this.timeoutMs / 1000)), { status: status || undefined }),
      );
    }
    const code = (error as { code?: string }).code ?? (error as { type?: string }).type ?? 'error';
    this.options.logger.warn(`GET ${pathAndQuery} failed after ${elapsed} ms: ${code}`);
    if (status) {
      // Headers arrived but the body did not: treat like a dropped connection.
      return new AttemptFailure(
        new ApiError('network', l10n.t('The connection to the DigitalOcean API at {0} broke while reading the response ({1}).', host, code), { status }),
        { reason: 'network' },
      );
    }
    return new AttemptFailure(
      new ApiError('network', l10n.t('Could not reach the DigitalOcean API at {0} ({1}). Check your network or proxy settings.', host, code)),
      { reason: 'network' },
    );
  }

  private interpret(response: TransportResponse, body: Buffer, kind: BodyKind, rateLimit: RateLimitInfo): ApiResponse<unknown> {
    const status = response.status;
    const contentType = response.header('content-type') ?? '';
    const header = (name: string) => response.header(name);
    const isJson = /\bjson\b/i.test(contentType);
    if (status >= 200 && status < 300 && kind === 'bytes') {
      return { body, status, contentType, rateLimit, header };
    }
    // Parsed once: a large page costs a millisecond or more to parse.
    const parsed = isJson ? parseJson(body) : undefined;
    if (status >= 200 && status < 300) {
      if (parsed === undefined) {
        const requestId = response.header('x-request-id');
        throw new AttemptFailure(new ApiError('invalidResponse', invalidResponseMessage(status, contentType, isJson), { status, requestId }));
      }
      return { body: parsed, status, contentType, rateLimit, header };
    }
    const errorBody = errorBodyOf(parsed);
    const requestId = errorBody.requestId ?? response.header('x-request-id');
    // What the API said is shown and logged: anything in it shaped like a token (or this one) goes first.
    const apiMessage = errorBody.message ? truncate(this.options.logger.redactor.redact(errorBody.message), 200) : undefined;
    const details = { status, requestId, apiMessage };
    const apiSaid = apiMessage ? ` ${l10n.t('The API said: "{0}"', apiMessage)}` : '';
    const notJson = isJson ? '' : ` ${l10n.t('(the response was {0}, not JSON)', contentType || l10n.t('without a content type'))}`;
    if (status === 401) {
      throw new AttemptFailure(new ApiError('unauthorized', l10n.t('DigitalOcean rejected the API token (401 Unauthorized). Set a valid token.') + apiSaid, details));
    }
    if (status === 403) {
      throw new AttemptFailure(new ApiError('forbidden', l10n.t('The API token is not allowed to read billing data (403 Forbidden). Create a token with the billing:read scope.') + apiSaid, details));
    }
    if (status === 404) {
      throw new AttemptFailure(new ApiError('notFound', l10n.t('The DigitalOcean API has no such resource (404 Not Found).') + apiSaid + notJson, details));
    }
    if (status === 429) {
      const waitMs = this.rateLimitWait(response);
      const retryAt = this.clock.now() + (waitMs ?? this.backoffBaseMs);
      const error = new ApiError('rateLimited', l10n.t('DigitalOcean\'s API rate limit was reached; try again after {0}.', timeOfDay(retryAt, this.options.locale)) + apiSaid, { ...details, retryAt });
      const worthWaiting = waitMs === undefined || waitMs <= this.maxRateLimitWaitMs;
      throw new AttemptFailure(error, worthWaiting ? { reason: 'rateLimited', afterMs: waitMs } : undefined);
    }
    if (status >= 500) {
      const error = new ApiError('server', l10n.t('The DigitalOcean API had a server error (HTTP {0}).', status) + apiSaid + notJson, details);
      throw new AttemptFailure(error, { reason: 'serverError' });
    }
    if (status >= 300 && status < 400) {
      throw new AttemptFailure(new ApiError('invalidResponse', l10n.t('The DigitalOcean API answered with a redirect (HTTP {0}), which is not followed so that the token stays with the configured API.', status), details));
    }
    throw new AttemptFailure(new ApiError('badRequest', l10n.t('The DigitalOcean API refused the request (HTTP {0}).', status) + apiSaid + notJson, details));
  }

  /** What the 429 says to wait: retry-after, else until ratelimit-reset, else a backoff. */
  private rateLimitWait(response: TransportResponse): number | undefined {
    const retryAfter = response.header('retry-after');
    if (retryAfter !== undefined) {
      const seconds = Number(retryAfter);
      if (Number.isFinite(seconds) && seconds >= 0) {
        return Math.ceil(seconds * 1000);
      }
      const date = Date.parse(retryAfter);
      if (!Number.isNaN(date)) {
        return Math.max(0, date - this.clock.now());
      }
    }
    const resetHeader = response.header('ratelimit-reset');
    const reset = Number(resetHeader);
    const untilReset = reset * 1000 - this.clock.now();
    // A reset already past (clocks apart, or the window just rolled) says nothing about when
    // to come back: back off rather than retry at once.
    if (resetHeader !== undefined && Number.isFinite(untilReset) && untilReset > 0) {
      return untilReset;
    }
    return undefined;
  }

  /** Exponential backoff with jitter: base·2^(n-1), scaled by a random factor in [0.5, 1). */
  private backoff(attempt: number): number {
    return Math.round(this.backoffBaseMs * 2 ** (attempt - 1) * (0.5 + this.clock.random() / 2));
  }

  private logResponse(pathAndQuery: string, response: TransportResponse, started: number, rateLimit: RateLimitInfo): void {
    const requestId = response.header('x-request-id');
    const parts = [`GET ${pathAndQuery}`, String(response.status), `${this.clock.now() - started} ms`];
    if (requestId) {
      parts.push(`x-request-id=${requestId}`);
    }
    if (rateLimit.remaining !== undefined) {
      parts.push(`ratelimit-remaining=${rateLimit.remaining}`);
    }
    this.options.logger.info(parts.join(' '));
  }
}

function retryMessage(reason: RetryNotice['reason'], delayMs: number, nextAttempt: number, maxTries: number): string {
  const seconds = Math.max(1, Math.round(delayMs / 1000));
  switch (reason) {
    case 'rateLimited':
      return l10n.t('Rate limited by DigitalOcean; retrying in {0} s (try {1} of {2}).', seconds, nextAttempt, maxTries);
    case 'serverError':
      return l10n.t('DigitalOcean had a server error; retrying in {0} s (try {1} of {2}).', seconds, nextAttempt, maxTries);
    case 'network':
      return l10n.t('The connection failed; retrying in {0} s (try {1} of {2}).', seconds, nextAttempt, maxTries);
  }
}

function timeOfDay(at: number, locale: string | undefined): string {
  try {
    return new Date(at).toLocaleTimeString(locale);
  } catch {
    return new Date(at).toLocaleTimeString('en'); // not a language tag Intl knows
  }
}

function invalidResponseMessage(status: number, contentType: string, isJson: boolean): string {
  return isJson
    ? l10n.t('The DigitalOcean API sent an invalid response (HTTP {0}, {1}): the JSON could not be read.', status, contentType)
    : l10n.t('The DigitalOcean API sent an invalid response (HTTP {0}, {1}) instead of JSON.', status, contentType || l10n.t('no content type'));
}

function readRateLimit(response: TransportResponse): RateLimitInfo {
  const number = (name: string) => {
    const value = response.header(name);
    const parsed = value === undefined ? NaN : Number(value);
    return Number.isFinite(parsed) ? parsed : undefined;
  };
  const reset = number('ratelimit-reset');
  return { remaining: number('ratelimit-remaining'), resetAt: reset === undefined ? undefined : reset * 1000 };
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}

function errorBodyOf(parsed: unknown): { message?: string; requestId?: string } {
  if (typeof parsed !== 'object' || parsed === null) {
    return {};
  }
  const { message, request_id: requestId } = parsed as { message?: unknown; request_id?: unknown };
  return {
    message: typeof message === 'string' ? message : undefined,
    requestId: typeof requestId === 'string' ? truncate(requestId, 100) : undefined,
  };
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function safeHost(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}
