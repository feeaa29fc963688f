import * as assert from 'assert';
import { addDays, dayOf } from '../../../src/api/days';
import { dailySpendTool } from '../../../src/agentTools/dailySpendTool';
import { monthToDateTool } from '../../../src/agentTools/monthToDateTool';
import { Cancellation } from '../../../src/agentTools/billingReader';
import { runTool, ToolEnvironment, ToolOutput } from '../../../src/agentTools/runTool';
import { DEFAULT_ALERT_SETTINGS } from '../../../src/insights/alerts';
import { alertMessage } from '../../../src/insights/alertText';
import { InsightsState } from '../../../src/insights/insightsState';
import { recentAlerts, spendOutlook } from '../../../src/insights/spendOutlook';
import { productOf } from '../../../src/insights/products';
import { LineItemsStore } from '../../../src/lineItems/lineItemsStore';
import { formatCents, parseCents } from '../../../src/util/money';
import { FAKE_TOKEN, FAKE_TOKEN_PERSONAL, FAKE_TOKEN_WITHOUT_ACCOUNT_SCOPE } from '../../fake-api/server';
import { makeClient, memoryStore } from '../../support/clientHarness';
import { useFakeApi } from '../../support/fakeApiHooks';
import { makeStores } from '../../support/sessionHarness';
import { waitFor } from '../../support/waitFor';
import { insightsFetchingModule, lineItemsLoaderModule } from '../../support/codeOnFirstUse';

const never: Cancellation = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose: () => undefined }) };
const json = (output: ToolOutput) => JSON.parse(output.parts[1].slice(output.parts[1].indexOf('\n') + 1)) as {
  fromDate: string; toDate: string; total: string; groups: { name: string; amount: string }[];
  days: { day: string; state: string; total?: string; groups: { name: string; amount: string }[] }[]; alerts: unknown[];
};

describe('dailySpend tool over the insights state', function () {
  this.timeout(30_000);
  const fake = useFakeApi({ tokens: [FAKE_TOKEN] });
  const insightsRequests = () => fake.api.requests.filter((request) => request.path.includes('/insights/'));
  const yesterday = () => addDays(dayOf(Date.now()), -1);

  function make(budgetCents: () => bigint = () => 0n) {
    const harness = makeClient(fake.url);
    const store = memoryStore();
    const stores = makeStores({ client: harness.client, logger: harness.logger, store });
    const insights = new InsightsState({ session: stores.session, store, logger: harness.logger, client: harness.client, fetching: insightsFetchingModule });
    const environment: ToolEnvironment = {
      sources: { ...stores, lineItems: new LineItemsStore(harness.client, stores.session, harness.logger, lineItemsLoaderModule), insights },
      logger: harness.logger,
      locale: 'en',
      budget: () => ({ cents: budgetCents(), warningPercent: 80 }),
      alerts: () => DEFAULT_ALERT_SETTINGS,
    };
    return {
      ...stores, insights,
      call: (input: unknown) => runTool(dailySpendTool, input, environment, never),
      monthToDate: () => runTool(monthToDateTool, {}, environment, never),
    };
  }

  /** The fake's points of the days from `start` to `end`, summed exactly by `key`. */
  function expected(start: string, end: string, key: (point: { sku: string; region: string; start_date: string }) => string): Map<string, bigint> {
    const sums = new Map<string, bigint>();
    for (const point of fake.api.data.insights.dataPoints.filter((each) => each.start_date >= start && each.start_date <= end)) {
      sums.set(key(point), (sums.get(key(point)) ?? 0n) + parseCents(point.total_amount)!);
    }
    return sums;
  }
  const asMap = (groups: readonly { name: string; amount: string }[]) => new Map(groups.map((group) => [group.name, parseCents(group.amount)!]));

  it('answers a week by product from the recent days, without a request, exact per product and per day', async () => {
    const { insights, invoices, call, signIn, accounts } = make();
    await signIn(FAKE_TOKEN);
    await waitFor(() => insights.snapshot.recent !== undefined && !insights.snapshot.loading);
    const asked = insightsRequests().length;
    const output = await call({ days: 7 });
    assert.strictEqual(output.outcome, 'answered', output.parts[0]);
    assert.strictEqual(insightsRequests().length, asked, 'the recent days hold the week');
    const start = addDays(yesterday(), -6);
    const data = json(output);
    assert.deepStrictEqual([data.fromDate, data.toDate, data.days.length], [start, yesterday(), 7]);
    const byProduct = expected(start, yesterday(), (point) => productOf(point.sku).name);
    assert.deepStrictEqual(asMap(data.groups), byProduct);
    const total = [...byProduct.values()].reduce((sum, cents) => sum + cents, 0n);
    assert.strictEqual(parseCents(data.total), total);
    for (const day of data.days) {
      assert.deepStrictEqual(asMap(day.groups), expected(day.day, day.day, (point) => productOf(point.sku).name), day.day);
      assert.ok(output.parts[0].includes(`(${day.day}): ${formatCents(parseCents(day.total!)!, 'en')} (`), day.day);
    }
    assert.match(output.parts[0], new RegExp(`^DigitalOcean account: ${accounts.active.name}\n`));
    assert.ok(output.parts[0].includes(`Total of the known days: ${formatCents(total, 'en')}.`), output.parts[0]);
    const recent = insights.snapshot.recent!;
    const { items, preview } = invoices.snapshot;
    const alerts = recentAlerts(recent, spendOutlook(items, preview, recent, Date.now()), DEFAULT_ALERT_SETTINGS).map((alert) => alertMessage(alert, 'en'));
    assert.ok(alerts.some((alert) => alert.startsWith('Spend on ')), 'the fake has a jump in its recent days');
    assert.deepStrictEqual(data.alerts.map((alert) => (alert as { message: string }).message), alerts);
    assert.ok(output.parts[0].includes(`Alerts on the recent days:\n- ${alerts.join('\n- ')}`), output.parts[0]);
    assert.ok(output.parts.every((part) => !part.includes(FAKE_TOKEN)));
  });

  it('loads 90 days by region for the call, exact per region', async () => {
    const { insights, call, signIn } = make();
    await signIn(FAKE_TOKEN);
    await waitFor(() => insights.snapshot.recent !== undefined && !insights.snapshot.loading);
    const asked = insightsRequests().length;
    const output = await call({ days: 90, groupBy: 'region' });
    assert.strictEqual(output.outcome, 'answered', output.parts[0]);
    assert.ok(insightsRequests().length > asked, 'longer than the recent days: loaded');
    const data = json(output);
    const start = addDays(yesterday(), -89);
    assert.strictEqual(data.fromDate, start);
    assert.deepStrictEqual(asMap(data.groups), expected(start, yesterday(), (point) => point.region || '(no region)'));
    assert.ok(output.parts[0].includes('By region, largest first:'));
  });

  it('says what the insights state says of a token without account:read, or of a personal context', async () => {
    for (const token of [FAKE_TOKEN_WITHOUT_ACCOUNT_SCOPE, FAKE_TOKEN_PERSONAL]) {
      const { insights, call, signIn } = make();
      await signIn(token);
      await waitFor(() => insights.snapshot.error !== undefined);
      const output = await call({});
      assert.strictEqual(output.outcome, 'apiError', token === FAKE_TOKEN_PERSONAL ? 'personal' : 'scope');
      assert.deepStrictEqual(output.parts.length, 1);
      assert.strictEqual(output.parts[0].split('\n').slice(1).join('\n'), insights.snapshot.error!.message);
    }
  });

  it('refuses days out of bounds before reading anything', async () => {
    const { call, signIn } = make();
    await signIn(FAKE_TOKEN);
    for (const days of [0, 91]) {
      const output = await call({ days });
      assert.strictEqual(output.outcome, 'input');
      assert.strictEqual(output.parts[0].split('\n')[1], `days must be a whole number from 1 to 90, not ${days}.`);
    }
  });

  it('monthToDate adds the run-rate forecast of the recent days, exact to the cent, and checks the budget by it', async () => {
    let budgetCents = 0n;
    const { insights, monthToDate, signIn } = make(() => budgetCents);
    await signIn(FAKE_TOKEN);
    await waitFor(() => insights.snapshot.recent !== undefined && !insights.snapshot.loading);
    // Worked out here from the fake's points: this month's days before today, and the 7 days before today.
    const today = dayOf(Date.now());
    const sum = (start: string, end: string) => [...expected(start, end, () => 'all').values()].reduce((a, b) => a + b, 0n);
    const monthToDateCents = today.endsWith('-01') ? 0n : sum(`${today.slice(0, 7)}-01`, addDays(today, -1));
    const weekCents = sum(addDays(today, -7), addDays(today, -1));
    const nextMonth = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)), 1));
    const daysLeft = Math.round((nextMonth.getTime() - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
    const forecastCents = monthToDateCents + (2n * weekCents * BigInt(daysLeft) + 7n) / 14n;
    budgetCents = forecastCents - 1n; // the run rate is a cent over the budget
    const asked = insightsRequests().length;
    const output = await monthToDate();
    assert.strictEqual(output.outcome, 'answered', output.parts[0]);
    assert.strictEqual(insightsRequests().length, asked, 'the recent days already loaded are used');
    const text = output.parts[0];
    assert.ok(text.includes(`Month-end forecast at the run rate: ${formatCents(forecastCents, 'en')} (month to date from daily data ${formatCents(monthToDateCents, 'en')}, `), text);
    assert.ok(text.includes(`for each of the ${daysLeft} days left)`), text);
    assert.match(text, /Projected month-end total on a straight line: \$[\d,]+\.\d\d/);
    assert.match(text, /The month-end forecast is over the budget\./);
    const data = JSON.parse(output.parts[1].slice(output.parts[1].indexOf('\n') + 1)) as {
      runRateForecast: { amount: string; daysLeft: number }; budget: { checkedAgainst: string };
    };
    assert.deepStrictEqual([data.runRateForecast.amount, data.runRateForecast.daysLeft], [formatCents(forecastCents, 'en').replace(/[$,]/g, ''), daysLeft]);
    assert.strictEqual(data.budget.checkedAgainst, 'runRate');
  });
});
