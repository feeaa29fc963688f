import * as assert from 'assert';
import { LineItemsStore } from '../../../src/lineItems/lineItemsStore';
import { FAKE_TOKEN } from '../../fake-api/server';
import { makeClient, memoryStore } from '../../support/clientHarness';
import { useFakeApi } from '../../support/fakeApiHooks';
import { makeStores } from '../../support/sessionHarness';
import { lineItemsLoaderModule } from '../../support/codeOnFirstUse';

/** Paths to every string equal to `needle` reachable from `root` through properties, skipping `skip`. */
function findString(root: unknown, needle: string, skip: ReadonlySet<unknown>): string[] {
  const found: string[] = [];
  const seen = new Set<unknown>();
  const visit = (value: unknown, path: string) => {
    if (typeof value === 'string') {
      if (value.includes(needle)) {
        found.push(path);
      }
      return;
    }
    if (value === null || (typeof value !== 'object' && typeof value !== 'function') || seen.has(value) || skip.has(value)) {
      return;
    }
    seen.add(value);
    if (value instanceof Map) {
      value.forEach((entry, key) => visit(entry, `${path}[${String(key)}]`));
    } else if (value instanceof Set) {
      value.forEach((entry) => visit(entry, `${path}{}`));
    }
    for (const key of Object.getOwnPropertyNames(value)) {
      const descriptor = Object.getOwnPropertyDescriptor(value, key);
      if (descriptor && 'value' in descriptor) {
        visit(descriptor.value, `${path}.${key}`);
      }
    }
  };
  visit(root, '');
  return found;
}

describe('token isolation', function () {
  this.timeout(20_000);
  const fake = useFakeApi();

  it('no store holds the token: each request asks the session for it', async () => {
    const harness = makeClient(fake.url);
    const stores = makeStores({ client: harness.client, logger: harness.logger, store: memoryStore() });
    const lineItems = new LineItemsStore(harness.client, stores.session, harness.logger, lineItemsLoaderModule);
    await stores.signIn(FAKE_TOKEN);
    await stores.refreshAll();
    await stores.invoices.loadMore();
    const invoice = fake.api.data.invoices[0].invoice_uuid;
    lineItems.load(invoice);
    await new Promise<void>((resolve) => {
      const listener = lineItems.onDidChange(() => lineItems.get(invoice)?.status === 'loaded' && (listener.dispose(), resolve()));
    });
    // Shared infrastructure is skipped: the session (the owner), the logger's redactor (it must know
    // the token to remove it) and the client.
    const skip = new Set<unknown>([stores.session, harness.logger, harness.client]);
    for (const [name, store] of Object.entries({ invoices: stores.invoices, balance: stores.balance, history: stores.history, lineItems })) {
      assert.deepStrictEqual(findString(store, FAKE_TOKEN, skip), [], `the token is held by the ${name} store`);
    }
    assert.ok(findString(stores.session, FAKE_TOKEN, new Set([harness.logger])).length > 0, 'the check finds it where it is');
    lineItems.dispose();
    stores.dispose();
  });
});
