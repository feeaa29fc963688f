import * as assert from 'assert';
import { dayOf } from '../../../src/api/days';
import { InsightsState, RECENT_DAYS } from '../../../src/insights/insightsState';
import { spendOutlook } from '../../../src/insights/spendOutlook';
import { FAKE_TOKEN, FAKE_TOKEN_PERSONAL, FAKE_TOKEN_WITHOUT_ACCOUNT_SCOPE } from '../../fake-api/server';
import { makeClient, memoryStore } from '../../support/clientHarness';
import { useFakeApi } from '../../support/fakeApiHooks';
import { makeStores } from '../../support/sessionHarness';
import { waitFor } from '../../support/waitFor';
import { insightsFetchingModule } from '../../support/codeOnFirstUse';

describe('insights state', function () {
  this.timeout(20_000);
  const fake = useFakeApi({ tokens: [FAKE_TOKEN] });
  const insightsRequests = () => fake.api.requests.filter((request) => request.path.includes('/insights/'));
  const accountRequests = () => fake.api.requests.filter((request) => request.path === '/v2/account');

  function make(store = memoryStore()) {
    const harness = makeClient(fake.url);
    const stores = makeStores({ client: harness.client, logger: harness.logger, store });
    const insights = new InsightsState({ session: stores.session, store, logger: harness.logger, client: harness.client, fetching: insightsFetchingModule });
    return { ...stores, insights, store, harness };
  }

  it('fetches the recent days once the token is known, asks for the team once, and not again the same day', async () => {
    const { insights, signIn, refreshAll } = make();
    await signIn(FAKE_TOKEN);
    await waitFor(() => insights.snapshot.recent !== undefined);
    const { recent, team } = insights.snapshot;
    assert.ok(team?.urn.startsWith('do:team:'));
    assert.strictEqual(recent?.range.end, dayOf(Date.now() - 86_400_000), 'up to yesterday');
    assert.strictEqual(recent.complete, true);
    assert.ok(recent.dataPoints.length > RECENT_DAYS, 'several resources a day');
    const requests = insightsRequests().length;
    await refreshAll();
    await insights.refreshIfDue();
    assert.strictEqual(insightsRequests().length, requests, 'fetched today already');
    await insights.load({ start: recent.range.start, end: recent.range.end });
    assert.strictEqual(accountRequests().length, 1, '/v2/account once per token');
  });

  it('shows the cached days after a restart, marked stale', async () => {
    const store = memoryStore();
    const first = make(store);
    await first.signIn(FAKE_TOKEN);
    await waitFor(() => first.insights.snapshot.recent !== undefined);
    first.insights.dispose();
    first.dispose();
    const restarted = make(store);
    assert.strictEqual(restarted.insights.snapshot.stale, true);
    assert.ok(restarted.insights.snapshot.recent && restarted.insights.snapshot.team);
  });

  it('says which scope is missing, and that a personal context has no team, while the invoices keep working', async () => {
    for (const [token, kind] of [[FAKE_TOKEN_WITHOUT_ACCOUNT_SCOPE, 'missingScope'], [FAKE_TOKEN_PERSONAL, 'noTeam']] as const) {
      const { insights, invoices, signIn } = make();
      await signIn(token);
      await waitFor(() => insights.snapshot.error !== undefined);
      assert.strictEqual(insights.snapshot.error?.kind, kind);
      assert.match(insights.snapshot.error.message, kind === 'missingScope' ? /account:read/ : /team/);
      await invoices.refresh();
      assert.ok(invoices.snapshot.items.length > 0);
      const asked = accountRequests().length;
      await insights.refreshIfDue();
      assert.strictEqual(accountRequests().length, asked, 'not asked again with every refresh');
    }
  });

  it('gives the outlook: yesterday, the 7-day average and the run-rate forecast in exact cents', async () => {
    const { insights, invoices, signIn } = make();
    await signIn(FAKE_TOKEN);
    await invoices.refresh();
    await waitFor(() => insights.snapshot.recent !== undefined);
    const outlook = spendOutlook(invoices.snapshot.items, invoices.snapshot.preview, insights.snapshot.recent, Date.now());
    assert.ok(outlook.yesterday && outlook.yesterday.cents > 0n);
    assert.ok(outlook.average && outlook.average.days === 7);
    assert.strictEqual(outlook.best?.basis, outlook.runRate ? 'runRate' : 'straightLine');
    assert.ok(outlook.straightLine);
    assert.ok(outlook.yearToDate);
  });
});
