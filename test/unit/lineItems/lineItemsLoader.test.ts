import * as assert from 'assert';
import { DigitalOceanClient } from '../../../src/api/client';
import { abortedError } from '../../../src/api/clock';
import { isAbort } from '../../../src/api/errors';
import { Transport, nodeTransport } from '../../../src/api/transport';
import { countingTransport, serverConcurrency } from '../../support/requestCounters';
import { InvoiceItem, InvoiceItemsPage, PageRef } from '../../../src/api/types';
import { LineItemsProgress, LineItemsResult, loadLineItems, retryLineItems } from '../../../src/lineItems/lineItemsLoader';
import { FAKE_TOKEN, RecordedRequest } from '../../fake-api/server';
import { InvoiceItem as FakeItem } from '../../fake-api/catalog';
import { makeClient } from '../../support/clientHarness';
import { useFakeApi } from '../../support/fakeApiHooks';

const sameItem = (item: InvoiceItem, fake: FakeItem) =>
  item.product === fake.product && item.amount === fake.amount && item.description === fake.description && item.startTime === fake.start_time;

function assertAllItems(result: LineItemsResult, expected: readonly FakeItem[]): void {
  assert.strictEqual(result.items.length, expected.length);
  assert.ok(result.items.every((item, i) => sameItem(item, expected[i])), 'items in the API order');
}

/** Holds page 1's answer back until `others` other requests have settled, so they arrive first. */
function pageOneLast(others: number): Transport {
  let settled = 0;
  let release: () => void = () => undefined;
  const othersIn = new Promise<void>((resolve) => (release = resolve));
  const settle = () => (++settled >= others ? release() : undefined);
  return async (request) => {
    if (new URL(request.url).searchParams.get('page') === '1') {
      const response = await nodeTransport(request);
      await othersIn;
      return response;
    }
    try {
      const response = await nodeTransport(request);
      await response.body().catch(() => undefined);
      return response;
    } finally {
      settle();
    }
  };
}

const pagesRequested = (requests: readonly RecordedRequest[]) => requests.map((request) => Number(request.query.page)).sort((a, b) => a - b);

describe('loading all line items of an invoice', function () {
  this.timeout(30_000);
  const fake = useFakeApi();

  const large = () => fake.api.data.invoices[0];

  it('loads the 10,000 items in 50 pages of 200, never more than 4 requests at a time', async () => {
    const latencyMs = 20;
    fake.api.setLatency(latencyMs);
    const { stats, transport } = countingTransport();
    const { client } = makeClient(fake.url, { transport });
    const progress: LineItemsProgress[] = [];
    const result = await loadLineItems(large().invoice_uuid, { client, call: { token: FAKE_TOKEN }, onProgress: (p) => progress.push(p) });

    assert.strictEqual(large().items.length, 10_000);
    assert.ok(result.complete);
    assert.deepStrictEqual(result.failed, []);
    assert.deepStrictEqual(result.problems, []);
    assert.strictEqual(result.total, 10_000);
    assert.strictEqual(result.totalPages, 50);
    assertAllItems(result, large().items);
    assert.deepStrictEqual(pagesRequested(fake.api.requests), Array.from({ length: 50 }, (_, i) => i + 1), 'each page once');
    assert.ok(fake.api.requests.every((request) => request.query.per_page === '200'));
    assert.strictEqual(stats.max, 4, 'client side: 4 in flight at most, and 4 used');
    const onServer = serverConcurrency(fake.api.requests, latencyMs);
    assert.ok(onServer <= 4 && onServer >= 2, `server side: ${onServer} in flight`);
    assert.deepStrictEqual(progress.at(-1), { loadedPages: 50, failedPages: 0, totalPages: 50, loadedItems: 10_000 });
    assert.strictEqual(progress[0].totalPages, 50, 'page 1 tells the number of pages');
    assert.ok(progress.every((p, i) => i === 0 || p.loadedPages >= progress[i - 1].loadedPages), 'progress only moves forward');
  });

  it('asks for pages 2 to 4 alongside page 1, and drops them when the invoice fits on one page', async () => {
    const { client } = makeClient(fake.url);
    const invoice = fake.api.data.invoices[3];
    assert.ok(invoice.items.length > 0 && invoice.items.length <= 200);
    const result = await loadLineItems(invoice.invoice_uuid, { client, call: { token: FAKE_TOKEN } });
    assert.ok(result.complete);
    assertAllItems(result, invoice.items);
    assert.deepStrictEqual([...result.pages.keys()], [1]);
    assert.strictEqual(result.totalPages, 1);
    assert.deepStrictEqual(result.problems, []);
    assert.deepStrictEqual(pagesRequested(fake.api.requests), [1, 2, 3, 4]);
  });

  it('cancels the pages asked for alongside page 1 once it says there are no more', async () => {
    const invoice = fake.api.data.invoices[3];
    const cancelled: number[] = [];
    // Pages after 1 never answer: the load settles only if it cancels them.
    const transport: Transport = (request) => {
      const page = Number(new URL(request.url).searchParams.get('page'));
      if (page === 1) {
        return nodeTransport(request);
      }
      return new Promise((_, reject) => {
        request.signal.addEventListener('abort', () => {
          cancelled.push(page);
          reject(Object.assign(new Error('aborted'), { name: 'AbortError' }));
        });
      });
    };
    const { client } = makeClient(fake.url, { transport });
    const result = await loadLineItems(invoice.invoice_uuid, { client, call: { token: FAKE_TOKEN } });
    assert.ok(result.complete);
    assertAllItems(result, invoice.items);
    assert.deepStrictEqual(cancelled.sort((a, b) => a - b), [2, 3, 4]);
  });

  it('ignores a failure of a page beyond the last one, asked for alongside page 1', async () => {
    const { client } = makeClient(fake.url, { maxTries: 1, transport: pageOneLast(3) });
    const invoice = fake.api.data.invoices[3];
    fake.api.addFault({ kind: 'status', status: 404, page: 2, times: 1 });
    const result = await loadLineItems(invoice.invoice_uuid, { client, call: { token: FAKE_TOKEN } });
    assert.ok(result.complete);
    assert.deepStrictEqual(result.failed, []);
    assertAllItems(result, invoice.items);
  });

  it('lists a page asked for alongside page 1 that failed, and a retry fetches only it', async () => {
    const { client } = makeClient(fake.url, { maxTries: 1, transport: pageOneLast(3) });
    const uuid = large().invoice_uuid;
    fake.api.addFault({ kind: 'status', status: 500, page: 3, times: 1 });
    const result = await loadLineItems(uuid, { client, call: { token: FAKE_TOKEN } });
    assert.strictEqual(result.complete, false);
    assert.deepStrictEqual(result.failed.map((f) => [f.page, f.kind]), [[3, 'server']]);
    assert.strictEqual(result.items.length, 9_800);
    fake.api.clearRequests();
    const retried = await retryLineItems(result, { client, call: { token: FAKE_TOKEN } });
    assert.deepStrictEqual(pagesRequested(fake.api.requests), [3]);
    assertAllItems(retried, large().items);
  });

  it('asks for page 1 alone when only one request may be in flight', async () => {
    const { client } = makeClient(fake.url);
    const invoice = fake.api.data.invoices[3];
    const result = await loadLineItems(invoice.invoice_uuid, { client, call: { token: FAKE_TOKEN }, maxParallel: 1 });
    assert.ok(result.complete);
    assert.deepStrictEqual(pagesRequested(fake.api.requests), [1]);
  });

  it('stops sending requests when cancelled', async () => {
    fake.api.setLatency(30);
    const { stats, transport } = countingTransport();
    const { client } = makeClient(fake.url, { transport });
    const controller = new AbortController();
    const loading = loadLineItems(large().invoice_uuid, {
      client,
      call: { token: FAKE_TOKEN, signal: controller.signal },
      onProgress: (p) => (p.loadedPages >= 3 ? controller.abort() : undefined),
    });
    await assert.rejects(loading, isAbort);
    const started = stats.started;
    assert.strictEqual(stats.inFlight, 0, 'the requests in flight were aborted before the load settled');
    await new Promise((resolve) => setTimeout(resolve, 150));
    assert.strictEqual(stats.started, started, 'nothing sent after the cancellation');
    assert.ok(fake.api.requests.length <= started, `the server saw ${fake.api.requests.length} of ${started}`);
    // The 3 pages loaded, at most 4 in flight, and at most 4 received but not yet parsed (a
    // page frees its slot once its body is in).
    assert.ok(started <= 3 + 4 + 4, `${started} requests sent`);
  });

  it('marks a page that keeps failing, then a retry fetches only that page', async () => {
    const { client, clock } = makeClient(fake.url);
    const uuid = large().invoice_uuid;
    const result = await loadLineItems(uuid, {
      client,
      call: { token: FAKE_TOKEN },
      maxParallel: 1,
      onProgress: (p) => {
        if (p.loadedPages === 1 && p.failedPages === 0) {
          fake.api.addFault({ kind: 'status', status: 500, path: `/v2/customers/my/invoices/${uuid}`, times: 3 });
        }
      },
    });
    assert.strictEqual(result.complete, false);
    assert.deepStrictEqual(result.failed.map((f) => [f.page, f.kind]), [[2, 'server']]);
    assert.match(result.failed[0].message, /server error \(HTTP 500\)/);
    assert.strictEqual(result.items.length, 9_800);
    assert.strictEqual(result.pages.has(2), false);
    assert.strictEqual(clock.sleeps.length, 2, 'the client retried the page twice');

    fake.api.clearRequests();
    const retried = await retryLineItems(result, { client, call: { token: FAKE_TOKEN } });
    assert.ok(retried.complete);
    assert.deepStrictEqual(pagesRequested(fake.api.requests), [2]);
    assertAllItems(retried, large().items);
  });

  it('marks every page that failed while 4 were in flight', async () => {
    const { client } = makeClient(fake.url, { maxTries: 1 });
    const uuid = large().invoice_uuid;
    const result = await loadLineItems(uuid, {
      client,
      call: { token: FAKE_TOKEN },
      onProgress: (p) => (p.loadedPages === 1 && p.failedPages === 0 ? fake.api.addFault({ kind: 'reset', times: 2 }) : undefined),
    });
    assert.strictEqual(result.failed.length, 2);
    assert.ok(result.failed.every((f) => f.kind === 'network' && f.page > 1));
    assert.strictEqual(result.items.length, 9_600);
    const retried = await retryLineItems(result, { client, call: { token: FAKE_TOKEN } });
    assert.ok(retried.complete);
    assertAllItems(retried, large().items);
  });

  it('starts over from page 1 when page 1 failed', async () => {
    const { client } = makeClient(fake.url, { maxTries: 1 });
    fake.api.addFault({ kind: 'status', status: 502, page: 1, times: 1 });
    const result = await loadLineItems(large().invoice_uuid, { client, call: { token: FAKE_TOKEN } });
    assert.deepStrictEqual(result.failed.map((f) => f.page), [1]);
    assert.strictEqual(result.totalPages, undefined);
    assert.strictEqual(result.items.length, 0);
    assert.strictEqual(result.pages.size, 0, 'pages that came alongside page 1 are dropped with it');
    const retried = await retryLineItems(result, { client, call: { token: FAKE_TOKEN } });
    assert.ok(retried.complete);
    assert.strictEqual(retried.items.length, 10_000);
  });

  it('stops starting requests after a 401 and lists the pages not loaded', async () => {
    const { client } = makeClient(fake.url);
    const result = await loadLineItems(large().invoice_uuid, {
      client,
      call: { token: FAKE_TOKEN },
      onProgress: (p) => (p.loadedPages === 1 && p.failedPages === 0 ? fake.api.addFault({ kind: 'status', status: 401 }) : undefined),
    });
    // The first round (pages 1 to 4) was sent before the 401, then at most 4 more.
    assert.ok(fake.api.requests.length <= 4 + 4, `${fake.api.requests.length} requests`);
    const failed = result.failed.map((f) => f.page);
    assert.deepStrictEqual([...result.pages.keys(), ...failed].sort((a, b) => a - b), Array.from({ length: 50 }, (_, i) => i + 1), 'every page loaded or listed');
    assert.ok(failed.length >= 46 && failed.every((page) => page > 1), `failed: ${failed.join(', ')}`);
    assert.ok(result.failed.every((f) => f.kind === 'unauthorized'));
  });

  it('reports a page that repeats the previous one instead of dropping or merging it', async () => {
    const { client } = makeClient(fake.url);
    const result = await loadLineItems(large().invoice_uuid, {
      client,
      call: { token: FAKE_TOKEN },
      maxParallel: 1,
      onProgress: (p) => (p.loadedPages === 1 ? fake.api.addFault({ kind: 'repeatPage', times: 1 }) : undefined),
    });
    assert.ok(result.complete);
    assert.strictEqual(result.items.length, 10_000, 'kept, not de-duplicated');
    assert.deepStrictEqual(result.problems, ['The API sent the same items for page 2 as for page 1; they are shown twice.']);
  });

  it('loads 10,000 items quickly without latency', async () => {
    const { client } = makeClient(fake.url);
    const started = process.hrtime.bigint();
    const result = await loadLineItems(large().invoice_uuid, { client, call: { token: FAKE_TOKEN } });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    assert.strictEqual(result.items.length, 10_000);
    console.log(`      10,000 items in 50 pages: ${ms.toFixed(0)} ms`);
  });
});

describe('loading line items when the rate limit runs low', function () {
  this.timeout(30_000);
  const fake = useFakeApi({ rateLimit: 40, largeInvoiceItems: 2_000 });

  it('fetches one page at a time below 50 remaining requests', async () => {
    const latencyMs = 15;
    fake.api.setLatency(latencyMs);
    const { stats, transport } = countingTransport();
    const { client } = makeClient(fake.url, { transport });
    // As in the extension, the invoice list was fetched first: the client knows what remains.
    await client.listInvoices({ page: 1, perPage: 20 }, { token: FAKE_TOKEN });
    fake.api.clearRequests();
    const result = await loadLineItems(fake.api.data.invoices[0].invoice_uuid, { client, call: { token: FAKE_TOKEN } });
    assert.ok(result.complete);
    assert.strictEqual(result.items.length, 2_000);
    assert.deepStrictEqual(pagesRequested(fake.api.requests), Array.from({ length: 10 }, (_, i) => i + 1), 'no page asked for alongside page 1');
    assert.strictEqual(stats.max, 1);
    assert.strictEqual(serverConcurrency(fake.api.requests, latencyMs), 1);
  });
});

function pagedItems(count: number): InvoiceItem[] {
  return Array.from({ length: count }, (_, i) => ({
    product: 'Droplets', groupDescription: '', description: `d${i}`, amount: '0.10', duration: '', durationUnit: '', startTime: '', endTime: '', projectName: '',
  }));
}

describe('loading line items without meta.total', () => {
  /** Serves `count` items 200 a page, with next links but no total (not what the spec says). */
  function pagedClient(count: number, failOnce?: number): { client: DigitalOceanClient; calls: number[] } {
    const calls: number[] = [];
    const items = pagedItems(count);
    const fake = {
      http: { rateLimit: {} },
      getInvoiceItems: async (_uuid: string, page: PageRef): Promise<InvoiceItemsPage> => {
        calls.push(page.page);
        if (page.page === failOnce) {
          failOnce = undefined;
          throw new Error('boom');
        }
        const start = (page.page - 1) * page.perPage;
        const next = start + page.perPage < count ? { page: page.page + 1, perPage: page.perPage } : undefined;
        return { items: items.slice(start, start + page.perPage), next };
      },
    };
    return { client: fake as unknown as DigitalOceanClient, calls };
  }

  it('cancels the pages asked for alongside page 1 when it has neither a total nor a next link', async () => {
    const cancelled: number[] = [];
    const client = {
      http: { rateLimit: {} },
      getInvoiceItems: (_uuid: string, page: PageRef, call: { signal?: AbortSignal }): Promise<InvoiceItemsPage> => {
        if (page.page === 1) {
          return Promise.resolve({ items: pagedItems(3) });
        }
        return new Promise((_, reject) => call.signal?.addEventListener('abort', () => {
          cancelled.push(page.page);
          reject(abortedError());
        }));
      },
    } as unknown as DigitalOceanClient;
    const result = await loadLineItems('u', { client, call: { token: 't' } });
    assert.ok(result.complete);
    assert.strictEqual(result.items.length, 3);
    assert.deepStrictEqual(cancelled.sort(), [2, 3, 4]);
  });

  it('follows the next links one page at a time and resumes after a failure', async () => {
    const { client, calls } = pagedClient(1_000, 3);
    const result = await loadLineItems('u', { client, call: { token: 't' } });
    assert.strictEqual(result.complete, false);
    assert.deepStrictEqual(result.failed.map((f) => [f.page, f.kind]), [[3, 'unexpected']]);
    assert.strictEqual(result.items.length, 400);
    const retried = await retryLineItems(result, { client, call: { token: 't' } });
    assert.ok(retried.complete);
    assert.deepStrictEqual(retried.items.map((item) => item.description), Array.from({ length: 1_000 }, (_, i) => `d${i}`));
    // Pages 2 to 4 were asked for alongside page 1 and used as far as the links lead (to the
    // failed page 3); the retry follows the links from there.
    assert.deepStrictEqual(calls, [1, 2, 3, 4, 3, 4, 5]);
  });
});
