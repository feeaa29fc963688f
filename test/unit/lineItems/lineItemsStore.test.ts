import * as assert from 'assert';
import { groupLineItems } from '../../../src/lineItems/itemGroups';
import { LineItemsEntry, LineItemsStore } from '../../../src/lineItems/lineItemsStore';
import { centsToDecimal, parseCents } from '../../../src/util/money';
import { FAKE_TOKEN } from '../../fake-api/server';
import { makeClient, memoryStore } from '../../support/clientHarness';
import { useFakeApi } from '../../support/fakeApiHooks';
import { makeStores } from '../../support/sessionHarness';
import { lineItemsLoaderModule } from '../../support/codeOnFirstUse';

type Loaded = Extract<LineItemsEntry, { status: 'loaded' }>;

describe('the line-items store grouping by product or by project', function () {
  this.timeout(20_000);
  const fake = useFakeApi();

  async function signedIn(groupBy?: 'product' | 'project') {
    const harness = makeClient(fake.url);
    const stores = makeStores({ client: harness.client, logger: harness.logger, store: memoryStore() });
    const lineItems = new LineItemsStore(harness.client, stores.session, harness.logger, lineItemsLoaderModule, groupBy);
    await stores.signIn(FAKE_TOKEN);
    return { stores, lineItems, dispose: () => (lineItems.dispose(), stores.dispose()) };
  }

  function loaded(lineItems: LineItemsStore, uuid: string): Promise<Loaded> {
    return new Promise((resolve) => {
      const check = () => {
        const entry = lineItems.get(uuid);
        if (entry?.status === 'loaded') {
          listener.dispose();
          resolve(entry);
        }
      };
      const listener = lineItems.onDidChange(check);
      check();
    });
  }

  const itemRequests = (uuid: string) => fake.api.requests.filter((request) => request.path.endsWith(`/invoices/${uuid}`));

  it('groups by product unless told otherwise', async () => {
    const { lineItems, dispose } = await signedIn();
    const uuid = fake.api.data.invoices[1].invoice_uuid;
    lineItems.load(uuid);
    const entry = await loaded(lineItems, uuid);
    assert.strictEqual(lineItems.grouping, 'product');
    assert.strictEqual(entry.grouped.by, 'product');
    assert.deepStrictEqual(entry.grouped.groups.map((group) => group.key), groupLineItems(entry.result.items, 'product').groups.map((group) => group.key));
    dispose();
  });

  it('regroups loaded items by project without a request, with exact subtotals adding up to the invoice', async () => {
    const { lineItems, dispose } = await signedIn('product');
    const invoice = fake.api.data.invoices.find((candidate) => candidate.items.some((item) => item.project_name === '') && candidate.items.length < 1000)!;
    lineItems.load(invoice.invoice_uuid);
    const byProduct = await loaded(lineItems, invoice.invoice_uuid);
    const requestsBefore = fake.api.requests.length;
    const changed: string[] = [];
    const listener = lineItems.onDidChange((uuid) => changed.push(uuid));

    lineItems.regroup('project');

    assert.strictEqual(fake.api.requests.length, requestsBefore, 'no request');
    assert.deepStrictEqual(changed, [invoice.invoice_uuid]);
    const byProject = lineItems.get(invoice.invoice_uuid) as Loaded;
    assert.strictEqual(byProject.result, byProduct.result, 'the same loaded items');
    assert.strictEqual(byProject.grouped.by, 'project');
    const expected = new Map<string, bigint>();
    for (const item of invoice.items) {
      expected.set(item.project_name, (expected.get(item.project_name) ?? 0n) + parseCents(item.amount)!);
    }
    assert.ok(expected.has('') && expected.size > 2, 'the fake invoice has items in several projects and some in none');
    assert.deepStrictEqual(new Map(byProject.grouped.groups.map((group) => [group.key, group.subtotalCents])), expected);
    const sizes = byProject.grouped.groups.map((group) => (group.subtotalCents < 0n ? -group.subtotalCents : group.subtotalCents));
    assert.deepStrictEqual(sizes, [...sizes].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0)), 'largest first');
    assert.strictEqual(centsToDecimal(byProject.grouped.totalCents), invoice.amount);

    lineItems.regroup('project');
    assert.deepStrictEqual(changed, [invoice.invoice_uuid], 'the same grouping again changes nothing');
    lineItems.regroup('product');
    assert.deepStrictEqual((lineItems.get(invoice.invoice_uuid) as Loaded).grouped, byProduct.grouped);
    assert.strictEqual(fake.api.requests.length, requestsBefore, 'still no request');
    listener.dispose();
    dispose();
  });

  it('groups a load that was on its way when the setting changed the new way', async () => {
    const { lineItems, dispose } = await signedIn('product');
    const uuid = fake.api.data.invoices[2].invoice_uuid;
    lineItems.load(uuid);
    assert.strictEqual(lineItems.get(uuid)?.status, 'loading');
    lineItems.regroup('project');
    const entry = await loaded(lineItems, uuid);
    assert.strictEqual(entry.grouped.by, 'project');
    const pages = itemRequests(uuid).map((request) => request.query.page ?? '1');
    assert.deepStrictEqual(pages.length, new Set(pages).size, `each page once: ${pages.join(', ')}`);
    dispose();
  });
});
