import * as assert from 'assert';
import { tokenFingerprint } from '../../../src/session/token';
import { InvoiceCache } from '../../../src/storage/accountCache';
import { InvoiceSnapshot, InvoiceState } from '../../../src/invoices/invoiceList';
import { FAKE_TOKEN, FakeDoApi } from '../../fake-api/server';
import { makeClient, memoryStore } from '../../support/clientHarness';

const OTHER_TOKEN = 'dop_v1_' + 'e'.repeat(64);
const INVOICES_PATH = '/v2/customers/my/invoices';
const BALANCE_PATH = '/v2/customers/my/balance';

function until(state: InvoiceState, predicate: (snapshot: InvoiceSnapshot) => boolean): Promise<InvoiceSnapshot> {
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

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) {
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** As when the window closes: the state writes what is pending, and the cache names the account. */
async function closeWindow(state: InvoiceState, store: ReturnType<typeof memoryStore>): Promise<void> {
  state.dispose();
  await waitFor(() => store.values.get('digitaloceanInvoices.lastAccount') === tokenFingerprint(FAKE_TOKEN));
}

describe('invoice state', function () {
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

  function makeState(store = memoryStore(), pageSize = 10) {
    const harness = makeClient(url);
    const state = new InvoiceState({ client: harness.client, cache: new InvoiceCache(store), logger: harness.logger, pageSize: () => pageSize });
    return { state, store, ...harness };
  }

  /** A refresh whose balance never answers (until the client's timeout), once page 1 is shown. */
  async function refreshWithHangingBalance() {
    api.addFault({ kind: 'hang', path: BALANCE_PATH, times: 1 });
    const { state } = makeState();
    state.setToken(FAKE_TOKEN);
    const refreshed = state.refresh();
    const shown = await until(state, (snapshot) => snapshot.invoices.length === 10 && !snapshot.activity);
    return { state, refreshed, shown };
  }

  it('refresh shows page 1 and the preview with one list request, and caches them by fingerprint', async () => {
    const { state, store } = makeState();
    state.setToken(FAKE_TOKEN);
    await state.refresh();
    const snapshot = state.snapshot;
    assert.strictEqual(snapshot.invoices.length, 10);
    assert.ok(snapshot.preview);
    assert.ok(snapshot.next);
    assert.strictEqual(snapshot.stale, false);
    assert.strictEqual(listRequests().length, 1);
    await waitFor(() => store.values.has(`digitaloceanInvoices.cache.${tokenFingerprint(FAKE_TOKEN)}`)); // written on the next turn
    assert.ok(!JSON.stringify([...store.values]).includes(FAKE_TOKEN), 'token in globalState');
  });

  it('fetches the balance in parallel with the invoices', async () => {
    api.setLatency(300);
    const { state } = makeState();
    state.setToken(FAKE_TOKEN);
    await state.refresh();
    const [list, balance] = [INVOICES_PATH, BALANCE_PATH].map((path) => api.requests.find((request) => request.path === path)!);
    assert.ok(list && balance, 'both requested');
    assert.ok(Math.abs(list.at - balance.at) < 250, `sent ${Math.abs(list.at - balance.at)} ms apart`);
    assert.strictEqual(state.snapshot.balance?.monthToDateUsage, api.data.balance.month_to_date_usage);
    assert.strictEqual(api.requests.length, 2, 'one refresh: the list and the balance');
  });

  it('shows page 1 without waiting for the balance, and merges the balance in when it comes', async () => {
    const { state, refreshed, shown } = await refreshWithHangingBalance();
    assert.strictEqual(shown.balance, undefined);
    assert.strictEqual(shown.balanceError, undefined);
    await state.loadMore(); // settles once page 1 is shown (the refresh's part that matters to it)
    await state.loadMore();
    assert.strictEqual(state.snapshot.invoices.length, 20);
    assert.strictEqual(state.snapshot.balanceError, undefined, '"Load more" did not wait for the balance');
    await refreshed; // the client gives up on the balance after its timeout
    const merged: InvoiceSnapshot = state.snapshot;
    assert.strictEqual(merged.balanceError?.kind, 'timeout');
    assert.strictEqual(merged.invoices.length, 20, 'merged into what is shown, page 2 kept');
  });

  it('shares a refresh until its balance is in, not only until page 1 is shown', async () => {
    const { state, refreshed: first } = await refreshWithHangingBalance();
    const second = state.refresh();
    assert.strictEqual(second, first);
    await second;
    assert.strictEqual(listRequests().length, 1);
  });

  it('writes what is pending to the cache of the account it leaves', async () => {
    const { state, store } = makeState();
    state.setToken(FAKE_TOKEN);
    await state.refresh(); // the write with the balance is still pending here
    state.setToken(OTHER_TOKEN);
    const cached = store.values.get(`digitaloceanInvoices.cache.${tokenFingerprint(FAKE_TOKEN)}`) as { data?: { balance?: unknown } } | undefined;
    assert.ok(cached?.data?.balance, 'the first account\'s balance is in its cache at once');
    assert.ok(!store.values.has(`digitaloceanInvoices.cache.${tokenFingerprint(OTHER_TOKEN)}`));
  });

  it('drops a balance still on its way when the token changes', async () => {
    const { state, refreshed } = await refreshWithHangingBalance();
    state.setToken(OTHER_TOKEN);
    await refreshed;
    assert.strictEqual(state.snapshot.balanceError, undefined, 'the old token\'s balance is not merged into the new one');
    assert.strictEqual(state.snapshot.invoices.length, 0);
  });

  it('shows the invoices when only the balance fails', async () => {
    api.addFault({ kind: 'status', status: 500, path: BALANCE_PATH });
    const { state } = makeState();
    state.setToken(FAKE_TOKEN);
    await state.refresh();
    assert.strictEqual(state.snapshot.invoices.length, 10);
    assert.strictEqual(state.snapshot.error, undefined);
    assert.match(state.snapshot.balanceError?.message ?? '', /500/);
  });

  it('shares one request between concurrent refreshes', async () => {
    api.setLatency(100);
    const { state } = makeState();
    state.setToken(FAKE_TOKEN);
    await Promise.all([state.refresh(), state.refresh(), state.refresh()]);
    assert.strictEqual(listRequests().length, 1);
  });

  it('a superseding refresh aborts the older one', async () => {
    api.setLatency(150);
    const { state } = makeState();
    state.setToken(FAKE_TOKEN);
    const first = state.refresh();
    await waitFor(() => listRequests().length >= 1);
    const second = state.refresh({ supersede: true });
    await Promise.all([first, second]);
    assert.strictEqual(listRequests().length, 2);
    assert.strictEqual(state.snapshot.error, undefined);
    assert.strictEqual(state.snapshot.invoices.length, 10);
  });

  it('load more appends pages until the end and counts every invoice once', async () => {
    const { state } = makeState(memoryStore(), 15);
    state.setToken(FAKE_TOKEN);
    await state.refresh();
    while (state.snapshot.next) {
      await state.loadMore();
    }
    const { invoices, total } = state.snapshot;
    assert.strictEqual(invoices.length, total);
    assert.strictEqual(new Set(invoices.map((invoice) => invoice.invoiceUuid)).size, total);
    assert.strictEqual(listRequests().length, Math.ceil(total! / 15));
  });

  it('ignores load more while a page is loading', async () => {
    api.setLatency(100);
    const { state } = makeState();
    state.setToken(FAKE_TOKEN);
    await state.refresh();
    await Promise.all([state.loadMore(), state.loadMore(), state.loadMore()]);
    assert.strictEqual(listRequests().length, 2);
    assert.strictEqual(state.snapshot.invoices.length, 20);
  });

  it('de-duplicates invoices when a page repeats the previous one', async () => {
    const { state } = makeState();
    state.setToken(FAKE_TOKEN);
    await state.refresh();
    api.addFault({ kind: 'repeatPage', times: 1 });
    await state.loadMore();
    const uuids = state.snapshot.invoices.map((invoice) => invoice.invoiceUuid);
    assert.strictEqual(new Set(uuids).size, uuids.length);
    assert.strictEqual(state.snapshot.next, undefined, 'a page with nothing new stops paging');
    assert.ok(state.snapshot.pagingProblem);
  });

  it('keeps the data shown when a refresh fails, and shows the error', async () => {
    const { state } = makeState();
    state.setToken(FAKE_TOKEN);
    await state.refresh();
    const before = state.snapshot.invoices;
    api.addFault({ kind: 'status', status: 401, path: INVOICES_PATH });
    await state.refresh();
    assert.strictEqual(state.snapshot.error?.kind, 'unauthorized');
    assert.deepStrictEqual(state.snapshot.invoices, before);
    assert.ok(state.snapshot.preview);
  });

  it('changing the token aborts requests of the old one and drops their results', async () => {
    api.setLatency(200);
    const { state } = makeState();
    state.setToken(FAKE_TOKEN);
    const pending = state.refresh();
    await until(state, (snapshot) => snapshot.activity === 'refreshing');
    state.setToken(undefined);
    await pending;
    assert.strictEqual(state.snapshot.hasToken, false);
    assert.strictEqual(state.snapshot.invoices.length, 0);
    assert.strictEqual(state.snapshot.error, undefined);
  });

  it('shows the cache of the last account at once, marked stale, then refreshes it', async () => {
    const store = memoryStore();
    const first = makeState(store);
    first.state.setToken(FAKE_TOKEN);
    await first.state.refresh();
    await closeWindow(first.state, store);

    const restarted = makeState(store);
    restarted.state.showLastKnown();
    assert.strictEqual(restarted.state.snapshot.stale, true);
    assert.strictEqual(restarted.state.snapshot.invoices.length, 10);
    assert.strictEqual(listRequests().length, 1, 'no request for the cached view');
    restarted.state.setToken(FAKE_TOKEN);
    assert.strictEqual(restarted.state.snapshot.stale, true);
    await restarted.state.refresh();
    assert.strictEqual(restarted.state.snapshot.stale, false);
  });

  it('never shows one token\'s cache under another token', async () => {
    const store = memoryStore();
    const first = makeState(store);
    first.state.setToken(FAKE_TOKEN);
    await first.state.refresh();
    await closeWindow(first.state, store);
    const other = makeState(store);
    other.state.showLastKnown();
    other.state.setToken(OTHER_TOKEN);
    assert.strictEqual(other.state.snapshot.invoices.length, 0);
  });

  it('forgetting the token removes its cached data', async () => {
    const { state, store } = makeState();
    state.setToken(FAKE_TOKEN);
    await state.refresh();
    await state.forgetCurrent();
    assert.strictEqual(state.snapshot.hasToken, false);
    assert.strictEqual([...store.values.keys()].filter((key) => key.startsWith('digitaloceanInvoices.cache.')).length, 0);
  });

  it('says that it is waiting for a rate limit while it waits', async () => {
    api.addFault({ kind: 'status', status: 429, headers: { 'retry-after': '3' }, times: 1, path: INVOICES_PATH });
    const { state } = makeState();
    state.setToken(FAKE_TOKEN);
    const notices: string[] = [];
    state.onDidChange((snapshot) => snapshot.retryNotice && notices.push(snapshot.retryNotice));
    await state.refresh();
    assert.match(notices[0] ?? '', /Rate limited/);
    assert.strictEqual(state.snapshot.retryNotice, undefined);
    assert.strictEqual(state.snapshot.invoices.length, 10);
  });
});
