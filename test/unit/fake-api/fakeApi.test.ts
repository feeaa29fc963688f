import * as assert from 'assert';
import {
  FAKE_TOKEN, FAKE_TOKEN_PERSONAL, FAKE_TOKEN_WITHOUT_ACCOUNT_SCOPE, FAKE_TOKEN_WITHOUT_BILLING_SCOPE, FakeDoApi, FLEET_EVENTS,
  FOREIGN_ORIGIN, HUGE_AMOUNT, INSIGHTS_FIRST_DAY, InsightsDataPoint, Invoice, InvoiceItem, NEW_FAMILY_SKU, SPIKE_SKU, teamUrn,
  UNICODE_SAMPLES,
} from '../../fake-api/server';

const NOW = new Date('2025-03-15T10:30:00Z');
const INVOICES = '/v2/customers/my/invoices';

interface Reply {
  status: number;
  headers: Headers;
  text: string;
  bytes: Buffer;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json(): any;
}

async function get(base: string, path: string, token: string | null = FAKE_TOKEN, timeoutMs = 5000): Promise<Reply> {
  const headers: Record<string, string> = token === null ? {} : { authorization: `Bearer ${token}` };
  const response = await fetch(path.startsWith('http') ? path : base + path, {
    headers, signal: AbortSignal.timeout(timeoutMs),
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  const text = bytes.toString('utf8');
  return { status: response.status, headers: response.headers, text, bytes, json: () => JSON.parse(text) };
}

async function control(base: string, method: string, path: string, body?: unknown): Promise<Reply> {
  const response = await fetch(base + path, {
    method, body: body === undefined ? undefined : JSON.stringify(body), headers: { 'content-type': 'application/json' },
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, bytes: Buffer.from(text), json: () => JSON.parse(text) };
}

function cents(amount: string): number {
  const match = /^(-?)(\d+)\.(\d{2})$/.exec(amount);
  assert.ok(match, `not an amount: ${amount}`);
  const value = Number(match[2]) * 100 + Number(match[3]);
  return match[1] ? -value : value;
}

function sumItems(items: readonly InvoiceItem[]): number {
  return items.reduce((sum, item) => sum + cents(item.amount), 0);
}

/** Follows links.pages.next from `first`, collecting the `key` arrays of every page. */
async function walk(base: string, first: string, key: string): Promise<{ records: unknown[]; pages: number }> {
  const records: unknown[] = [];
  let next: string | undefined = first;
  let pages = 0;
  while (next) {
    const body = (await get(base, next)).json();
    records.push(...body[key]);
    next = body.links?.pages?.next;
    pages++;
    assert.ok(pages < 1000, 'pagination does not end');
  }
  return { records, pages };
}

describe('fake DigitalOcean API', function () {
  this.timeout(20_000);
  let api: FakeDoApi;
  let base: string;

  before(async () => {
    api = new FakeDoApi({ now: NOW });
    base = await api.start();
  });
  afterEach(() => api.reset());
  after(() => api.close());

  describe('generated data', () => {
    it('is deterministic for the same options', () => {
      const again = new FakeDoApi({ now: NOW });
      assert.deepStrictEqual(again.data, api.data);
    });

    it('has 40 closed invoices, newest first, one per month before the preview month', () => {
      const periods = api.data.invoices.map((invoice) => invoice.invoice_period);
      assert.strictEqual(periods.length, 40);
      assert.strictEqual(periods[0], '2025-02');
      assert.strictEqual(periods[39], '2021-11');
      assert.deepStrictEqual([...periods].sort().reverse(), periods);
      assert.strictEqual(api.data.preview.invoice_period, '2025-03');
      assert.strictEqual(api.data.preview.updated_at, '2025-03-15T10:00:00Z');
    });

    it('makes the newest closed invoice the large one and gives the others 5..60 items', () => {
      const [large, ...others] = api.data.invoices;
      assert.strictEqual(large.items.length, 10_000);
      for (const invoice of others) {
        assert.ok(invoice.items.length >= 5 && invoice.items.length <= 60, `${invoice.invoice_period}: ${invoice.items.length}`);
      }
    });

    it('sums every invoice\'s items exactly to its amount', () => {
      for (const invoice of [...api.data.invoices, api.data.preview]) {
        assert.strictEqual(sumItems(invoice.items), cents(invoice.amount), invoice.invoice_period);
      }
    });

    it('has varied realistic amounts, some of them 0.00, and well-formed ids', () => {
      const amounts = api.data.invoices.map((invoice) => invoice.amount);
      assert.ok(amounts.includes('0.00'));
      assert.ok(new Set(amounts).size > 30);
      for (const invoice of api.data.invoices) {
        assert.match(invoice.invoice_id, /^\d+$/);
        assert.match(invoice.invoice_uuid, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      }
      const products = new Set(api.data.invoices.flatMap((invoice) => invoice.items.map((item) => item.product)));
      for (const product of ['Droplets', 'Kubernetes Clusters', 'Managed Databases', 'Taxes', 'Credits']) {
        assert.ok(products.has(product), product);
      }
      const credits = api.data.invoices.flatMap((invoice) => invoice.items.filter((item) => item.product === 'Credits'));
      assert.ok(credits.every((item) => cents(item.amount) < 0));
    });

    it('honours invoiceMonths and largeInvoiceItems', () => {
      const small = new FakeDoApi({ now: NOW, invoiceMonths: 3, largeInvoiceItems: 7 });
      assert.strictEqual(small.data.invoices.length, 3);
      assert.strictEqual(small.data.invoices[0].items.length, 7);
      assert.deepStrictEqual(small.data.invoices[1], api.data.invoices[1], 'an invoice does not depend on the others');
    });
  });

  describe('invoices list', () => {
    it('walks every invoice exactly once through links.pages.next, with the preview on every page', async () => {
      const seen: Invoice[] = [];
      let next: string | undefined = `${INVOICES}?per_page=7`;
      let pages = 0;
      while (next) {
        const body = (await get(base, next)).json();
        assert.deepStrictEqual(body.invoice_preview, {
          invoice_uuid: api.data.preview.invoice_uuid, invoice_id: api.data.preview.invoice_id,
          amount: api.data.preview.amount, invoice_period: '2025-03', updated_at: '2025-03-15T10:00:00Z',
        });
        assert.strictEqual(body.meta.total, 40);
        seen.push(...body.invoices);
        next = body.links?.pages?.next;
        pages++;
      }
      assert.strictEqual(pages, 6);
      assert.deepStrictEqual(seen.map((i) => i.invoice_uuid), api.data.invoices.map((i) => i.invoice_uuid));
      assert.deepStrictEqual(Object.keys(seen[0]), ['invoice_uuid', 'invoice_id', 'amount', 'invoice_period']);
    });

    it('writes absolute links on its own origin in the spec\'s format, only those that make sense', async () => {
      const first = (await get(base, `${INVOICES}?per_page=7`)).json();
      assert.deepStrictEqual(first.links.pages, {
        next: `${base}${INVOICES}?page=2&per_page=7`, last: `${base}${INVOICES}?page=6&per_page=7`,
      });
      const middle = (await get(base, `${INVOICES}?page=3&per_page=7`)).json();
      assert.deepStrictEqual(Object.keys(middle.links.pages), ['first', 'prev', 'next', 'last']);
      assert.strictEqual(middle.links.pages.prev, `${base}${INVOICES}?page=2&per_page=7`);
      const last = (await get(base, `${INVOICES}?page=6&per_page=7`)).json();
      assert.deepStrictEqual(last.links.pages, {
        first: `${base}${INVOICES}?page=1&per_page=7`, prev: `${base}${INVOICES}?page=5&per_page=7`,
      });
      assert.strictEqual(last.invoices.length, 5);
    });

    it('has no links key at all when everything fits on one page', async () => {
      const body = (await get(base, `${INVOICES}?per_page=200`)).json();
      assert.strictEqual(body.invoices.length, 40);
      assert.ok(!('links' in body));
      const few = new FakeDoApi({ now: NOW, invoiceMonths: 3 });
      try {
        const fewBase = await few.start();
        const defaultPage = (await get(fewBase, INVOICES)).json();
        assert.strictEqual(defaultPage.invoices.length, 3);
        assert.ok(!('links' in defaultPage));
      } finally {
        await few.close();
      }
    });

    it('defaults to 20 per page and clamps per_page into 1..200', async () => {
      assert.strictEqual((await get(base, INVOICES)).json().invoices.length, 20);
      assert.strictEqual((await get(base, `${INVOICES}?per_page=0`)).json().invoices.length, 1);
      assert.strictEqual((await get(base, `${INVOICES}?per_page=abc&page=-4`)).json().invoices.length, 20);
      const large = api.data.invoices[0].invoice_uuid;
      assert.strictEqual((await get(base, `${INVOICES}/${large}?per_page=1000`)).json().invoice_items.length, 200);
    });

    it('answers an empty list past the last page', async () => {
      const body = (await get(base, `${INVOICES}?page=9&per_page=7`)).json();
      assert.deepStrictEqual(body.invoices, []);
      assert.strictEqual(body.links.pages.next, undefined);
    });
  });

  describe('invoice items, summary and downloads', () => {
    it('pages through the 10000 items of the large invoice, summing to its amount', async () => {
      const large = api.data.invoices[0];
      const { records, pages } = await walk(base, `${INVOICES}/${large.invoice_uuid}?per_page=200`, 'invoice_items');
      assert.strictEqual(pages, 50);
      assert.deepStrictEqual(records, large.items);
      assert.strictEqual(sumItems(records as InvoiceItem[]), cents(large.amount));
    });

    it('serves items per the spec model, and the preview\'s items under /preview', async () => {
      const body = (await get(base, `${INVOICES}/preview?per_page=200`)).json();
      assert.strictEqual(body.meta.total, api.data.preview.items.length);
      assert.strictEqual(sumItems(body.invoice_items), cents(api.data.preview.amount));
      for (const item of body.invoice_items as InvoiceItem[]) {
        assert.strictEqual(item.duration_unit, 'Hours');
        assert.match(item.start_time, /^\d{4}-\d{2}-\d{2}T\d{2}:00:00Z$/);
        assert.ok(item.end_time > item.start_time && item.end_time <= api.data.preview.updated_at);
        assert.strictEqual(typeof item.description, 'string');
      }
    });

    it('answers 404 not_found for an unknown invoice uuid', async () => {
      const reply = await get(base, `${INVOICES}/00000000-0000-4000-8000-000000000000`);
      assert.strictEqual(reply.status, 404);
      assert.strictEqual(reply.json().id, 'not_found');
      assert.strictEqual((await get(base, `${INVOICES}/%zz/summary`)).status, 404);
    });

    it('summarises an invoice consistently with its items', async () => {
      for (const invoice of api.data.invoices.slice(0, 12)) {
        const summary = (await get(base, `${INVOICES}/${invoice.invoice_uuid}/summary`)).json();
        assert.strictEqual(summary.amount, invoice.amount);
        assert.strictEqual(summary.billing_period, invoice.invoice_period);
        assert.strictEqual(summary.user_name, 'Sammy Shark');
        const parts = [summary.product_charges, summary.overages, summary.taxes, summary.credits_and_adjustments];
        assert.strictEqual(parts.reduce((sum, part) => sum + cents(part.amount), 0), cents(invoice.amount));
        const productTotal = summary.product_charges.items.reduce((sum: number, item: { amount: string }) => sum + cents(item.amount), 0);
        assert.strictEqual(productTotal, cents(summary.product_charges.amount));
        const droplets = summary.product_charges.items.find((item: { name: string }) => item.name === 'Droplets');
        const dropletCount = invoice.items.filter((item) => item.product === 'Droplets').length;
        assert.strictEqual(droplets?.count ?? '0', String(dropletCount));
      }
    });

    it('serves the CSV with the spec\'s columns, one row per item', async () => {
      const invoice = api.data.invoices[1];
      const reply = await get(base, `${INVOICES}/${invoice.invoice_uuid}/csv`);
      assert.match(reply.headers.get('content-type') ?? '', /^text\/csv/);
      assert.strictEqual(reply.headers.get('content-disposition'),
        `attachment; filename="DigitalOcean Invoice 2025 Jan (6173678-${invoice.invoice_id}).csv"`);
      const lines = reply.text.trimEnd().split('\n');
      assert.strictEqual(lines[0], 'product,group_description,description,hours,start,end,USD,project_name,category');
      assert.strictEqual(lines.length, invoice.items.length + 1);
      const usd = lines.slice(1).map((line) => /(-?)\$(\d+\.\d{2}),/.exec(line)).map((m) => cents(`${m?.[1]}${m?.[2]}`));
      assert.strictEqual(usd.reduce((a, b) => a + b, 0), cents(invoice.amount));
      assert.match(lines[1], /,\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \+0000,/);
    });

    it('serves a small valid PDF, the same bytes every time', async () => {
      const invoice = api.data.invoices[2];
      const reply = await get(base, `${INVOICES}/${invoice.invoice_uuid}/pdf`);
      assert.strictEqual(reply.headers.get('content-type'), 'application/pdf');
      assert.match(reply.headers.get('content-disposition') ?? '', /^attachment; filename=".*\.pdf"$/);
      const pdf = reply.bytes.toString('latin1');
      assert.ok(pdf.startsWith('%PDF-1.4\n') && pdf.endsWith('%%EOF\n'));
      assert.ok(pdf.includes(`Invoice number: ${invoice.invoice_id}`));
      const startxref = Number(/startxref\n(\d+)\n/.exec(pdf)?.[1]);
      assert.ok(pdf.startsWith('xref\n', startxref));
      const offsets = [...pdf.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
      offsets.forEach((offset, i) => assert.ok(pdf.startsWith(`${i + 1} 0 obj\n`, offset), `object ${i + 1}`));
      const again = await get(base, `${INVOICES}/${invoice.invoice_uuid}/pdf`);
      assert.ok(again.bytes.equals(reply.bytes));
    });
  });

  describe('balance and billing history', () => {
    it('reports month-to-date usage equal to the preview amount', async () => {
      const balance = (await get(base, '/v2/customers/my/balance')).json();
      assert.strictEqual(balance.month_to_date_usage, api.data.preview.amount);
      assert.strictEqual(cents(balance.month_to_date_balance), cents(balance.account_balance) + cents(balance.month_to_date_usage));
      assert.strictEqual(balance.generated_at, '2025-03-15T10:00:00Z');
    });

    it('pages billing history newest first, with invoice entries linked to invoices', async () => {
      const { records } = await walk(base, '/v2/customers/my/billing_history?per_page=25', 'billing_history');
      assert.deepStrictEqual(records, api.data.billingHistory);
      const entries = records as Array<{ type: string; amount: string; date: string; invoice_uuid?: string }>;
      assert.deepStrictEqual(entries.map((e) => e.date), entries.map((e) => e.date).sort().reverse());
      const invoiceEntries = entries.filter((e) => e.type === 'Invoice');
      assert.strictEqual(invoiceEntries.length, 40);
      for (const entry of invoiceEntries) {
        const invoice = api.data.invoices.find((i) => i.invoice_uuid === entry.invoice_uuid);
        assert.strictEqual(entry.amount, invoice?.amount);
      }
      assert.ok(entries.filter((e) => e.type === 'Payment').every((e) => cents(e.amount) < 0));
      assert.ok(entries.some((e) => e.type === 'Credit'));
      const total = (await get(base, '/v2/customers/my/billing_history')).json().meta.total;
      assert.strictEqual(total, entries.length);
    });
  });

  describe('authentication and headers', () => {
    it('answers 401 without a token or with an unknown one', async () => {
      for (const token of [null, 'dop_v1_nope']) {
        const reply = await get(base, INVOICES, token);
        assert.strictEqual(reply.status, 401);
        assert.deepStrictEqual(reply.json(), {
          id: 'unauthorized', message: 'Unable to authenticate you.', request_id: reply.headers.get('x-request-id'),
        });
      }
    });

    it('answers 403 to a token without billing:read', async () => {
      const reply = await get(base, '/v2/customers/my/balance', FAKE_TOKEN_WITHOUT_BILLING_SCOPE);
      assert.strictEqual(reply.status, 403);
      assert.strictEqual(reply.json().id, 'forbidden');
      assert.strictEqual(reply.json().message, 'You are not authorized to perform this operation.');
    });

    it('accepts custom token lists', async () => {
      const custom = new FakeDoApi({ now: NOW, invoiceMonths: 1, tokens: ['a'], tokensWithoutBillingScope: ['b'] });
      try {
        const customBase = await custom.start();
        assert.strictEqual((await get(customBase, INVOICES, 'a')).status, 200);
        assert.strictEqual((await get(customBase, INVOICES, 'b')).status, 403);
        assert.strictEqual((await get(customBase, INVOICES, FAKE_TOKEN)).status, 401);
      } finally {
        await custom.close();
      }
    });

    it('answers 404 not_found to unknown paths', async () => {
      const reply = await get(base, '/v2/droplets');
      assert.strictEqual(reply.status, 404);
      assert.strictEqual(reply.json().id, 'not_found');
    });

    it('sends rate-limit headers with a decrementing remaining count and a uuid request id', async () => {
      const first = await get(base, INVOICES);
      const second = await get(base, '/v2/customers/my/nothing');
      assert.strictEqual(first.headers.get('content-type'), 'application/json; charset=utf-8');
      assert.strictEqual(first.headers.get('ratelimit-limit'), '5000');
      assert.strictEqual(Number(second.headers.get('ratelimit-remaining')), Number(first.headers.get('ratelimit-remaining')) - 1);
      assert.ok(Number(first.headers.get('ratelimit-reset')) > Date.now() / 1000);
      assert.match(first.headers.get('x-request-id') ?? '', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      assert.notStrictEqual(first.headers.get('x-request-id'), second.headers.get('x-request-id'));
    });

    it('records API requests but not control requests', async () => {
      await get(base, `${INVOICES}?page=2&per_page=5`);
      await control(base, 'GET', '/__fake/requests');
      assert.strictEqual(api.requests.length, 1);
      const [request] = api.requests;
      assert.strictEqual(request.method, 'GET');
      assert.strictEqual(request.path, INVOICES);
      assert.deepStrictEqual(request.query, { page: '2', per_page: '5' });
      assert.strictEqual(request.authorization, `Bearer ${FAKE_TOKEN}`);
      assert.ok(Math.abs(request.at - Date.now()) < 5000);
    });
  });

  describe('preview amount, latency and reset', () => {
    it('changes the month-to-date amount everywhere, keeping items summed, until reset', async () => {
      const original = api.data.preview.amount;
      api.setPreviewAmount('12.34');
      assert.strictEqual((await get(base, INVOICES)).json().invoice_preview.amount, '12.34');
      assert.strictEqual((await get(base, '/v2/customers/my/balance')).json().month_to_date_usage, '12.34');
      const items = (await get(base, `${INVOICES}/preview?per_page=200`)).json().invoice_items;
      assert.strictEqual(sumItems(items), 1234);
      api.setPreviewAmount('-3.00');
      assert.strictEqual(sumItems(api.data.preview.items), -300);
      api.reset();
      assert.strictEqual(api.data.preview.amount, original);
      assert.throws(() => api.setPreviewAmount('12.3'));
    });

    it('delays every API response by the latency', async () => {
      api.setLatency(150);
      const started = Date.now();
      await get(base, '/v2/customers/my/balance');
      assert.ok(Date.now() - started >= 140);
    });
  });

  describe('control over HTTP', () => {
    it('adds and clears faults, sets preview and latency, resets, and exposes data and requests', async () => {
      assert.strictEqual((await control(base, 'POST', '/__fake/faults', [{ kind: 'status', status: 503, times: 1 }])).status, 200);
      assert.strictEqual((await get(base, INVOICES)).status, 503);
      assert.strictEqual((await get(base, INVOICES)).status, 200);
      await control(base, 'POST', '/__fake/faults', { kind: 'status', status: 500 });
      assert.strictEqual((await control(base, 'GET', '/__fake/faults')).json().length, 1);
      await control(base, 'DELETE', '/__fake/faults');
      assert.strictEqual((await get(base, INVOICES)).status, 200);

      assert.strictEqual((await control(base, 'POST', '/__fake/preview', { amount: '99.99' })).json().amount, '99.99');
      assert.strictEqual((await control(base, 'POST', '/__fake/latency', { ms: 5 })).json().ms, 5);
      assert.strictEqual(api.latency, 5);
      assert.strictEqual((await control(base, 'GET', '/__fake/requests')).json().length, 3);
      const data = (await control(base, 'GET', '/__fake/data?items=false')).json();
      assert.strictEqual(data.invoices[0].itemCount, 10_000);
      assert.strictEqual(data.preview.amount, '99.99');

      await control(base, 'POST', '/__fake/reset');
      assert.strictEqual(api.requests.length, 0);
      assert.strictEqual(api.latency, 0);
      assert.notStrictEqual(api.data.preview.amount, '99.99');
      const full = (await control(base, 'GET', '/__fake/data')).json();
      assert.strictEqual(full.invoices[0].items.length, 10_000);
    });

    it('rejects malformed control input with 400', async () => {
      assert.strictEqual((await control(base, 'POST', '/__fake/faults', { kind: 'explode' })).status, 400);
      assert.strictEqual((await control(base, 'POST', '/__fake/faults', { kind: 'status', times: 0 })).status, 400);
      assert.strictEqual((await control(base, 'POST', '/__fake/preview', { amount: 'lots' })).status, 400);
      assert.strictEqual((await control(base, 'POST', '/__fake/nothing')).status, 404);
      assert.deepStrictEqual(api.pendingFaults, []);
    });
  });

  describe('transport faults', () => {
    it('status: answers the given status, headers and spec-shaped error body, `times` times', async () => {
      api.addFault({ kind: 'status', status: 429, times: 2, headers: { 'retry-after': '2' } });
      for (let i = 0; i < 2; i++) {
        const reply = await get(base, '/v2/customers/my/balance');
        assert.strictEqual(reply.status, 429);
        assert.strictEqual(reply.headers.get('retry-after'), '2');
        assert.strictEqual(reply.headers.get('ratelimit-remaining'), '0');
        assert.deepStrictEqual(reply.json(), {
          id: 'too_many_requests', message: 'API Rate limit exceeded.', request_id: reply.headers.get('x-request-id'),
        });
      }
      assert.strictEqual((await get(base, '/v2/customers/my/balance')).status, 200);
    });

    it('status: only hits requests under its path, and can override the body', async () => {
      api.addFault({ kind: 'status', status: 500, path: '/v2/customers/my/billing_history', body: { id: 'x', message: 'y' } });
      assert.strictEqual((await get(base, INVOICES)).status, 200);
      const reply = await get(base, '/v2/customers/my/billing_history');
      assert.strictEqual(reply.status, 500);
      assert.deepStrictEqual(reply.json(), { id: 'x', message: 'y' });
    });
    it('status: with a page, only hits requests for that page (no page query is page 1)', async () => {
      api.addFault({ kind: 'status', status: 502, page: 2, times: 1 });
      assert.strictEqual((await get(base, `${INVOICES}?page=1`)).status, 200);
      assert.strictEqual((await get(base, INVOICES)).status, 200);
      assert.strictEqual((await get(base, `${INVOICES}?page=2`)).status, 502);
      assert.strictEqual((await get(base, `${INVOICES}?page=2`)).status, 200, 'used up');
      assert.match((await control(base, 'POST', '/__fake/faults', { kind: 'status', page: 0 })).text, /page must be a positive integer/);
    });


    it('status: applies before authentication', async () => {
      api.addFault({ kind: 'status', status: 503, times: 1 });
      const reply = await get(base, INVOICES, null);
      assert.strictEqual(reply.status, 503);
      assert.strictEqual(reply.json().id, 'service_unavailable');
    });

    it('reset: drops the connection without a response', async () => {
      api.addFault({ kind: 'reset', times: 1 });
      await assert.rejects(get(base, INVOICES));
      assert.strictEqual((await get(base, INVOICES)).status, 200);
    });

    it('hang: never answers, so the client times out', async () => {
      api.addFault({ kind: 'hang', times: 1 });
      await assert.rejects(get(base, INVOICES, FAKE_TOKEN, 300), { name: 'TimeoutError' });
    });

    it('drip: sends headers at once and the body too slowly for a client timeout', async () => {
      api.addFault({ kind: 'drip', times: 1, dripMs: 100, dripBytes: 4 });
      const response = await fetch(`${base}/v2/customers/my/balance`, {
        headers: { authorization: `Bearer ${FAKE_TOKEN}` }, signal: AbortSignal.timeout(500),
      });
      assert.strictEqual(response.status, 200);
      await assert.rejects(response.text(), { name: 'TimeoutError' });
    });

    it('drip: eventually delivers the whole normal body to a patient client', async () => {
      api.addFault({ kind: 'drip', times: 1, dripMs: 1, dripBytes: 64 });
      const reply = await get(base, '/v2/customers/my/balance');
      assert.strictEqual(reply.json().month_to_date_usage, api.data.preview.amount);
    });

    it('truncated: valid headers, but the JSON is cut in half', async () => {
      api.addFault({ kind: 'truncated', times: 1 });
      const reply = await get(base, INVOICES);
      assert.strictEqual(reply.status, 200);
      assert.strictEqual(reply.headers.get('content-type'), 'application/json; charset=utf-8');
      const full = (await get(base, INVOICES)).text;
      assert.strictEqual(reply.text, full.slice(0, Math.floor(full.length / 2)));
      assert.throws(() => reply.json(), SyntaxError);
    });

    it('html: a proxy error page with text/html', async () => {
      api.addFault({ kind: 'html', times: 1 });
      const reply = await get(base, INVOICES);
      assert.strictEqual(reply.status, 502);
      assert.strictEqual(reply.headers.get('content-type'), 'text/html');
      assert.match(reply.text, /<title>502 Bad Gateway<\/title>/);
      api.addFault({ kind: 'html', status: 504, times: 1 });
      assert.strictEqual((await get(base, INVOICES)).status, 504);
    });

    it('wrongContentType: 200 text/plain "OK"', async () => {
      api.addFault({ kind: 'wrongContentType', times: 1 });
      const reply = await get(base, INVOICES);
      assert.strictEqual(reply.status, 200);
      assert.strictEqual(reply.headers.get('content-type'), 'text/plain');
      assert.strictEqual(reply.text, 'OK');
    });
  });

  describe('data faults', () => {
    it('missingFields: records lose amount or period, the preview too', async () => {
      api.addFault({ kind: 'missingFields', times: 1 });
      const body = (await get(base, `${INVOICES}?per_page=4`)).json();
      assert.ok(!('amount' in body.invoices[0]) && 'invoice_period' in body.invoices[0]);
      assert.ok(!('invoice_period' in body.invoices[1]) && 'amount' in body.invoices[1]);
      assert.ok(!('amount' in body.invoice_preview));
      assert.strictEqual(body.meta.total, 40);
      assert.ok('amount' in (await get(base, INVOICES)).json().invoices[0]);
    });

    it('missingFields notArray: the list is an object', async () => {
      api.addFault({ kind: 'missingFields', variant: 'notArray', times: 1 });
      const body = (await get(base, `${INVOICES}?per_page=4`)).json();
      assert.strictEqual(typeof body.invoices, 'object');
      assert.ok(!Array.isArray(body.invoices));
      assert.strictEqual(body.invoices['0'].invoice_uuid, api.data.invoices[0].invoice_uuid);
    });

    it('missingFields on the balance drops its amounts', async () => {
      api.addFault({ kind: 'missingFields', times: 1 });
      const body = (await get(base, '/v2/customers/my/balance')).json();
      assert.deepStrictEqual(Object.keys(body).sort(), ['generated_at', 'month_to_date_balance']);
    });

    it('badAmounts: some amounts null, some "abc"', async () => {
      api.addFault({ kind: 'badAmounts', times: 1 });
      const body = (await get(base, `${INVOICES}?per_page=3`)).json();
      assert.deepStrictEqual(body.invoices.map((i: Invoice) => i.amount), [null, 'abc', api.data.invoices[2].amount]);
      assert.strictEqual(body.invoice_preview.amount, null);
    });

    it('hugeAmount: one 20-digit amount', async () => {
      const uuid = api.data.invoices[3].invoice_uuid;
      api.addFault({ kind: 'hugeAmount', times: 1, path: `${INVOICES}/${uuid}` });
      const body = (await get(base, `${INVOICES}/${uuid}`)).json();
      assert.strictEqual(body.invoice_items[0].amount, HUGE_AMOUNT);
      assert.strictEqual(HUGE_AMOUNT, '12345678901234567890.12');
      assert.strictEqual(body.invoice_items[1].amount, api.data.invoices[3].items[1].amount);
    });

    it('badPeriod: periods like "2019/12" or "December"', async () => {
      api.addFault({ kind: 'badPeriod', times: 1 });
      const body = (await get(base, `${INVOICES}?per_page=2`)).json();
      assert.deepStrictEqual(body.invoices.map((i: Invoice) => i.invoice_period), ['2025/02', 'January']);
      assert.strictEqual(body.invoice_preview.invoice_period, '2025/03');
    });

    it('unicode: skips the invoices list (no text there) and hits the next item descriptions', async () => {
      api.addFault({ kind: 'unicode', times: 1, path: INVOICES });
      const list = (await get(base, INVOICES)).json();
      assert.deepStrictEqual(list.invoices, api.data.invoices.slice(0, 20).map((i) => ({
        invoice_uuid: i.invoice_uuid, invoice_id: i.invoice_id, amount: i.amount, invoice_period: i.invoice_period,
      })));
      const invoice = api.data.invoices[1];
      const items = (await get(base, `${INVOICES}/${invoice.invoice_uuid}?per_page=200`)).json().invoice_items;
      const text = items.map((item: InvoiceItem) => item.description + item.group_description + item.project_name).join('');
      assert.ok(text.includes('\u202E'));
      assert.ok(UNICODE_SAMPLES.every((sample) => text.includes(sample)));
      assert.ok(items[0].description.endsWith(invoice.items[0].description));
      assert.strictEqual(sumItems(items), cents(invoice.amount));
      assert.deepStrictEqual(api.pendingFaults, []);
    });

    it('foreignNext: next points to another origin', async () => {
      api.addFault({ kind: 'foreignNext', times: 1 });
      const body = (await get(base, `${INVOICES}?per_page=5`)).json();
      assert.strictEqual(body.links.pages.next, `${FOREIGN_ORIGIN}${INVOICES}?page=2&per_page=5`);
      assert.strictEqual(body.links.pages.last, `${base}${INVOICES}?page=8&per_page=5`);
    });

    it('stuckNext: next points to the page just requested', async () => {
      api.addFault({ kind: 'stuckNext', times: 1 });
      const body = (await get(base, `${INVOICES}?page=3&per_page=5`)).json();
      assert.strictEqual(body.links.pages.next, `${base}${INVOICES}?page=3&per_page=5`);
    });

    it('repeatPage: page N repeats page N-1 (and waits for a page >= 2)', async () => {
      api.addFault({ kind: 'repeatPage', times: 1 });
      const first = (await get(base, `${INVOICES}?per_page=5`)).json();
      const second = (await get(base, `${INVOICES}?page=2&per_page=5`)).json();
      assert.deepStrictEqual(second.invoices, first.invoices);
      assert.strictEqual(second.links.pages.next, `${base}${INVOICES}?page=3&per_page=5`);
      const third = (await get(base, `${INVOICES}?page=3&per_page=5`)).json();
      assert.strictEqual(third.invoices[0].invoice_uuid, api.data.invoices[10].invoice_uuid);
    });

    it('noLinks: links omitted although more pages exist', async () => {
      api.addFault({ kind: 'noLinks', times: 1 });
      const body = (await get(base, `${INVOICES}?per_page=5`)).json();
      assert.ok(!('links' in body));
      assert.strictEqual(body.meta.total, 40);
      assert.strictEqual(body.invoices.length, 5);
    });

    it('data faults leave error responses and downloads alone and wait for a body they fit', async () => {
      api.addFault({ kind: 'badAmounts', times: 1 });
      assert.strictEqual((await get(base, INVOICES, null)).status, 401);
      assert.strictEqual((await get(base, `${INVOICES}/${api.data.invoices[1].invoice_uuid}/pdf`)).status, 200);
      assert.strictEqual(api.pendingFaults.length, 1);
      assert.strictEqual((await get(base, '/v2/customers/my/billing_history')).json().billing_history[0].amount, null);
    });

    it('applies extra headers of data faults', async () => {
      api.addFault({ kind: 'noLinks', times: 1, headers: { 'ratelimit-remaining': '3' } });
      assert.strictEqual((await get(base, INVOICES)).headers.get('ratelimit-remaining'), '3');
    });
  });
});

/** Observes a promise at once (no unhandled rejection) and tells how it ended. */
function settled(promise: Promise<unknown>): Promise<'answered' | 'failed'> {
  return promise.then(() => 'answered', () => 'failed');
}

async function waitForRequests(api: FakeDoApi, count: number): Promise<void> {
  while (api.requests.length < count) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('fake DigitalOcean API lifecycle', function () {
  this.timeout(10_000);
  let api: FakeDoApi | undefined;

  afterEach(async () => {
    await api?.close();
    api = undefined;
  });

  it('binds 127.0.0.1 on a free port', async () => {
    api = new FakeDoApi({ invoiceMonths: 2, largeInvoiceItems: 5 });
    const url = await api.start();
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.strictEqual(api.url, url);
    const other = new FakeDoApi({ invoiceMonths: 1 });
    try {
      assert.notStrictEqual(await other.start(), url);
    } finally {
      await other.close();
    }
  });

  it('close() ends promptly even with hung and dripping connections open', async () => {
    api = new FakeDoApi({ invoiceMonths: 2, largeInvoiceItems: 5 });
    const url = await api.start();
    api.addFault({ kind: 'hang', times: 1 });
    api.addFault({ kind: 'drip', times: 1, dripMs: 10_000 });
    const hung = settled(fetch(`${url}/v2/customers/my/balance`, { headers: { authorization: `Bearer ${FAKE_TOKEN}` } }));
    const dripping = settled(fetch(`${url}/v2/customers/my/balance`, { headers: { authorization: `Bearer ${FAKE_TOKEN}` } })
      .then((response) => response.text()));
    await waitForRequests(api, 2);
    const started = Date.now();
    await api.close();
    assert.ok(Date.now() - started < 1000, `close took ${Date.now() - started} ms`);
    assert.strictEqual(await hung, 'failed');
    assert.strictEqual(await dripping, 'failed');
  });

  it('close() also ends a server waiting out its latency, and is safe to call twice', async () => {
    api = new FakeDoApi({ invoiceMonths: 1, latencyMs: 60_000 });
    const url = await api.start();
    const pending = settled(fetch(`${url}/v2/customers/my/balance`, { headers: { authorization: `Bearer ${FAKE_TOKEN}` } }));
    await waitForRequests(api, 1);
    await api.close();
    await api.close();
    assert.strictEqual(await pending, 'failed');
  });
});

describe('fake DigitalOcean API: account and billing insights', function () {
  this.timeout(20_000);
  // Late on the 20th: 19 whole days of the month so far, a year of daily data behind them.
  const now = new Date('2026-11-20T10:30:00Z');
  let api: FakeDoApi;
  let base: string;
  const insights = (start: string, end: string, query = 'per_page=200&page=1', urn = teamUrn(api.data.insights.team)) =>
    `/v2/billing/${urn}/insights/${start}/${end}?${query}`;
  const dayTotals = (points: readonly InsightsDataPoint[]) => {
    const totals = new Map<string, number>();
    points.forEach((point) => totals.set(point.start_date, (totals.get(point.start_date) ?? 0) + cents(point.total_amount)));
    return totals;
  };
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);

  before(async () => {
    api = new FakeDoApi({ now, largeInvoiceItems: 10 });
    base = await api.start();
  });
  afterEach(() => api.reset());
  after(() => api.close());

  describe('GET /v2/account', () => {
    it('answers the user and the team, whose uuid is 40 hex digits as in the spec\'s example', async () => {
      const reply = await get(base, '/v2/account');
      assert.strictEqual(reply.status, 200);
      const { account } = reply.json();
      assert.match(account.uuid, /^[0-9a-f]{40}$/);
      assert.match(account.team.uuid, /^[0-9a-f]{40}$/);
      assert.deepStrictEqual(Object.keys(account).sort(), [
        'droplet_limit', 'email', 'email_verified', 'floating_ip_limit', 'status', 'status_message', 'team', 'uuid',
      ]);
      assert.deepStrictEqual(account.team, { uuid: api.data.insights.team.uuid, name: 'Shark Labs' });
    });

    it('has no team in a personal context, 403 without account:read, 401 for an unknown token', async () => {
      const personal = (await get(base, '/v2/account', FAKE_TOKEN_PERSONAL)).json();
      assert.strictEqual(personal.account.team, undefined);
      const forbidden = await get(base, '/v2/account', FAKE_TOKEN_WITHOUT_ACCOUNT_SCOPE);
      assert.strictEqual(forbidden.status, 403);
      assert.strictEqual(forbidden.json().id, 'forbidden');
      assert.strictEqual((await get(base, INVOICES, FAKE_TOKEN_WITHOUT_ACCOUNT_SCOPE)).status, 200, 'billing works without account:read');
      assert.strictEqual((await get(base, '/v2/account', 'dop_v1_nope')).status, 401);
      assert.strictEqual((await get(base, '/v2/account', FAKE_TOKEN_WITHOUT_BILLING_SCOPE)).status, 403);
    });

    it('takes a dashed UUID for the team when asked', () => {
      const dashed = new FakeDoApi({ now, largeInvoiceItems: 1, teamUuid: '12345678-1234-1234-1234-123456789012' });
      assert.strictEqual(dashed.data.insights.dataPoints[0].usage_team_urn, 'do:team:12345678-1234-1234-1234-123456789012');
    });
  });

  describe('daily data', () => {
    it('is deterministic, from the first day of daily data to yesterday, nothing for today', () => {
      assert.deepStrictEqual(new FakeDoApi({ now, largeInvoiceItems: 10 }).data.insights, api.data.insights);
      const days = [...dayTotals(api.data.insights.dataPoints).keys()];
      assert.strictEqual(days[0], INSIGHTS_FIRST_DAY);
      assert.strictEqual(days.at(-1), '2026-11-19');
      assert.strictEqual(new FakeDoApi({ now: new Date('2025-03-15T10:30:00Z'), largeInvoiceItems: 1 }).data.insights.dataPoints.length, 0, 'none before the data starts');
    });

    it('has several products, regions and projects', () => {
      const points = api.data.insights.dataPoints;
      assert.ok(new Set(points.map((point) => point.sku.split('-').slice(1, -1).join('-'))).size >= 10, 'SKU families');
      assert.ok(new Set(points.map((point) => point.region)).size >= 6, 'regions');
      assert.ok(points.some((point) => point.region === ''), 'a service billed without a region');
      assert.ok(points.some((point) => point.group_description !== ''), 'grouped resources (a Kubernetes cluster)');
      assert.ok(new Set(api.data.fleet.map((resource) => resource.project)).size >= 4, 'projects');
    });

    it('has a one-day spike well over 25 % and $1, and a SKU of a new family mid-way through the last 30 days', () => {
      const totals = dayTotals(api.data.insights.dataPoints);
      const spike = daysAgo(FLEET_EVENTS.spikeDaysAgo);
      const before = totals.get(daysAgo(FLEET_EVENTS.spikeDaysAgo + 1)) ?? 0;
      assert.ok((totals.get(spike) ?? 0) > before * 1.25 && (totals.get(spike) ?? 0) - before > 100, `${before} → ${totals.get(spike)}`);
      assert.deepStrictEqual(api.data.insights.dataPoints.filter((point) => point.sku === SPIKE_SKU).map((point) => point.start_date), [spike]);
      const newSku = api.data.insights.dataPoints.filter((point) => point.sku === NEW_FAMILY_SKU).map((point) => point.start_date);
      assert.strictEqual(newSku[0], daysAgo(FLEET_EVENTS.newSkuDaysAgo));
      assert.strictEqual(newSku.at(-1), '2026-11-19');
      // Apart from the spike, no day rises more than 25 % over the one before.
      const days = [...totals.entries()];
      const rises = days.filter(([day, total], i) => i > 0 && day !== spike && total - days[i - 1][1] > days[i - 1][1] / 4);
      assert.deepStrictEqual(rises, []);
    });

    it('agrees with the month in progress: the preview is the month\'s days so far plus today\'s hours', () => {
      const month = api.data.insights.dataPoints.filter((point) => point.start_date >= '2026-11-01');
      const toDate = month.reduce((sum, point) => sum + cents(point.total_amount), 0);
      const preview = cents(api.data.preview.amount);
      assert.strictEqual(api.data.preview.updated_at, '2026-11-20T10:00:00Z');
      const today = preview - toDate;
      assert.ok(today > 0 && today < toDate / 19, `today so far: ${today} cents, the days before: ${toDate}`);
      assert.strictEqual(sumItems(api.data.preview.items), preview);
      assert.ok(new Set(api.data.preview.items.map((item) => item.project_name)).size >= 4, 'several projects in the month in progress');
      const kubernetes = api.data.preview.items.find((item) => item.product === 'Kubernetes Clusters');
      assert.strictEqual(kubernetes?.group_description, 'prod-doks-cluster');
    });
  });

  describe('GET /v2/billing/{account_urn}/insights/{start_date}/{end_date}', () => {
    it('pages a range with its counts as strings, every data point once', async () => {
      const expected = api.data.insights.dataPoints.filter((point) => point.start_date >= '2026-10-01' && point.start_date <= '2026-10-31');
      const first = (await get(base, insights('2026-10-01', '2026-10-31', 'per_page=200&page=1'))).json();
      assert.strictEqual(first.total_items, String(expected.length));
      assert.strictEqual(first.total_pages, String(Math.ceil(expected.length / 200)));
      assert.strictEqual(first.current_page, '1');
      assert.strictEqual(first.links, undefined, 'paged by counts, not links');
      const pages = Number(first.total_pages);
      const all: InsightsDataPoint[] = [...first.data_points];
      for (let page = 2; page <= pages; page++) {
        all.push(...(await get(base, insights('2026-10-01', '2026-10-31', `per_page=200&page=${page}`))).json().data_points);
      }
      assert.deepStrictEqual(all, expected);
      const past = (await get(base, insights('2026-10-01', '2026-10-31', `per_page=200&page=${pages + 1}`))).json();
      assert.deepStrictEqual([past.data_points, past.current_page], [[], String(pages + 1)]);
      const small = (await get(base, insights('2026-10-01', '2026-10-02', ''))).json();
      assert.strictEqual(small.data_points.length, 20, 'per_page defaults to 20');
    });

    it('serves the spec\'s fields, and nothing before the data starts', async () => {
      const body = (await get(base, insights('2026-11-19', '2026-11-19'))).json();
      assert.deepStrictEqual(Object.keys(body.data_points[0]).sort(), ['description', 'group_description', 'region', 'sku', 'start_date', 'total_amount', 'usage_team_urn']);
      const early = (await get(base, insights('2025-11-01', '2025-11-30'))).json();
      assert.deepStrictEqual([early.data_points, early.total_items, early.total_pages], [[], '0', '0']);
    });

    it('answers 400 with the API\'s error body for more than 31 days, and for dates it cannot read', async () => {
      assert.strictEqual((await get(base, insights('2026-10-01', '2026-10-31'))).status, 200, '31 days, both ends counted');
      const long = await get(base, insights('2026-10-01', '2026-11-01'));
      assert.strictEqual(long.status, 400);
      assert.deepStrictEqual(long.json(), { id: 'bad_request', message: 'end_date must be within 31 days of start_date', request_id: long.headers.get('x-request-id') });
      for (const [start, end] of [['2026-02-30', '2026-03-01'], ['2026-10-05', '2026-10-01'], ['yesterday', '2026-10-01']]) {
        const reply = await get(base, insights(start, end));
        assert.strictEqual(reply.status, 400, `${start}..${end}`);
        assert.strictEqual(reply.json().id, 'bad_request');
      }
    });

    it('answers only for the token\'s team: 404 for another URN and for a personal context, 403 without billing:read', async () => {
      assert.strictEqual((await get(base, insights('2026-11-01', '2026-11-02', undefined, 'do:team:12345678-1234-1234-1234-123456789012'))).status, 404);
      assert.strictEqual((await get(base, insights('2026-11-01', '2026-11-02'), FAKE_TOKEN_PERSONAL)).status, 404);
      assert.strictEqual((await get(base, insights('2026-11-01', '2026-11-02'), FAKE_TOKEN_WITHOUT_BILLING_SCOPE)).status, 403);
      assert.strictEqual((await get(base, insights('2026-11-01', '2026-11-02'), FAKE_TOKEN_WITHOUT_ACCOUNT_SCOPE)).status, 200);
      const encoded = insights('2026-11-01', '2026-11-02', undefined, encodeURIComponent(teamUrn(api.data.insights.team)));
      assert.strictEqual((await get(base, encoded)).status, 200, 'an encoded URN is the same URN');
    });

    it('takes its data faults: unreadable page counts, missing fields, bad amounts, unicode, one window only', async () => {
      api.addFault({ kind: 'badPageCounts', times: 1 });
      const counts = (await get(base, insights('2026-11-01', '2026-11-19'))).json();
      assert.deepStrictEqual([counts.total_items, counts.total_pages, 'current_page' in counts], [null, 'several', false]);
      api.addFault({ kind: 'missingFields', times: 1 });
      const missing = (await get(base, insights('2026-11-01', '2026-11-19'))).json().data_points;
      assert.ok(!('total_amount' in missing[0]) && !('start_date' in missing[1]));
      api.addFault({ kind: 'badAmounts', times: 1 });
      const amounts = (await get(base, insights('2026-11-01', '2026-11-19'))).json().data_points.slice(0, 3).map((point: InsightsDataPoint) => point.total_amount);
      assert.deepStrictEqual([amounts[0], amounts[1]], [null, 'abc']);
      api.addFault({ kind: 'unicode', times: 1 });
      const described = (await get(base, insights('2026-11-01', '2026-11-19'))).json().data_points[0];
      assert.ok(described.description.startsWith(UNICODE_SAMPLES[0]));
      api.addFault({ kind: 'status', status: 500, path: `/v2/billing/${teamUrn(api.data.insights.team)}/insights/2026-10-01` });
      assert.strictEqual((await get(base, insights('2026-10-01', '2026-10-31'))).status, 500);
      assert.strictEqual((await get(base, insights('2026-11-01', '2026-11-19'))).status, 200, 'the other window is served');
    });
  });
});
