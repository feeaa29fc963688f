import * as assert from 'assert';
import { ApiError } from '../../../src/api/errors';
import { parseInvoicesPage } from '../../../src/api/parse';

const page1 = { page: 1, perPage: 2 };

describe('parsing the invoices list', () => {
  it('reads the spec example', () => {
    const result = parseInvoicesPage({
      invoices: [
        { invoice_uuid: '22737513-0ea7-4206-8ceb-98a575af7681', invoice_id: '12345678', amount: '12.34', invoice_period: '2019-12' },
        { invoice_uuid: 'fdabb512-6faf-443c-ba2e-665452332a9e', invoice_id: '23456789', amount: '23.45', invoice_period: '2019-11' },
      ],
      invoice_preview: { invoice_uuid: '1afe95e6-0958-4eb0-8d9a-9c5060d3ef03', invoice_id: '34567890', amount: '34.56', invoice_period: '2020-02', updated_at: '2020-02-23T06:31:50Z' },
      links: { pages: { next: 'https://api.digitalocean.com/v2/customers/my/invoices?page=2&per_page=2', last: 'https://api.digitalocean.com/v2/customers/my/invoices?page=35&per_page=2' } },
      meta: { total: 70 },
    }, page1);
    assert.strictEqual(result.invoices.length, 2);
    assert.strictEqual(result.invoices[0].period, '2019-12');
    assert.strictEqual(result.preview?.updatedAt, '2020-02-23T06:31:50Z');
    assert.deepStrictEqual(result.next, { page: 2, perPage: 2 });
    assert.strictEqual(result.total, 70);
  });

  it('treats a missing links object as the last page', () => {
    const result = parseInvoicesPage({ invoices: [], meta: { total: 0 } }, page1);
    assert.strictEqual(result.next, undefined);
    assert.strictEqual(result.pagingProblem, undefined);
  });

  it('takes only page and per_page from a next link on another host', () => {
    const result = parseInvoicesPage({ invoices: [], links: { pages: { next: 'https://evil.example.com/steal?page=2&per_page=2' } } }, page1);
    assert.deepStrictEqual(result.next, { page: 2, perPage: 2 });
  });

  it('stops paging when the next link does not advance', () => {
    const result = parseInvoicesPage({ invoices: [], links: { pages: { next: 'https://api.digitalocean.com/v2/customers/my/invoices?page=3&per_page=2' } } }, { page: 3, perPage: 2 });
    assert.strictEqual(result.next, undefined);
    assert.match(result.pagingProblem!, /does not advance/);
  });

  it('keeps malformed amounts and periods as text', () => {
    const result = parseInvoicesPage({ invoices: [{ invoice_uuid: 'u', amount: null, invoice_period: 'December' }, { invoice_uuid: 'v', amount: 5 }] }, page1);
    assert.strictEqual(result.invoices[0].amount, '');
    assert.strictEqual(result.invoices[0].period, 'December');
    assert.strictEqual(result.invoices[1].amount, '5');
  });

  it('refuses a body that is not the documented shape', () => {
    for (const body of [null, 'text', [], {}, { invoices: 'x' }, { invoices: [42] }, { invoices: [{ amount: '1.00' }] }]) {
      assert.throws(() => parseInvoicesPage(body, page1), (error: unknown) => error instanceof ApiError && error.kind === 'invalidResponse', JSON.stringify(body));
    }
  });
});
