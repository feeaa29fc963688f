import * as assert from 'assert';
import { tokenFingerprint } from '../../../src/session/token';
import { FAKE_TOKEN } from '../../fake-api/server';
import { makeClient, memoryStore } from '../../support/clientHarness';
import { useFakeApi } from '../../support/fakeApiHooks';
import { makeStores } from '../../support/sessionHarness';
import { waitFor } from '../../support/waitFor';

const OTHER_TOKEN = 'dop_v1_' + 'e'.repeat(64);
const INVOICES_PATH = '/v2/customers/my/invoices';
const BALANCE_PATH = '/v2/customers/my/balance';

describe('balance state', function () {
  this.timeout(20_000);
  const fake = useFakeApi({ tokens: [FAKE_TOKEN, OTHER_TOKEN] });

  function makeState(store = memoryStore()) {
    const harness = makeClient(fake.url);
    return { ...makeStores({ client: harness.client, logger: harness.logger, store }), store, ...harness };
  }

  /** Signed in, page 1 shown, while the balance's request hangs (until the client's timeout). */
  async function withHangingBalance() {
    fake.api.addFault({ kind: 'hang', path: BALANCE_PATH, times: 1 });
    const stores = makeState();
    await stores.signIn(FAKE_TOKEN);
    const balanceDone = stores.balance.refresh();
    await stores.invoices.refresh();
    return { ...stores, balanceDone };
  }

  it('fetches the balance in parallel with the invoices, page 1 first', async () => {
    const { refreshAll, balance, signIn } = makeState();
    await signIn(FAKE_TOKEN);
    fake.api.hold(); // nothing is answered: both requests out at once shows they run side by side
    const refreshed = refreshAll();
    const sent = (path: string) => fake.api.requests.findIndex((request) => request.path === path);
    await waitFor(() => sent(INVOICES_PATH) >= 0 && sent(BALANCE_PATH) >= 0);
    assert.ok(sent(INVOICES_PATH) < sent(BALANCE_PATH), 'page 1 leaves first');
    fake.api.release();
    await refreshed;
    assert.strictEqual(balance.snapshot.balance?.monthToDateUsage, fake.api.data.balance.month_to_date_usage);
    assert.strictEqual(fake.api.requests.filter((request) => request.path !== '/v2/customers/my/billing_history').length, 2, 'one refresh: the list and the balance');
  });

  it('does not hold up page 1 or "Load more", and shows its failure when it comes', async () => {
    const { invoices, balance, balanceDone } = await withHangingBalance();
    assert.strictEqual(invoices.snapshot.items.length, 10);
    assert.strictEqual(balance.snapshot.loading, true);
    await invoices.loadMore();
    assert.strictEqual(invoices.snapshot.items.length, 20, '"Load more" did not wait for the balance');
    await balanceDone; // the client gives up after its timeout
    assert.strictEqual(balance.snapshot.error?.kind, 'timeout');
    assert.strictEqual(balance.snapshot.loading, false);
    assert.strictEqual(invoices.snapshot.items.length, 20, 'the invoices are untouched');
  });

  it('shares a refresh while its request is on its way', async () => {
    const { balance, balanceDone } = await withHangingBalance();
    assert.strictEqual(balance.refresh(), balanceDone);
    await balanceDone;
    assert.strictEqual(fake.api.requests.filter((request) => request.path === BALANCE_PATH).length, 1);
  });

  it('drops a balance still on its way when the account changes', async () => {
    const { balance, balanceDone, signIn } = await withHangingBalance();
    await signIn(OTHER_TOKEN);
    await balanceDone;
    assert.strictEqual(balance.snapshot.error, undefined, 'the old account\'s failure is not shown under the new one');
    await balance.refresh();
    assert.strictEqual(balance.snapshot.balance?.monthToDateUsage, fake.api.data.balance.month_to_date_usage);
  });

  it('keeps the invoices when only the balance fails, and the balance shown when a refresh fails', async () => {
    const { refreshAll, invoices, balance, signIn } = makeState();
    await signIn(FAKE_TOKEN);
    await refreshAll();
    const shown = balance.snapshot.balance;
    fake.api.addFault({ kind: 'status', status: 500, path: BALANCE_PATH });
    await refreshAll();
    assert.strictEqual(invoices.snapshot.items.length, 10);
    assert.strictEqual(invoices.snapshot.error, undefined);
    assert.match(balance.snapshot.error?.message ?? '', /500/);
    assert.deepStrictEqual(balance.snapshot.balance, shown);
  });

  it('is cached per account and shown at once after a restart', async () => {
    const store = memoryStore();
    const first = makeState(store);
    await first.signIn(FAKE_TOKEN);
    await first.refreshAll();
    first.dispose();
    const restarted = makeState(store);
    assert.strictEqual(restarted.balance.snapshot.stale, true);
    assert.strictEqual(restarted.balance.snapshot.balance?.accountBalance, fake.api.data.balance.account_balance);
    assert.ok(store.values.has(`digitaloceanInvoices.balanceCache.${tokenFingerprint(FAKE_TOKEN)}`));
    assert.ok(!JSON.stringify([...store.values]).includes(FAKE_TOKEN), 'token in globalState');
  });
});
