import * as assert from 'assert';
import { tokenFingerprint } from '../../../src/session/token';
import { removeAccountData } from '../../../src/storage/accountCache';
import { InvoiceList, InvoiceSnapshot } from '../../../src/invoices/invoiceList';
import { FAKE_TOKEN, FakeDoApi } from '../../fake-api/server';
import { makeClient, memoryStore } from '../../support/clientHarness';
import { makeStores } from '../../support/sessionHarness';
import { waitFor } from '../../support/waitFor';

const OTHER_TOKEN = 'dop_v1_' + 'e'.repeat(64);
const INVOICES_PATH = '/v2/customers/my/invoices';

function until(state: InvoiceList, predicate: (snapshot: InvoiceSnapshot) => boolean): Promise<InvoiceSnapshot> {
  return new Promise((resolve) => {
    if (predicate(state.snapshot)) {
      resolve(state.snapshot);
      return;
    }
    const listener = state.onDidChange((snapshot) => {
      if (predicate(snapshot)) {
        listener.dispose();
        resolve(snapshot);
      }
    });
  });
}

/** Load more until there is no next page. */
async function loadToEnd(state: InvoiceList): Promise<void> {
  while (state.snapshot.next) {
    await state.loadMore();
  }
}

describe('invoice list', function () {
  this.timeout(20_000);
  let api: FakeDoApi;
  let url: string;

  before(async () => {
    api = new FakeDoApi({ tokens: [FAKE_TOKEN, OTHER_TOKEN] });
    url = await api.start();
  });
  after(() => api.close());
  beforeEach(() => api.reset());

  const listRequests = () => api.requests.filter((request) => request.path === INVOICES_PATH);

  function makeState(store = memoryStore(), pageSize: number | (() => number) = 10) {
    const harness = makeClient(url);
    const stores = makeStores({ client: harness.client, logger: harness.logger, store, pageSize });
    return { ...stores, state: stores.invoices, store, ...harness };
  }

  /** As when the window closes: the stores write what is pending, and the session has named the account. */
  async function closeWindow(stores: ReturnType<typeof makeState>): Promise<void> {
    stores.dispose();
    await waitFor(() => stores.store.values.get('digitaloceanInvoices.lastAccount') === tokenFingerprint(FAKE_TOKEN)
      && stores.store.values.has(`digitaloceanInvoices.cache.${tokenFingerprint(FAKE_TOKEN)}`));
  }

  it('refresh shows page 1 and the preview with one list request, and caches them by fingerprint', async () => {
    const { state, store, signIn } = makeState();
    await signIn(FAKE_TOKEN);
    await state.refresh();
    const snapshot = state.snapshot;
    assert.strictEqual(snapshot.items.length, 10);
    assert.ok(snapshot.preview);
    assert.ok(snapshot.next);
    assert.strictEqual(snapshot.stale, false);
    assert.strictEqual(listRequests().length, 1);
    await waitFor(() => store.values.has(`digitaloceanInvoices.cache.${tokenFingerprint(FAKE_TOKEN)}`)); // written on the next turn
    assert.ok(!JSON.stringify([...store.values]).includes(FAKE_TOKEN), 'token in globalState');
  });

  it('writes what is pending to the cache of the account it leaves', async () => {
    const { refreshAll, state, store, signIn } = makeState();
    await signIn(FAKE_TOKEN);
    await refreshAll();
    await state.loadMore(); // its cache write is scheduled for the next turn
    await signIn(OTHER_TOKEN); // within this turn: the scheduled write has not run yet
    const cached = store.values.get(`digitaloceanInvoices.cache.${tokenFingerprint(FAKE_TOKEN)}`) as { data?: { items?: unknown[]; extra?: { preview?: unknown } } } | undefined;
    assert.strictEqual(cached?.data?.items?.length, 20, 'the first account\'s pages are in its cache at once');
    assert.ok(cached?.data?.extra?.preview, 'with the month in progress');
    assert.ok(store.values.has(`digitaloceanInvoices.balanceCache.${tokenFingerprint(FAKE_TOKEN)}`), 'and its balance');
    assert.ok(!store.values.has(`digitaloceanInvoices.cache.${tokenFingerprint(OTHER_TOKEN)}`));
  });

  it('shares one request between concurrent refreshes', async () => {
    api.setLatency(100);
    const { state, signIn } = makeState();
    await signIn(FAKE_TOKEN);
    await Promise.all([state.refresh(), state.refresh(), state.refresh()]);
    assert.strictEqual(listRequests().length, 1);
  });

  it('a superseding refresh aborts the older one', async () => {
    const { state, signIn } = makeState();
    await signIn(FAKE_TOKEN);
    api.hold();
    const first = state.refresh();
    await waitFor(() => listRequests().length >= 1);
    const second = state.refresh({ supersede: true });
    await waitFor(() => listRequests().length >= 2 && listRequests()[0].outcome === 'closedEarly'); // the older one aborted
    api.release();
    await Promise.all([first, second]);
    assert.strictEqual(listRequests().length, 2);
    assert.strictEqual(state.snapshot.error, undefined);
    assert.strictEqual(state.snapshot.items.length, 10);
  });

  it('load more appends pages until the end and counts every invoice once', async () => {
    const { state, signIn } = makeState(memoryStore(), 15);
    await signIn(FAKE_TOKEN);
    await state.refresh();
    await loadToEnd(state);
    const { items: invoices, total } = state.snapshot;
    assert.strictEqual(invoices.length, total);
    assert.strictEqual(new Set(invoices.map((invoice) => invoice.invoiceUuid)).size, total);
    assert.strictEqual(listRequests().length, Math.ceil(total! / 15));
  });

  describe('refresh keeps the pages loaded after page 1', () => {
    const uuids = (state: InvoiceList) => state.snapshot.items.map((invoice) => invoice.invoiceUuid);
    const served = () => api.data.invoices.map((invoice) => invoice.invoice_uuid);

    it('refreshes page 1 only and keeps the older pages', async () => {
      const { state, signIn } = makeState();
      await signIn(FAKE_TOKEN);
      await state.refresh();
      await state.loadMore();
      await state.loadMore();
      const before = uuids(state);
      const next = state.snapshot.next;
      api.clearRequests();
      await state.refresh();
      assert.deepStrictEqual(listRequests().map((request) => request.query.page), ['1'], 'one request, for page 1');
      assert.deepStrictEqual(uuids(state), before);
      assert.strictEqual(state.snapshot.items.length, 30);
      assert.strictEqual(state.snapshot.total, api.data.invoices.length);
      assert.deepStrictEqual(state.snapshot.next, next, 'load more goes on where it stopped');
      assert.ok(state.snapshot.preview);
    });

    it('puts a newly issued invoice first and goes on without gaps or repeats', async () => {
      api.holdBackNewest(1, 0);
      const { state, signIn } = makeState();
      await signIn(FAKE_TOKEN);
      await state.refresh();
      await state.loadMore();
      assert.strictEqual(state.snapshot.total, api.data.invoices.length);
      api.holdBackNewest(0, 0); // the month closed: a new invoice on page 1, every other one a place further
      await state.refresh();
      assert.strictEqual(state.snapshot.items.length, 21);
      assert.strictEqual(state.snapshot.total, api.data.invoices.length);
      assert.deepStrictEqual(uuids(state), served().slice(0, 21));
      await loadToEnd(state);
      assert.deepStrictEqual(uuids(state), served(), 'every invoice once, in order');
      assert.strictEqual(state.snapshot.pagingProblem, undefined, 'no page was taken for a stuck one');
    });

    it('does not mistake a whole page pushed down for a stuck page', async () => {
      api.holdBackNewest(3, 0);
      const { state, signIn } = makeState(memoryStore(), 3);
      await signIn(FAKE_TOKEN);
      await state.refresh();
      await state.loadMore();
      api.holdBackNewest(0, 0); // a whole page of new invoices
      await state.refresh();
      assert.strictEqual(state.snapshot.items.length, 9);
      await state.loadMore();
      assert.strictEqual(state.snapshot.pagingProblem, undefined);
      assert.deepStrictEqual(uuids(state), served().slice(0, 12));
    });

    it('keeps a list loaded to its end complete', async () => {
      const { state, signIn } = makeState(memoryStore(), 15);
      await signIn(FAKE_TOKEN);
      await state.refresh();
      await loadToEnd(state);
      await state.refresh();
      assert.deepStrictEqual(uuids(state), served());
      assert.strictEqual(state.snapshot.next, undefined);
    });

    it('starts over from page 1 when the settings changed (supersede) or the page size differs', async () => {
      let pageSize = 10;
      const { state, signIn } = makeState(memoryStore(), () => pageSize);
      await signIn(FAKE_TOKEN);
      await state.refresh();
      await state.loadMore();
      await state.refresh({ supersede: true });
      assert.deepStrictEqual(uuids(state), served().slice(0, 10));
      await state.loadMore();
      pageSize = 4;
      await state.refresh(); // an automatic refresh before the settings change is handled
      assert.deepStrictEqual(uuids(state), served().slice(0, 4));
      assert.deepStrictEqual(state.snapshot.next, { page: 2, perPage: 4 });
    });

    it('starts over from page 1 when paging had stopped at a stuck page', async () => {
      const { state, signIn } = makeState();
      await signIn(FAKE_TOKEN);
      await state.refresh();
      api.addFault({ kind: 'repeatPage', times: 1 });
      await state.loadMore();
      assert.ok(state.snapshot.pagingProblem);
      await state.refresh();
      assert.strictEqual(state.snapshot.pagingProblem, undefined);
      assert.deepStrictEqual(state.snapshot.next, { page: 2, perPage: 10 });
      await state.loadMore();
      assert.deepStrictEqual(uuids(state), served().slice(0, 20));
    });

    it('keeps the older pages of the cache shown at startup', async () => {
      const store = memoryStore();
      const first = makeState(store);
      await first.signIn(FAKE_TOKEN);
      await first.state.refresh();
      await first.state.loadMore();
      await closeWindow(first);
      const restarted = makeState(store);
      restarted.tokens.set('default', FAKE_TOKEN);
      await restarted.session.sync();
      await restarted.state.refresh();
      assert.strictEqual(restarted.state.snapshot.stale, false);
      assert.deepStrictEqual(uuids(restarted.state), served().slice(0, 20));
    });
  });

  it('ignores load more while a page is loading', async () => {
    api.setLatency(100);
    const { state, signIn } = makeState();
    await signIn(FAKE_TOKEN);
    await state.refresh();
    await Promise.all([state.loadMore(), state.loadMore(), state.loadMore()]);
    assert.strictEqual(listRequests().length, 2);
    assert.strictEqual(state.snapshot.items.length, 20);
  });

  it('de-duplicates invoices when a page repeats the previous one', async () => {
    const { state, signIn } = makeState();
    await signIn(FAKE_TOKEN);
    await state.refresh();
    api.addFault({ kind: 'repeatPage', times: 1 });
    await state.loadMore();
    const uuids = state.snapshot.items.map((invoice) => invoice.invoiceUuid);
    assert.strictEqual(new Set(uuids).size, uuids.length);
    assert.strictEqual(state.snapshot.next, undefined, 'a page with nothing new stops paging');
    assert.ok(state.snapshot.pagingProblem);
  });

  it('keeps the data shown when a refresh fails, and shows the error', async () => {
    const { state, signIn } = makeState();
    await signIn(FAKE_TOKEN);
    await state.refresh();
    const before = state.snapshot.items;
    api.addFault({ kind: 'status', status: 401, path: INVOICES_PATH });
    await state.refresh();
    assert.strictEqual(state.snapshot.error?.kind, 'unauthorized');
    assert.deepStrictEqual(state.snapshot.items, before);
    assert.ok(state.snapshot.preview);
  });

  it('changing the token aborts requests of the old one and drops their results', async () => {
    const { state, signIn } = makeState();
    await signIn(FAKE_TOKEN);
    api.hold();
    const pending = state.refresh();
    await until(state, (snapshot) => snapshot.activity === 'refreshing');
    await signIn(undefined);
    api.release();
    await pending;
    assert.strictEqual(state.snapshot.hasToken, false);
    assert.strictEqual(state.snapshot.items.length, 0);
    assert.strictEqual(state.snapshot.error, undefined);
  });

  it('shows the cache of the last account at once, marked stale, then refreshes it', async () => {
    const store = memoryStore();
    const first = makeState(store);
    await first.signIn(FAKE_TOKEN);
    await first.state.refresh();
    await closeWindow(first);

    const restarted = makeState(store);
    restarted.tokens.set('default', FAKE_TOKEN);
    assert.strictEqual(restarted.state.snapshot.stale, true, 'shown before the token is read');
    assert.strictEqual(restarted.state.snapshot.items.length, 10);
    assert.strictEqual(listRequests().length, 1, 'no request for the cached view');
    await restarted.session.sync();
    assert.strictEqual(restarted.state.snapshot.stale, true, 'still shown while it refreshes');
    assert.strictEqual(restarted.state.snapshot.activity, 'refreshing');
    await restarted.state.refresh();
    assert.strictEqual(restarted.state.snapshot.stale, false);
  });

  it('never shows one token\'s cache under another token', async () => {
    const store = memoryStore();
    const first = makeState(store);
    await first.signIn(FAKE_TOKEN);
    await first.state.refresh();
    await closeWindow(first);
    const other = makeState(store);
    await other.signIn(OTHER_TOKEN);
    assert.strictEqual(other.state.snapshot.items.length, 0);
  });

  it('forgetting the token removes its cached data', async () => {
    const { state, store, signIn } = makeState();
    await signIn(FAKE_TOKEN);
    await state.refresh();
    await signIn(undefined);
    await removeAccountData(store, tokenFingerprint(FAKE_TOKEN));
    assert.strictEqual(state.snapshot.hasToken, false);
    assert.strictEqual([...store.values.keys()].filter((key) => key.startsWith('digitaloceanInvoices.cache.')).length, 0);
  });

  it('uses a first page fetched to check a token instead of fetching it again', async () => {
    const { state, signIn, client } = makeState();
    const firstPage = await client.listInvoices({ page: 1, perPage: 10 }, { token: FAKE_TOKEN });
    state.prime(tokenFingerprint(FAKE_TOKEN), { items: firstPage.invoices, total: firstPage.total, next: firstPage.next, extra: { preview: firstPage.preview } });
    await signIn(FAKE_TOKEN);
    assert.strictEqual(state.snapshot.items.length, 10);
    assert.strictEqual(state.snapshot.stale, false);
    assert.strictEqual(state.snapshot.activity, undefined);
    assert.strictEqual(listRequests().length, 1, 'only the check\'s request');
  });

  it('says that it is waiting for a rate limit while it waits', async () => {
    api.addFault({ kind: 'status', status: 429, headers: { 'retry-after': '3' }, times: 1, path: INVOICES_PATH });
    const { state, signIn } = makeState();
    await signIn(FAKE_TOKEN);
    const notices: string[] = [];
    state.onDidChange((snapshot) => snapshot.retryNotice && notices.push(snapshot.retryNotice));
    await state.refresh();
    assert.match(notices[0] ?? '', /Rate limited/);
    assert.strictEqual(state.snapshot.retryNotice, undefined);
    assert.strictEqual(state.snapshot.items.length, 10);
  });
});
