import * as assert from 'assert';
import { InvoiceItem } from '../../../src/api/types';
import { groupLineItems, groupName } from '../../../src/lineItems/itemGroups';
import { loadLineItems } from '../../../src/lineItems/lineItemsLoader';
import { centsToDecimal, parseCents } from '../../../src/util/money';
import { FAKE_TOKEN } from '../../fake-api/server';
import { makeClient } from '../../support/clientHarness';
import { useFakeApi } from '../../support/fakeApiHooks';

function item(product: string, amount: string, projectName = ''): InvoiceItem {
  return { product, amount, groupDescription: '', description: '', duration: '', durationUnit: '', startTime: '', endTime: '', projectName };
}

const groupByProduct = (items: readonly InvoiceItem[]) => groupLineItems(items, 'product');

describe('grouping line items by product', () => {
  it('sums many 0.10 amounts exactly', () => {
    const items = Array.from({ length: 10_001 }, () => item('Snapshots', '0.10'));
    const grouped = groupByProduct(items);
    assert.strictEqual(grouped.totalCents, 100_010n);
    assert.strictEqual(centsToDecimal(grouped.groups[0].subtotalCents), '1000.10');
    assert.notStrictEqual(items.reduce((sum) => sum + 0.1, 0), 1000.1, 'floating point would not be exact');
  });

  it('orders groups by absolute subtotal, then by name', () => {
    const grouped = groupByProduct([
      item('Volumes', '5.00'), item('Credits', '-20.00'), item('Droplets', '3.00'), item('Backups', '5.00'), item('Droplets', '12.00'),
    ]);
    assert.deepStrictEqual(grouped.groups.map((g) => [g.key, g.count, centsToDecimal(g.subtotalCents)]), [
      ['Credits', 1, '-20.00'], ['Droplets', 2, '15.00'], ['Backups', 1, '5.00'], ['Volumes', 1, '5.00'],
    ]);
    assert.deepStrictEqual(grouped.groups[1].items.map((i) => i.amount), ['12.00', '3.00']);
    assert.strictEqual(grouped.totalCents, 500n);
  });

  it('orders the items of a group by amount, largest first, to the cent', () => {
    const described = (amount: string, description: string) => ({ ...item('Droplets', amount), description });
    const grouped = groupByProduct([
      described('0.09', 'a'), described('abc', 'unreadable'), described('0.10', 'b'), described('12345678901234567890.11', 'c'),
      described('-0.50', 'credit'), described('0.10', 'd'), described('12345678901234567890.12', 'e'), described('0.095', 'f'),
    ]);
    // 0.095 rounds to 0.10; equal amounts keep the API's order; an amount that cannot be read comes last.
    assert.deepStrictEqual(grouped.groups[0].items.map((i) => i.description), ['e', 'c', 'credit', 'b', 'd', 'f', 'a', 'unreadable']);
    assert.strictEqual(Number('12345678901234567890.12'), Number('12345678901234567890.11'), 'floats could not tell them apart');
  });

  it('keeps and counts items with malformed amounts, leaving them out of the sums', () => {
    const grouped = groupByProduct([item('Droplets', '1.00'), item('Droplets', 'abc'), item('', ''), item('Droplets', '12345678901234567890.12')]);
    const droplets = grouped.groups.find((g) => g.key === 'Droplets');
    assert.strictEqual(droplets?.count, 3);
    assert.strictEqual(droplets?.unparseableCount, 1);
    assert.strictEqual(droplets?.subtotalCents, 1234567890123456789112n);
    const unnamed = grouped.groups.find((g) => g.key === '');
    assert.strictEqual(unnamed?.unparseableCount, 1);
    assert.strictEqual(unnamed?.subtotalCents, 0n);
    assert.strictEqual(grouped.itemCount, 4);
    assert.strictEqual(grouped.unparseableCount, 2);
  });

  it('handles no items', () => {
    assert.deepStrictEqual(groupByProduct([]), { by: 'product', groups: [], totalCents: 0n, itemCount: 0, unparseableCount: 0 });
  });
});

describe('grouping line items by project', () => {
  const items = [
    item('Droplets', '12.00', 'web'), item('Volumes', '0.10', 'web'), item('Droplets', '7.25', 'data'),
    item('Spaces', '5.00'), item('Credits', '-0.35'), item('Droplets', '0.10', 'web'), item('Backups', '7.25', 'data'),
  ];

  it('puts items without a project under "(no project)" and sums each project exactly', () => {
    const grouped = groupLineItems(items, 'project');
    assert.strictEqual(grouped.by, 'project');
    assert.deepStrictEqual(grouped.groups.map((g) => [groupName(g.key, 'project'), g.count, centsToDecimal(g.subtotalCents)]), [
      ['data', 2, '14.50'], ['web', 3, '12.20'], ['(no project)', 2, '4.65'],
    ]);
    assert.deepStrictEqual(grouped.groups[1].items.map((i) => `${i.product} ${i.amount}`), ['Droplets 12.00', 'Volumes 0.10', 'Droplets 0.10']);
    assert.strictEqual(grouped.totalCents, 3135n);
    assert.strictEqual(grouped.totalCents, groupByProduct(items).totalCents);
  });

  it('orders projects by absolute subtotal, a credit-only project by its size, equal ones by name', () => {
    const grouped = groupLineItems([
      item('Droplets', '3.00', 'b'), item('Credits', '-9.00', 'refunds'), item('Droplets', '3.00', 'a'), item('Droplets', '1.00', 'c'),
    ], 'project');
    assert.deepStrictEqual(grouped.groups.map((g) => g.key), ['refunds', 'a', 'b', 'c']);
  });

  it('names an item without a product "(no product)" when grouping by product', () => {
    assert.strictEqual(groupName('', 'product'), '(no product)');
    assert.strictEqual(groupName('', 'project'), '(no project)');
    assert.strictEqual(groupName('Droplets', 'product'), 'Droplets');
  });
});

describe('grouping the fake API\'s invoices', function () {
  this.timeout(30_000);
  const fake = useFakeApi();

  it('adds the 10,000 items up to the invoice amount and the summary\'s product charges', async () => {
    const { client } = makeClient(fake.url);
    const invoice = fake.api.data.invoices[0];
    const result = await loadLineItems(invoice.invoice_uuid, { client, call: { token: FAKE_TOKEN } });
    const grouped = groupByProduct(result.items);
    assert.strictEqual(grouped.itemCount, 10_000);
    assert.strictEqual(grouped.unparseableCount, 0);
    assert.strictEqual(grouped.totalCents, parseCents(invoice.amount));
    const summary = await client.getInvoiceSummary(invoice.invoice_uuid, { token: FAKE_TOKEN });
    for (const charge of summary.productCharges?.items ?? []) {
      const group = grouped.groups.find((g) => g.key === charge.name);
      assert.strictEqual(group && centsToDecimal(group.subtotalCents), charge.amount, charge.name);
      assert.strictEqual(String(group?.count), charge.count, charge.name);
    }
  });

  it('adds every closed invoice up to its amount', async () => {
    const { client } = makeClient(fake.url);
    for (const invoice of fake.api.data.invoices.slice(1, 12)) {
      const result = await loadLineItems(invoice.invoice_uuid, { client, call: { token: FAKE_TOKEN } });
      assert.strictEqual(centsToDecimal(groupByProduct(result.items).totalCents), invoice.amount, invoice.invoice_period);
      assert.strictEqual(centsToDecimal(groupLineItems(result.items, 'project').totalCents), invoice.amount, invoice.invoice_period);
    }
  });
});
