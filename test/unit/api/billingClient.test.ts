import * as assert from 'assert';
import { PREVIEW } from '../../../src/api/client';
import { fileNameFromContentDisposition } from '../../../src/api/contentDisposition';
import { ApiError } from '../../../src/api/errors';
import { parseBillingHistoryPage, parseInvoiceItemsPage, parseInvoiceSummary } from '../../../src/api/parseBilling';
import { sanitizeFileName } from '../../../src/util/fileName';
import { invoiceCsv, invoicePdf } from '../../fake-api/downloads';
import { FAKE_TOKEN } from '../../fake-api/server';
import { makeClient } from '../../support/clientHarness';
import { expectApiError, useFakeApi } from '../../support/fakeApiHooks';

const isInvalid = (error: unknown) => error instanceof ApiError && error.kind === 'invalidResponse';

describe('billing calls against the fake DigitalOcean API', function () {
  this.timeout(20_000);
  const fake = useFakeApi({ largeInvoiceItems: 450 });

  const call = { token: FAKE_TOKEN };

  it('reads one page of invoice items with its total and next page', async () => {
    const { client } = makeClient(fake.url);
    const invoice = fake.api.data.invoices[0];
    const page = await client.getInvoiceItems(invoice.invoice_uuid, { page: 1, perPage: 200 }, call);
    assert.strictEqual(page.items.length, 200);
    assert.strictEqual(page.total, 450);
    assert.deepStrictEqual(page.next, { page: 2, perPage: 200 });
    const first = invoice.items[0];
    assert.deepStrictEqual(page.items[0], {
      product: first.product, resourceUuid: first.resource_uuid, resourceId: first.resource_id,
      groupDescription: first.group_description, description: first.description, amount: first.amount,
      duration: first.duration, durationUnit: first.duration_unit, startTime: first.start_time, endTime: first.end_time,
      projectName: first.project_name,
    });
    const last = await client.getInvoiceItems(invoice.invoice_uuid, { page: 3, perPage: 200 }, call);
    assert.strictEqual(last.items.length, 50);
    assert.strictEqual(last.next, undefined);
    assert.strictEqual(fake.api.requests[0].path, `/v2/customers/my/invoices/${invoice.invoice_uuid}`);
    assert.deepStrictEqual(fake.api.requests[0].query, { page: '1', per_page: '200' });
  });

  it('reads the preview items and refuses unusable invoice ids before sending anything', async () => {
    const { client } = makeClient(fake.url);
    const page = await client.getInvoiceItems(PREVIEW, { page: 1, perPage: 200 }, call);
    assert.strictEqual(page.items.length, fake.api.data.preview.items.length);
    for (const bad of ['', '..', '.']) {
      await expectApiError(client.getInvoiceItems(bad, { page: 1, perPage: 200 }, call), 'invalidResponse');
    }
    const encoded = await expectApiError(client.getInvoiceSummary('../balance', call), 'notFound');
    assert.ok(encoded);
    assert.strictEqual(fake.api.requests.at(-1)?.path, '/v2/customers/my/invoices/..%2Fbalance/summary');
  });

  it('keeps malformed item amounts as text and refuses a list that is not a list', async () => {
    const { client } = makeClient(fake.url);
    const uuid = fake.api.data.invoices[1].invoice_uuid;
    fake.api.addFault({ kind: 'badAmounts', times: 1 });
    const page = await client.getInvoiceItems(uuid, { page: 1, perPage: 200 }, call);
    assert.deepStrictEqual(page.items.slice(0, 3).map((item) => item.amount), ['', 'abc', fake.api.data.invoices[1].items[2].amount]);
    fake.api.addFault({ kind: 'missingFields', variant: 'notArray', times: 1 });
    await expectApiError(client.getInvoiceItems(uuid, { page: 1, perPage: 200 }, call), 'invalidResponse');
  });

  it('reads the invoice summary', async () => {
    const { client } = makeClient(fake.url);
    const invoice = fake.api.data.invoices[1];
    const summary = await client.getInvoiceSummary(invoice.invoice_uuid, call);
    assert.strictEqual(summary.invoiceUuid, invoice.invoice_uuid);
    assert.strictEqual(summary.invoiceId, invoice.invoice_id);
    assert.strictEqual(summary.billingPeriod, invoice.invoice_period);
    assert.strictEqual(summary.amount, invoice.amount);
    assert.strictEqual(summary.userName, 'Sammy Shark');
    assert.strictEqual(summary.billingAddress?.city, 'Atlantis');
    assert.strictEqual(summary.productCharges?.name, 'Product usage charges');
    assert.ok((summary.productCharges?.items.length ?? 0) > 0);
    assert.strictEqual(summary.taxes?.name, 'Taxes');
    assert.strictEqual(summary.creditsAndAdjustments?.name, 'Credits & adjustments');
  });

  it('downloads the PDF and the CSV byte for byte, with a safe file name', async () => {
    const { client } = makeClient(fake.url);
    const invoice = fake.api.data.invoices[1];
    const pdf = await client.getInvoicePdf(invoice.invoice_uuid, call);
    assert.ok(pdf.bytes.equals(invoicePdf(invoice, fake.api.data.account.user_name)));
    assert.strictEqual(pdf.contentType, 'application/pdf');
    assert.match(pdf.fileName ?? '', /^DigitalOcean Invoice \d{4} \w{3} \(6173678-\d+\)\.pdf$/);
    const csv = await client.getInvoiceCsv(invoice.invoice_uuid, call);
    assert.ok(csv.bytes.equals(Buffer.from(invoiceCsv(invoice.items))));
    assert.match(csv.fileName ?? '', /\.csv$/);
    assert.strictEqual(fake.api.requests[0].accept, '*/*');
  });

  it('refuses a download with the wrong content type', async () => {
    const { client } = makeClient(fake.url);
    const uuid = fake.api.data.invoices[1].invoice_uuid;
    fake.api.addFault({ kind: 'wrongContentType', times: 1 });
    const csvAsText = await client.getInvoiceCsv(uuid, call);
    assert.strictEqual(csvAsText.bytes.toString(), 'OK', 'text/plain is accepted for a CSV');
    fake.api.addFault({ kind: 'wrongContentType', times: 1 });
    const error = await expectApiError(client.getInvoicePdf(uuid, call), 'invalidResponse');
    assert.match(error.message, /text\/plain instead of the invoice PDF/);
    fake.api.addFault({ kind: 'html', status: 200, times: 1 });
    await expectApiError(client.getInvoiceCsv(uuid, call), 'invalidResponse');
  });

  it('retries a download after a server error', async () => {
    const { client, clock } = makeClient(fake.url);
    fake.api.addFault({ kind: 'status', status: 503, times: 1 });
    const pdf = await client.getInvoicePdf(fake.api.data.invoices[1].invoice_uuid, call);
    assert.ok(pdf.bytes.subarray(0, 5).equals(Buffer.from('%PDF-')));
    assert.strictEqual(clock.sleeps.length, 1);
  });

  it('reads the balance', async () => {
    const { client } = makeClient(fake.url);
    const balance = await client.getBalance(call);
    assert.deepStrictEqual(balance, {
      monthToDateBalance: fake.api.data.balance.month_to_date_balance,
      accountBalance: fake.api.data.balance.account_balance,
      monthToDateUsage: fake.api.data.balance.month_to_date_usage,
      generatedAt: fake.api.data.balance.generated_at,
    });
    fake.api.addFault({ kind: 'badAmounts', times: 1 });
    const bad = await client.getBalance(call);
    assert.strictEqual(bad.monthToDateUsage, '');
  });

  it('walks the billing history with payments and credits negative', async () => {
    const { client } = makeClient(fake.url);
    const entries = [];
    let next: { page: number; perPage: number } | undefined = { page: 1, perPage: 7 };
    while (next) {
      const page = await client.listBillingHistory(next, call);
      assert.strictEqual(page.total, fake.api.data.billingHistory.length);
      entries.push(...page.entries);
      next = page.next;
    }
    assert.strictEqual(entries.length, fake.api.data.billingHistory.length);
    const invoice = entries.find((entry) => entry.type === 'Invoice');
    assert.ok(invoice?.invoiceUuid && invoice.invoiceId);
    const payments = entries.filter((entry) => entry.type === 'Payment' || entry.type === 'Credit');
    assert.ok(payments.length > 0);
    assert.ok(payments.every((entry) => entry.amount.startsWith('-') && entry.invoiceUuid === undefined), 'payments and credits are negative');
    assert.deepStrictEqual(entries[0], {
      date: fake.api.data.billingHistory[0].date, type: fake.api.data.billingHistory[0].type,
      description: fake.api.data.billingHistory[0].description, amount: fake.api.data.billingHistory[0].amount,
      invoiceId: fake.api.data.billingHistory[0].invoice_id, invoiceUuid: fake.api.data.billingHistory[0].invoice_uuid,
    });
  });
});

describe('parsing billing bodies', () => {
  const page1 = { page: 1, perPage: 2 };

  it('reads the spec examples', () => {
    const items = parseInvoiceItemsPage({
      invoice_items: [{ product: 'Kubernetes Clusters', amount: '12.34', duration: '744', duration_unit: 'Hours' }, { product: 'Spaces Subscription', amount: '34.45' }],
      links: { pages: { next: 'https://fake.api.digitalocean.com/v2/customers/my/invoices/22737513?page=2&per_page=2' } },
      meta: { total: 6 },
    }, page1);
    assert.strictEqual(items.items[0].durationUnit, 'Hours');
    assert.strictEqual(items.items[1].resourceUuid, undefined);
    assert.deepStrictEqual(items.next, { page: 2, perPage: 2 });
    const history = parseBillingHistoryPage({ billing_history: [{ description: 'Payment (MC 2018)', amount: '-12.34', date: '2018-06-02T08:44:38Z', type: 'Payment' }], meta: { total: 5 } }, page1);
    assert.strictEqual(history.entries[0].amount, '-12.34');
    assert.strictEqual(history.total, 5);
  });

  it('refuses bodies without the documented structure', () => {
    for (const body of [null, [], {}, { invoice_items: {} }, { invoice_items: [1] }]) {
      assert.throws(() => parseInvoiceItemsPage(body, page1), isInvalid, JSON.stringify(body));
    }
    for (const body of [{ billing_history: 'x' }, { billing_history: [null] }]) {
      assert.throws(() => parseBillingHistoryPage(body, page1), isInvalid, JSON.stringify(body));
    }
    for (const body of ['x', { product_charges: 'x' }, { product_charges: { items: {} } }, { product_charges: { items: [3] } }, { taxes: [] }]) {
      assert.throws(() => parseInvoiceSummary(body), isInvalid, JSON.stringify(body));
    }
  });

  it('accepts a summary with sections missing', () => {
    const summary = parseInvoiceSummary({ invoice_uuid: 'u', amount: 7, taxes: null });
    assert.strictEqual(summary.amount, '7');
    assert.strictEqual(summary.taxes, undefined);
    assert.strictEqual(summary.productCharges, undefined);
  });
});

describe('download file names', () => {
  it('takes filename* over filename and strips what is unsafe', () => {
    assert.strictEqual(fileNameFromContentDisposition('attachment; filename="a.pdf"; filename*=UTF-8\'\'%E2%82%AC%20rates.pdf'), '€ rates.pdf');
    assert.strictEqual(fileNameFromContentDisposition('attachment; filename="DigitalOcean Invoice 2020 Jul (1-2).csv"'), 'DigitalOcean Invoice 2020 Jul (1-2).csv');
    assert.strictEqual(fileNameFromContentDisposition('attachment; filename=plain.csv'), 'plain.csv');
    assert.strictEqual(fileNameFromContentDisposition('attachment; filename="../../etc/passwd"'), '_.._etc_passwd');
    assert.strictEqual(fileNameFromContentDisposition('attachment; filename="invoice\u202Efdp.exe"'), 'invoicefdp.exe');
    assert.strictEqual(fileNameFromContentDisposition('attachment; filename*=UTF-8\'\'%ZZ; filename="x.pdf"'), 'x.pdf');
    assert.strictEqual(fileNameFromContentDisposition('attachment'), undefined);
    assert.strictEqual(fileNameFromContentDisposition(null), undefined);
  });

  it('avoids reserved names, hidden files and overlong names', () => {
    assert.strictEqual(sanitizeFileName('CON.pdf'), '_CON.pdf');
    assert.strictEqual(sanitizeFileName('..'), undefined);
    assert.strictEqual(sanitizeFileName('.bashrc'), 'bashrc');
    assert.strictEqual(sanitizeFileName('a\u0000b\nc.csv '), 'abc.csv');
    const long = sanitizeFileName(`${'x'.repeat(400)}.pdf`) ?? '';
    assert.strictEqual(long.length, 150);
    assert.ok(long.endsWith('.pdf'));
  });
});
