import * as assert from 'assert';
import { ApiError } from '../../../src/api/errors';
import { RetryNotice } from '../../../src/api/http';
import { Transport, TransportResponse } from '../../../src/api/transport';
import { Invoice, PageRef } from '../../../src/api/types';
import { FAKE_TOKEN, FakeDoApi } from '../../fake-api/server';
import { makeClient } from '../../support/clientHarness';
import { expectApiError } from '../../support/fakeApiHooks';

const INVOICES = '/v2/customers/my/invoices';

describe('API client against the fake DigitalOcean API', function () {
  this.timeout(20_000);
  let api: FakeDoApi;
  let url: string;

  before(async () => {
    api = new FakeDoApi();
    url = await api.start();
  });
  after(() => api.close());
  beforeEach(() => api.reset());

  const call = { token: FAKE_TOKEN };

  it('sends the token, Accept and User-Agent headers and the page size', async () => {
    const { client } = makeClient(url);
    const page = await client.listInvoices({ page: 1, perPage: 5 }, call);
    assert.strictEqual(page.invoices.length, 5);
    const request = api.requests[0];
    assert.strictEqual(request.authorization, `Bearer ${FAKE_TOKEN}`);
    assert.strictEqual(request.accept, 'application/json');
    assert.strictEqual(request.acceptEncoding, 'gzip, br', 'and the fake API compressed the answer (see transport.test.ts)');
    assert.match(request.userAgent ?? '', /digitalocean-invoices/);
    assert.strictEqual(request.query.per_page, '5');
    assert.strictEqual(request.query.page, '1');
  });

  it('returns the preview with every page and walks every invoice exactly once', async () => {
    const { client } = makeClient(url);
    const seen: Invoice[] = [];
    let next: PageRef | undefined = { page: 1, perPage: 7 };
    let total: number | undefined;
    while (next) {
      const page = await client.listInvoices(next, call);
      assert.ok(page.preview, 'preview on every page');
      seen.push(...page.invoices);
      total = page.total;
      next = page.next;
    }
    assert.strictEqual(seen.length, total);
    assert.strictEqual(new Set(seen.map((invoice) => invoice.invoiceUuid)).size, seen.length);
    assert.strictEqual(api.requests.length, Math.ceil(total! / 7));
  });

  it('has no next page when everything fits on one page', async () => {
    const { client } = makeClient(url);
    const page = await client.listInvoices({ page: 1, perPage: 200 }, call);
    assert.strictEqual(page.next, undefined);
    assert.strictEqual(page.invoices.length, page.total);
  });

  it('turns 401 into a rejected-token error with the request id, without retrying', async () => {
    const { client } = makeClient(url);
    const error = await expectApiError(client.listInvoices({ page: 1, perPage: 5 }, { token: 'dop_v1_' + '0'.repeat(64) }), 'unauthorized');
    assert.ok(error.requestId, 'request id');
    assert.match(error.fullMessage, /request id/);
    assert.strictEqual(api.requests.length, 1);
  });

  it('keeps the token out of the message when the API repeats it in its error body', async () => {
    const { client } = makeClient(url);
    const unshaped = 'my-own-proxy-secret-1234567890';
    for (const token of [FAKE_TOKEN, unshaped]) {
      api.addFault({ kind: 'status', status: 401, times: 1, body: { id: 'unauthorized', message: `Unable to authenticate you: ${token} is not valid` } });
      const error = await expectApiError(client.listInvoices({ page: 1, perPage: 5 }, { token }), 'unauthorized');
      assert.match(error.fullMessage, /Unable to authenticate you/, 'what the API said is still shown');
      assert.ok(!error.fullMessage.includes(token) && !error.details.apiMessage?.includes(token), error.fullMessage);
    }
  });

  it('turns 403 into a missing-scope error', async () => {
    api.addFault({ kind: 'status', status: 403 });
    const { client } = makeClient(url);
    const error = await expectApiError(client.listInvoices({ page: 1, perPage: 5 }, call), 'forbidden');
    assert.match(error.message, /billing:read/);
  });

  it('waits as retry-after says on 429, tells the caller, then succeeds', async () => {
    api.addFault({ kind: 'status', status: 429, headers: { 'retry-after': '7' }, times: 1 });
    const { client, clock } = makeClient(url);
    const notices: RetryNotice[] = [];
    const page = await client.listInvoices({ page: 1, perPage: 5 }, { ...call, onRetry: (notice) => notices.push(notice) });
    assert.strictEqual(page.invoices.length, 5);
    assert.deepStrictEqual(clock.sleeps, [7000]);
    assert.strictEqual(notices[0].reason, 'rateLimited');
    assert.match(notices[0].message, /Rate limited/);
    assert.strictEqual(api.requests.length, 2);
  });

  it('waits until ratelimit-reset when a 429 has no retry-after', async () => {
    const { client, clock } = makeClient(url);
    const reset = Math.floor(clock.now() / 1000) + 12;
    api.addFault({ kind: 'status', status: 429, headers: { 'ratelimit-remaining': '0', 'ratelimit-reset': String(reset) }, times: 1 });
    await client.listInvoices({ page: 1, perPage: 5 }, call);
    assert.strictEqual(clock.sleeps.length, 1);
    assert.ok(Math.abs(clock.sleeps[0] - 12_000) <= 1000, String(clock.sleeps[0]));
  });

  it('gives up on 429 after 3 tries and says when to try again', async () => {
    api.addFault({ kind: 'status', status: 429, headers: { 'retry-after': '1' } });
    const { client } = makeClient(url);
    const error = await expectApiError(client.listInvoices({ page: 1, perPage: 5 }, call), 'rateLimited');
    assert.match(error.message, /try again after/);
    assert.strictEqual(api.requests.length, 3);
  });

  it('says the time to try again in the display language', async () => {
    api.addFault({ kind: 'status', status: 429, headers: { 'retry-after': '1' } });
    for (const locale of ['de', 'en-US', 'not a language tag']) {
      const { client } = makeClient(url, { locale, maxTries: 1 });
      const error = await expectApiError(client.listInvoices({ page: 1, perPage: 5 }, call), 'rateLimited');
      const retryAt = new Date(error.details.retryAt ?? NaN);
      const expected = retryAt.toLocaleTimeString(locale === 'not a language tag' ? 'en' : locale);
      assert.ok(error.message.includes(`after ${expected}.`), `${locale}: ${error.message}`);
    }
    assert.doesNotMatch(new Date(0).toLocaleTimeString('de'), /AM|PM/, 'German times differ from English ones');
  });

  it('does not wait for a rate-limit reset beyond the cap', async () => {
    const { client, clock } = makeClient(url, { maxRateLimitWaitMs: 60_000 });
    api.addFault({ kind: 'status', status: 429, headers: { 'ratelimit-reset': String(Math.floor(clock.now() / 1000) + 3600) } });
    await expectApiError(client.listInvoices({ page: 1, perPage: 5 }, call), 'rateLimited');
    assert.strictEqual(api.requests.length, 1);
    assert.deepStrictEqual(clock.sleeps, []);
  });

  it('retries 5xx with growing, jittered backoff, at most 3 tries', async () => {
    api.addFault({ kind: 'status', status: 503 });
    const { client, clock } = makeClient(url, { backoffBaseMs: 1000 });
    const error = await expectApiError(client.listInvoices({ page: 1, perPage: 5 }, call), 'server');
    assert.match(error.message, /HTTP 503/);
    assert.strictEqual(api.requests.length, 3);
    assert.deepStrictEqual(clock.sleeps, [750, 1500]); // random() = 0.5 → factor 0.75
  });

  it('recovers when a 500 is followed by success', async () => {
    api.addFault({ kind: 'status', status: 500, times: 1 });
    const { client } = makeClient(url);
    const page = await client.listInvoices({ page: 1, perPage: 5 }, call);
    assert.strictEqual(page.invoices.length, 5);
  });

  it('names status and content type for an HTML proxy error', async () => {
    api.addFault({ kind: 'html', status: 502 });
    const { client } = makeClient(url);
    const error = await expectApiError(client.listInvoices({ page: 1, perPage: 5 }, call), 'server');
    assert.match(error.message, /502/);
    assert.match(error.message, /text\/html/);
  });

  it('retries a reset connection, then reports a network error', async () => {
    api.addFault({ kind: 'reset' });
    const { client } = makeClient(url);
    const error = await expectApiError(client.listInvoices({ page: 1, perPage: 5 }, call), 'network');
    assert.match(error.message, /127\.0\.0\.1/);
    assert.strictEqual(api.requests.length, 3);
  });

  it('times out a hung connection without retrying it', async () => {
    api.addFault({ kind: 'hang' });
    const { client } = makeClient(url, { timeoutMs: 300 });
    const error = await expectApiError(client.listInvoices({ page: 1, perPage: 5 }, call), 'timeout');
    assert.match(error.message, /did not answer/);
    assert.strictEqual(api.requests.length, 1);
  });

  it('times out a response that drips in too slowly', async () => {
    api.addFault({ kind: 'drip', dripMs: 200 });
    const { client } = makeClient(url, { timeoutMs: 400 });
    await expectApiError(client.listInvoices({ page: 1, perPage: 5 }, call), 'timeout');
  });

  it('keeps invoices whose optional fields are missing', async () => {
    api.addFault({ kind: 'missingFields' });
    const { client } = makeClient(url);
    const page = await client.listInvoices({ page: 1, perPage: 8 }, call);
    assert.strictEqual(page.invoices.length, 8);
    assert.ok(page.invoices.some((invoice) => invoice.amount === '' || invoice.period === ''));
  });

  for (const fault of [{ kind: 'truncated' }, { kind: 'wrongContentType' }, { kind: 'missingFields', variant: 'notArray' }] as const) {
    it(`reports an invalid response for ${fault.kind}`, async () => {
      api.addFault(fault);
      const { client } = makeClient(url);
      const error = await expectApiError(client.listInvoices({ page: 1, perPage: 5 }, call), 'invalidResponse');
      assert.match(error.message, /invalid response \(HTTP 200/);
    });
  }

  it('requests the next page on the configured API when the link names another host', async () => {
    api.addFault({ kind: 'foreignNext', times: 1 });
    const { client } = makeClient(url);
    const first = await client.listInvoices({ page: 1, perPage: 5 }, call);
    assert.deepStrictEqual(first.next, { page: 2, perPage: 5 });
    const second = await client.listInvoices(first.next!, call);
    assert.strictEqual(second.invoices.length, 5);
    assert.strictEqual(api.requests.length, 2);
    assert.strictEqual(api.requests[1].query.page, '2');
  });

  it('stops paging when the next link does not advance', async () => {
    api.addFault({ kind: 'stuckNext' });
    const { client } = makeClient(url);
    const page = await client.listInvoices({ page: 2, perPage: 5 }, call);
    assert.strictEqual(page.next, undefined);
    assert.match(page.pagingProblem ?? '', /does not advance/);
  });

  it('aborts on request and reports it as cancelled', async () => {
    // No answer comes, so the abort cannot lose a race with one.
    api.addFault({ kind: 'hang' });
    const { client } = makeClient(url);
    const controller = new AbortController();
    const pending = client.listInvoices({ page: 1, perPage: 5 }, { ...call, signal: controller.signal });
    while (api.requests.length === 0) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    controller.abort();
    await expectApiError(pending, 'aborted');
    assert.strictEqual(api.requests.length, 1, 'not retried');
  });

  it('never puts the token into log lines or error messages', async () => {
    const { client, sink } = makeClient(url);
    const faults = ['status', 'html', 'reset', 'truncated'] as const;
    for (const kind of faults) {
      api.addFault({ kind, status: 500, times: 3 });
      await client.listInvoices({ page: 1, perPage: 5 }, call).catch((error: ApiError) => {
        assert.ok(!error.fullMessage.includes(FAKE_TOKEN));
      });
    }
    assert.ok(sink.lines.length > 0);
    assert.ok(sink.lines.every((line) => !line.includes(FAKE_TOKEN)));
    assert.ok(sink.lines.some((line) => line.includes(`GET ${INVOICES}?page=1&per_page=5 200`)));
  });
});

describe('HTTP module over a scripted transport', () => {
  /** Answers each request with the next of `answers`; `body: undefined` fails the body read. */
  function scripted(answers: Array<{ status: number; body?: string }>): { transport: Transport; sent: number } {
    const state = { sent: 0, transport: undefined as unknown as Transport };
    state.transport = async () => {
      const answer = answers[Math.min(state.sent++, answers.length - 1)];
      const response: TransportResponse = {
        status: answer.status,
        header: (name) => (name === 'content-type' ? 'application/json' : undefined),
        body: () => (answer.body === undefined ? Promise.reject(Object.assign(new Error('broken'), { code: 'Z_DATA_ERROR' })) : Promise.resolve(Buffer.from(answer.body))),
      };
      return response;
    };
    return state;
  }

  it('tells onBodyReceived once a successful body is in, once, and never for an error status', async () => {
    const script = scripted([{ status: 503, body: '{}' }, { status: 200, body: '{"ok":true}' }]);
    const { http } = makeClient('http://127.0.0.1:9', { transport: script.transport });
    let received = 0;
    const response = await http.getJson('/v2/x', {}, { token: FAKE_TOKEN, onBodyReceived: () => received++ });
    assert.deepStrictEqual(response.body, { ok: true });
    assert.strictEqual(script.sent, 2, 'the 503 was retried');
    assert.strictEqual(received, 1);
  });

  it('never tries again once the body is in, whatever fails after', async () => {
    const script = scripted([{ status: 200, body: '{not json' }]);
    const { http } = makeClient('http://127.0.0.1:9', { transport: script.transport });
    await expectApiError(http.getJson('/v2/x', {}, { token: FAKE_TOKEN, onBodyReceived: () => undefined }), 'invalidResponse');
    assert.strictEqual(script.sent, 1);
  });

  it('goes by the status when an error response\'s body cannot be read', async () => {
    const script = scripted([{ status: 429 }, { status: 401 }]);
    const { http } = makeClient('http://127.0.0.1:9', { transport: script.transport, maxTries: 2 });
    const reasons: string[] = [];
    await expectApiError(http.getJson('/v2/x', {}, { token: FAKE_TOKEN, onRetry: (notice) => reasons.push(notice.reason) }), 'unauthorized');
    assert.strictEqual(script.sent, 2);
    assert.deepStrictEqual(reasons, ['rateLimited'], 'waited out as a 429, not as a broken connection');
  });
});
