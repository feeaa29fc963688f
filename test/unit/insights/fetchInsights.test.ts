import * as assert from 'assert';
import { daysFrom } from '../../../src/api/days';
import { isAbort } from '../../../src/api/errors';
import { Transport, nodeTransport } from '../../../src/api/transport';
import { InsightsDataPoint } from '../../../src/api/types';
import { fetchInsights, InsightsProgress, InsightsResult, retryInsights } from '../../../src/insights/fetchInsights';
import { dailySpend } from '../../../src/insights/spend';
import { DayRange, lastDays } from '../../../src/insights/windows';
import { FAKE_TOKEN, FakeDoApi, InsightsDataPoint as FakePoint, RecordedRequest, teamUrn } from '../../fake-api/server';
import { makeClient } from '../../support/clientHarness';
import { useFakeApi } from '../../support/fakeApiHooks';
import { countingTransport, serverConcurrency } from '../../support/requestCounters';

const NOW = new Date('2026-11-20T10:30:00Z');
const YESTERDAY = '2026-11-19';
const NINETY_DAYS = lastDays(YESTERDAY, 90);

function expectedPoints(api: FakeDoApi, range: DayRange): FakePoint[] {
  return api.data.insights.dataPoints.filter((point) => point.start_date >= range.start && point.start_date <= range.end);
}

const sameAs = (point: InsightsDataPoint, fake: FakePoint) =>
  point.day === fake.start_date && point.amount === fake.total_amount && point.sku === fake.sku && point.description === fake.description
  && point.region === fake.region && point.groupDescription === fake.group_description;

function assertAllPoints(result: InsightsResult, expected: readonly FakePoint[]): void {
  assert.strictEqual(result.dataPoints.length, expected.length);
  assert.ok(result.dataPoints.every((point, i) => sameAs(point, expected[i])), 'every data point, in day order');
}

/** The window (its first day) and page of each insights request. */
const requested = (requests: readonly RecordedRequest[]) =>
  requests.map((request) => `${request.path.split('/')[5]} p${request.query.page}`).sort();

describe('fetching the daily spend of a range', function () {
  this.timeout(30_000);
  const fake = useFakeApi({ now: NOW, largeInvoiceItems: 10 });
  const urn = () => teamUrn(fake.api.data.insights.team);
  const call = { token: FAKE_TOKEN };

  it('fetches 90 days as 3 windows of pages of 200, each page once, at most 4 requests at a time', async () => {
    const latencyMs = 20;
    fake.api.setLatency(latencyMs);
    const { stats, transport } = countingTransport();
    const { client } = makeClient(fake.url, { transport });
    const progress: InsightsProgress[] = [];
    const result = await fetchInsights(urn(), NINETY_DAYS, { client, call, onProgress: (p) => progress.push(p) });

    assert.deepStrictEqual(result.windows, [
      { start: '2026-08-22', end: '2026-09-21' }, { start: '2026-09-22', end: '2026-10-22' }, { start: '2026-10-23', end: '2026-11-19' },
    ]);
    assert.ok(result.complete);
    assert.deepStrictEqual([result.failed, result.missingDays, result.problems], [[], [], []]);
    assertAllPoints(result, expectedPoints(fake.api, NINETY_DAYS));
    const pages = result.windows.map((window) => Math.ceil(expectedPoints(fake.api, window).length / 200));
    assert.ok(pages.every((count) => count >= 3), `several pages per window: ${pages.join()}`);
    const expectedRequests = result.windows.flatMap((window, i) => Array.from({ length: pages[i] }, (_, page) => `${window.start} p${page + 1}`)).sort();
    assert.deepStrictEqual(requested(fake.api.requests), expectedRequests, 'each page of each window once');
    assert.ok(fake.api.requests.every((request) => request.query.per_page === '200'));
    assert.strictEqual(stats.max, 4, '4 in flight at most, and 4 used');
    assert.ok(serverConcurrency(fake.api.requests, latencyMs) <= 4);
    assert.deepStrictEqual(progress.at(-1), { windows: 3, loadedWindows: 3, failedWindows: 0, loadedPages: stats.started, knownPages: stats.started });
  });

  it('asks for page 2 of the first window alongside the 3 first pages, so 4 go at once from the start', async () => {
    fake.api.setLatency(20);
    const { client } = makeClient(fake.url);
    await fetchInsights(urn(), NINETY_DAYS, { client, call });
    const firstFour = [...fake.api.requests].sort((a, b) => a.at - b.at).slice(0, 4);
    assert.deepStrictEqual(requested(firstFour), ['2026-08-22 p1', '2026-08-22 p2', '2026-09-22 p1', '2026-10-23 p1']);
  });

  it('drops the pages asked for ahead when the range fits on one page, and asks none when told', async () => {
    const { client } = makeClient(fake.url);
    const week = lastDays(YESTERDAY, 7);
    const result = await fetchInsights(urn(), week, { client, call });
    assert.ok(result.complete);
    assertAllPoints(result, expectedPoints(fake.api, week));
    assert.ok(fake.api.requests.length <= 4, `${fake.api.requests.length} requests`);
    assert.deepStrictEqual(result.problems, [], 'what came for pages 2-4 is not counted');
    fake.api.clearRequests();
    const alone = await fetchInsights(urn(), week, { client, call, pagesAhead: 0 });
    assert.deepStrictEqual(alone.dataPoints, result.dataPoints);
    assert.deepStrictEqual(requested(fake.api.requests), ['2026-11-13 p1']);
  });

  it('reports a window that keeps failing with its days, keeps the others, and fetches it again alone', async () => {
    const { client } = makeClient(fake.url, { backoffBaseMs: 1 });
    const broken = '2026-09-22';
    fake.api.addFault({ kind: 'status', status: 503, path: `/v2/billing/${urn()}/insights/${broken}` });
    const result = await fetchInsights(urn(), NINETY_DAYS, { client, call });
    assert.strictEqual(result.complete, false);
    assert.deepStrictEqual(result.failed.map((failure) => [failure.window, failure.kind]), [[{ start: broken, end: '2026-10-22' }, 'server']]);
    assert.match(result.failed[0].message, /server error \(HTTP 503\)/);
    assert.deepStrictEqual(result.missingDays, daysFrom(broken, '2026-10-22'));
    assert.deepStrictEqual([...result.loaded.keys()], ['2026-08-22', '2026-10-23']);
    const shown = dailySpend(result);
    assert.ok(shown.days.filter((day) => day.state === 'missing').every((day) => day.day >= broken && day.day <= '2026-10-22'));
    assert.strictEqual(shown.days.filter((day) => day.state === 'missing').length, 31, 'the missing days are named, not shown as $0');
    assert.ok(!result.dataPoints.some((point) => point.day >= broken && point.day <= '2026-10-22'), 'no partial window counted');

    fake.api.clearFaults();
    fake.api.clearRequests();
    const retried = await retryInsights(result, { client, call });
    assert.ok(retried.complete);
    assertAllPoints(retried, expectedPoints(fake.api, NINETY_DAYS));
    assert.ok(fake.api.requests.every((request) => request.path.endsWith(`/${broken}/2026-10-22`)), 'only the failed window is asked for again');
  });

  it('stops starting requests after an error every request would get, naming it for every window', async () => {
    const { client } = makeClient(fake.url);
    fake.api.addFault({ kind: 'status', status: 401 });
    const result = await fetchInsights(urn(), NINETY_DAYS, { client, call });
    assert.deepStrictEqual(result.failed.map((failure) => failure.kind), ['unauthorized', 'unauthorized', 'unauthorized']);
    assert.strictEqual(result.dataPoints.length, 0);
    assert.ok(fake.api.requests.length <= 4, `${fake.api.requests.length} requests`);
  });

  it('goes one request at a time, and asks for nothing ahead, when the rate limit runs low', async () => {
    const lowRate = new FakeDoApi({ now: NOW, largeInvoiceItems: 10, rateLimit: 1 });
    await lowRate.start();
    try {
      const { stats, transport } = countingTransport();
      const { client } = makeClient(lowRate.url, { transport });
      await client.getAccount(call); // the rate limit is known from the first answer on
      const range = lastDays(YESTERDAY, 40);
      const result = await fetchInsights(teamUrn(lowRate.data.insights.team), range, { client, call });
      assert.ok(result.complete);
      assertAllPoints(result, expectedPoints(lowRate, range));
      assert.strictEqual(stats.max, 1);
      const pages = result.windows.map((window) => Math.ceil(expectedPoints(lowRate, window).length / 200));
      assert.strictEqual(lowRate.requests.length - 1, pages[0] + pages[1], 'nothing asked for ahead');
    } finally {
      await lowRate.close();
    }
  });

  it('follows pages one by one when the counts cannot be read, until a page is not full', async () => {
    const { client } = makeClient(fake.url);
    fake.api.addFault({ kind: 'badPageCounts' });
    const month = { start: '2026-10-01', end: '2026-10-31' };
    const result = await fetchInsights(urn(), month, { client, call });
    assert.ok(result.complete);
    assert.deepStrictEqual(result.problems, []);
    assertAllPoints(result, expectedPoints(fake.api, month));
    // Pages 2-4 were asked for ahead; then one after each full page (an empty one after a last full page).
    const count = expectedPoints(fake.api, month).length;
    const needed = Math.floor(count / 200) + 1;
    assert.strictEqual(new Set(requested(fake.api.requests)).size, Math.max(needed, 4));
  });

  it('says so when a page repeats the one before, or holds days outside its window', async () => {
    const { client } = makeClient(fake.url);
    fake.api.addFault({ kind: 'repeatPage', page: 2 });
    const month = { start: '2026-10-01', end: '2026-10-31' };
    const repeated = await fetchInsights(urn(), month, { client, call });
    assert.deepStrictEqual(repeated.problems, ['The API sent the same daily spend for page 2 of 2026-10-01 to 2026-10-31 as for page 1; it is counted twice.']);

    fake.api.clearFaults();
    const stray = { usage_team_urn: urn(), start_date: '2026-09-30', total_amount: '9.99', region: 'nyc3', sku: '1-DO-DROP-0109', description: 'x', group_description: '' };
    const inside = { ...stray, start_date: '2026-10-05' };
    fake.api.addFault({ kind: 'status', status: 200, times: 1, body: { data_points: [stray, inside, 'junk'], total_items: '3', total_pages: '1', current_page: '1' } });
    const odd = await fetchInsights(urn(), month, { client, call, pagesAhead: 0 });
    assert.deepStrictEqual(odd.dataPoints.map((point) => point.day), ['2026-10-05']);
    assert.deepStrictEqual(odd.problems, [
      'The API sent 1 data points for days outside 2026-10-01 to 2026-10-31; they are not counted.',
      '1 data points were not objects and are not counted.',
    ]);
  });

  it('fails a page the API answers with another page number, so nothing is counted twice', async () => {
    const { client } = makeClient(fake.url);
    fake.api.addFault({ kind: 'status', status: 200, times: 1, body: { data_points: [], total_items: '0', total_pages: '0', current_page: '2' } });
    const result = await fetchInsights(urn(), lastDays(YESTERDAY, 5), { client, call, pagesAhead: 0 });
    assert.deepStrictEqual(result.failed.map((failure) => failure.kind), ['invalidResponse']);
    assert.match(result.failed[0].message, /sent page 2 of the daily spend when page 1 was asked for/);
  });

  it('asks nothing for the days before DigitalOcean\'s data starts, and says which they are', async () => {
    const { client } = makeClient(fake.url);
    const before = await fetchInsights(urn(), { start: '2025-10-01', end: '2025-11-30' }, { client, call });
    assert.deepStrictEqual([before.windows, before.beforeData, before.complete], [[], { start: '2025-10-01', end: '2025-11-30' }, true]);
    assert.strictEqual(fake.api.requests.length, 0);
    const straddling = await fetchInsights(urn(), { start: '2025-11-25', end: '2025-12-05' }, { client, call, pagesAhead: 0 });
    assert.deepStrictEqual(straddling.windows, [{ start: '2025-12-01', end: '2025-12-05' }]);
    assert.deepStrictEqual(straddling.beforeData, { start: '2025-11-25', end: '2025-11-30' });
    assert.deepStrictEqual(dailySpend(straddling).days.map((day) => day.state), [...Array(6).fill('noData'), ...Array(5).fill('known')]);
  });

  it('is cancelled by its signal: it rejects, and nothing more is asked for', async () => {
    fake.api.setLatency(30);
    const controller = new AbortController();
    let sent = 0;
    const transport: Transport = (request) => {
      if (++sent === 3) {
        controller.abort(); // while the first two are on their way
      }
      return nodeTransport(request);
    };
    const { client } = makeClient(fake.url, { transport });
    // It settles only once nothing of it is in flight: every request it ever sends has gone through the transport.
    await assert.rejects(fetchInsights(urn(), NINETY_DAYS, { client, call: { ...call, signal: controller.signal } }), isAbort);
    assert.strictEqual(sent, 3, 'no request after the cancellation');
  });

  it('stops at 500 pages in a window and says so, with a count or without', async () => {
    const { client } = makeClient(fake.url);
    const month = { start: '2026-10-01', end: '2026-10-31' };
    assert.ok(expectedPoints(fake.api, month).length > 500);
    const counted = await fetchInsights(urn(), month, { client, call, perPage: 1 });
    assert.strictEqual(counted.dataPoints.length, 500);
    assert.deepStrictEqual(counted.problems, ['2026-10-01 to 2026-10-31 has more than 500 pages of daily spend; the rest is not counted.']);
    assert.strictEqual(fake.api.requests.length, 500);
    fake.api.clearRequests();
    fake.api.addFault({ kind: 'badPageCounts' });
    const followed = await fetchInsights(urn(), month, { client, call, perPage: 1, pagesAhead: 0 });
    assert.deepStrictEqual([followed.dataPoints.length, followed.problems], [500, counted.problems]);
    assert.strictEqual(fake.api.requests.length, 500);
  });

  it('fails the load when its progress listener throws, after what is in flight has settled', async () => {
    const { client } = makeClient(fake.url);
    const onProgress = () => {
      throw new Error('listener broke');
    };
    await assert.rejects(fetchInsights(urn(), NINETY_DAYS, { client, call, onProgress }), /listener broke/);
    assert.ok(fake.api.requests.length <= 4, 'nothing started after it');
  });

  it('works for a team whose uuid is a dashed UUID', async () => {
    const dashed = new FakeDoApi({ now: NOW, largeInvoiceItems: 10, teamUuid: '12345678-1234-1234-1234-123456789012' });
    await dashed.start();
    try {
      const { client } = makeClient(dashed.url);
      const account = await client.getAccount(call);
      assert.strictEqual(account.team?.urn, 'do:team:12345678-1234-1234-1234-123456789012');
      const result = await fetchInsights(account.team.urn, lastDays(YESTERDAY, 3), { client, call });
      assert.ok(result.complete);
      assert.ok(result.dataPoints.every((point) => point.usageTeamUrn === account.team?.urn));
    } finally {
      await dashed.close();
    }
  });
});
