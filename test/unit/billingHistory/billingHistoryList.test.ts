import * as assert from 'assert';
import { tokenFingerprint } from '../../../src/session/token';
import { removeAccountData } from '../../../src/storage/accountCache';
import { makeStores } from '../../support/sessionHarness';
import { FAKE_TOKEN } from '../../fake-api/server';
import { makeClient, memoryStore } from '../../support/clientHarness';
import { useFakeApi } from '../../support/fakeApiHooks';

const OTHER_TOKEN = 'dop_v1_' + 'e'.repeat(64);
const HISTORY_PATH = '/v2/customers/my/billing_history';
const HISTORY_KEY = 'digitaloceanInvoices.billingHistoryCache.';

async function waitFor(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    assert.ok(Date.now() < deadline, 'timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('billing history state', function () {
  this.timeout(20_000);
  const fake = useFakeApi({ tokens: [FAKE_TOKEN, OTHER_TOKEN] });
  const historyRequests = () => fake.api.requests.filter((request) => request.path === HISTORY_PATH);

  function makeState(store = memoryStore(), pageSize = 10) {
    const harness = makeClient(fake.url);
    const stores = makeStores({ client: harness.client, logger: harness.logger, store, pageSize });
    return { ...stores, state: stores.history, store, ...harness };
  }

  it('refresh shows the newest page with one request and caches it by fingerprint, never the token', async () => {
    const { state, store, signIn } = makeState();
    await signIn(FAKE_TOKEN);
    await state.refresh();
    const expected = fake.api.data.billingHistory.slice(0, 10);
    assert.deepStrictEqual(state.snapshot.items.map((entry) => [entry.date, entry.type, entry.amount, entry.invoiceUuid]),
      expected.map((entry) => [entry.date, entry.type, entry.amount, entry.invoice_uuid]));
    assert.ok(state.snapshot.items.every((entry, i, all) => i === 0 || all[i - 1].date >= entry.date), 'newest first');
    assert.strictEqual(state.snapshot.total, fake.api.data.billingHistory.length);
    assert.ok(state.snapshot.next);
    assert.strictEqual(historyRequests().length, 1);
    await waitFor(() => store.values.has(HISTORY_KEY + tokenFingerprint(FAKE_TOKEN))); // written on the next turn
    assert.ok(!JSON.stringify([...store.values]).includes(FAKE_TOKEN), 'token in globalState');
  });

  it('load more follows links.pages.next to the end and counts every entry once', async () => {
    const { state, signIn } = makeState(memoryStore(), 15);
    await signIn(FAKE_TOKEN);
    await state.refresh();
    while (state.snapshot.next) {
      await state.loadMore();
    }
    const all = fake.api.data.billingHistory;
    assert.strictEqual(state.snapshot.items.length, all.length);
    assert.deepStrictEqual(state.snapshot.items.map((entry) => entry.amount), all.map((entry) => entry.amount));
    assert.ok(state.snapshot.items.some((entry) => entry.amount.startsWith('-')), 'payments and credits are negative');
    assert.strictEqual(historyRequests().length, Math.ceil(all.length / 15));
    assert.deepStrictEqual(historyRequests().map((request) => request.query.page), historyRequests().map((_, i) => String(i + 1)));
  });

  it('refresh keeps the pages loaded after page 1 and puts new entries first, each once', async () => {
    fake.api.holdBackNewest(0, 2);
    const { state, signIn } = makeState();
    await signIn(FAKE_TOKEN);
    await state.refresh();
    await state.loadMore();
    await state.loadMore();
    fake.api.holdBackNewest(0, 0); // an invoice and its payment were issued
    fake.api.clearRequests();
    await state.refresh();
    assert.deepStrictEqual(historyRequests().map((request) => request.query.page), ['1']);
    const amounts = () => state.snapshot.items.map((entry) => [entry.date, entry.amount]);
    const served = fake.api.data.billingHistory.map((entry) => [entry.date, entry.amount]);
    assert.deepStrictEqual(amounts(), served.slice(0, 32));
    assert.strictEqual(state.snapshot.total, served.length);
    while (state.snapshot.next) {
      await state.loadMore();
    }
    assert.deepStrictEqual(amounts(), served);
    assert.strictEqual(state.snapshot.pagingProblem, undefined);
  });

  it('stops paging when a page repeats the previous one, without counting anything twice', async () => {
    const { state, signIn } = makeState();
    await signIn(FAKE_TOKEN);
    await state.refresh();
    fake.api.addFault({ kind: 'repeatPage', times: 1, path: HISTORY_PATH });
    await state.loadMore();
    assert.strictEqual(state.snapshot.items.length, 10);
    assert.strictEqual(state.snapshot.next, undefined);
    assert.match(state.snapshot.pagingProblem ?? '', /no new billing history entries/);
  });

  it('keeps the entries shown when a refresh fails, and shows the error', async () => {
    const { state, signIn } = makeState();
    await signIn(FAKE_TOKEN);
    await state.refresh();
    const before = state.snapshot.items;
    fake.api.addFault({ kind: 'status', status: 401, path: HISTORY_PATH });
    await state.refresh();
    assert.strictEqual(state.snapshot.error?.kind, 'unauthorized');
    assert.strictEqual(state.snapshot.items, before);
    fake.api.clearFaults();
    await state.refresh();
    assert.strictEqual(state.snapshot.error, undefined, 'a successful refresh clears the error');
  });

  it('follows the session: aborts requests of the old account, empties without a token, fetches with a new one', async () => {
    const { state, signIn, session } = makeState();
    fake.api.setLatency(200);
    await signIn(FAKE_TOKEN);
    const pending = state.refresh(); // the one the sign-in started
    assert.strictEqual(state.snapshot.activity, 'refreshing');
    await signIn(undefined);
    assert.strictEqual(state.snapshot.hasToken, false);
    await pending;
    assert.deepStrictEqual(state.snapshot.items, [], 'the old token\'s answer is dropped');
    assert.strictEqual(state.snapshot.error, undefined);

    fake.api.setLatency(0);
    await signIn(OTHER_TOKEN);
    await state.refresh();
    assert.strictEqual(state.snapshot.items.length, 10);
    assert.strictEqual(session.state.key, tokenFingerprint(OTHER_TOKEN));
    assert.strictEqual(historyRequests()[historyRequests().length - 1].authorization, `Bearer ${OTHER_TOKEN}`);
  });

  it('at startup shows the last account\'s cache, marked stale, until the session\'s token refreshes it', async () => {
    const store = memoryStore();
    const first = makeState(store);
    await first.signIn(FAKE_TOKEN);
    await first.state.refresh();
    first.dispose(); // the window closes: what is shown is written to the cache
    await waitFor(() => store.values.has(HISTORY_KEY + tokenFingerprint(FAKE_TOKEN)));
    fake.api.clearRequests();

    const restarted = makeState(store);
    assert.deepStrictEqual([restarted.state.snapshot.stale, restarted.state.snapshot.items.length, historyRequests().length], [true, 10, 0]);
    fake.api.setLatency(100);
    restarted.tokens.set('default', FAKE_TOKEN);
    await restarted.session.sync();
    assert.strictEqual(restarted.state.snapshot.activity, 'refreshing');
    assert.strictEqual(restarted.state.snapshot.items.length, 10, 'the cache stays while its refresh runs');
    await restarted.state.refresh();
    assert.strictEqual(restarted.state.snapshot.stale, false);

    restarted.dispose();
    const other = makeState(store);
    await other.signIn(OTHER_TOKEN);
    assert.deepStrictEqual([other.state.snapshot.hasToken, other.state.snapshot.items.length], [true, 0], 'never under another token');
  });

  it('at startup without a token, drops the cache it showed, as the invoices do', async () => {
    const store = memoryStore();
    const first = makeState(store);
    await first.signIn(FAKE_TOKEN);
    await first.refreshAll();
    first.dispose();
    await waitFor(() => store.values.has(HISTORY_KEY + tokenFingerprint(FAKE_TOKEN)));

    const restarted = makeState(store);
    assert.strictEqual(restarted.state.snapshot.items.length, 10);
    await restarted.session.sync(); // the secret store has no token
    assert.deepStrictEqual([restarted.invoices.snapshot.hasToken, restarted.invoices.snapshot.items.length], [false, 0]);
    assert.deepStrictEqual([restarted.state.snapshot.hasToken, restarted.state.snapshot.items.length], [false, 0]);
  });

  it('at startup without a token, drops its cache also when the invoices\' cache write never landed', async () => {
    // The race seen under load: the invoices' write was still pending when the window closed,
    // so only the billing history was cached. Each store follows the session, not the invoices.
    const store = memoryStore();
    const first = makeState(store);
    await first.signIn(FAKE_TOKEN);
    await first.refreshAll();
    first.dispose();
    await waitFor(() => store.values.has(HISTORY_KEY + tokenFingerprint(FAKE_TOKEN)));
    store.values.delete(`digitaloceanInvoices.cache.${tokenFingerprint(FAKE_TOKEN)}`);

    const restarted = makeState(store);
    assert.deepStrictEqual([restarted.invoices.snapshot.items.length, restarted.state.snapshot.items.length], [0, 10]);
    await restarted.session.sync(); // the secret store has no token
    assert.deepStrictEqual([restarted.state.snapshot.hasToken, restarted.state.snapshot.items.length], [false, 0]);
  });

  it('forgetting an account\'s data forgets its billing history too', async () => {
    const store = memoryStore();
    const { refreshAll, signIn } = makeState(store);
    await signIn(FAKE_TOKEN);
    await refreshAll();
    await waitFor(() => store.values.has(HISTORY_KEY + tokenFingerprint(FAKE_TOKEN)));
    await signIn(undefined);
    await removeAccountData(store, tokenFingerprint(FAKE_TOKEN));
    assert.deepStrictEqual([...store.values.keys()].filter((key) => key.includes(tokenFingerprint(FAKE_TOKEN))), []);
    assert.strictEqual(store.values.size, 0, 'no last-account key left either');
  });
});
