import * as assert from 'assert';
import { MAX_INSIGHTS_DAYS } from '../../../src/api/client';
import { ApiError } from '../../../src/api/errors';
import { parseAccount, parseInsightsPage } from '../../../src/api/parseInsights';
import {
  FAKE_TOKEN, FAKE_TOKEN_PERSONAL, FAKE_TOKEN_WITHOUT_ACCOUNT_SCOPE, FAKE_TOKEN_WITHOUT_BILLING_SCOPE, teamUrn,
} from '../../fake-api/server';
import { makeClient } from '../../support/clientHarness';
import { expectApiError, useFakeApi } from '../../support/fakeApiHooks';

const NOW = new Date('2026-11-20T10:30:00Z');
const DASHED = '12345678-1234-1234-1234-123456789012';

describe('GET /v2/account and the billing insights', function () {
  this.timeout(20_000);
  const fake = useFakeApi({ now: NOW, largeInvoiceItems: 10 });
  const call = { token: FAKE_TOKEN };
  const urn = () => teamUrn(fake.api.data.insights.team);

  describe('the account', () => {
    it('reads the team a token acts for, its uuid 40 hex digits, and its URN', async () => {
      const { client } = makeClient(fake.url);
      const account = await client.getAccount(call);
      const team = fake.api.data.insights.team;
      assert.match(team.uuid, /^[0-9a-f]{40}$/);
      assert.deepStrictEqual(account, {
        uuid: fake.api.data.user.uuid, email: 'sammy@sharklabs.example', status: 'active',
        team: { uuid: team.uuid, name: 'Shark Labs', urn: `do:team:${team.uuid}` },
      });
      assert.strictEqual(fake.api.requests[0].path, '/v2/account');
    });

    it('has no team in a personal context', async () => {
      const { client } = makeClient(fake.url);
      const account = await client.getAccount({ token: FAKE_TOKEN_PERSONAL });
      assert.strictEqual(account.team, undefined);
      assert.strictEqual(account.email, 'sammy@sharklabs.example');
    });

    it('names the missing account:read scope and where to add it, while billing keeps working', async () => {
      const { client } = makeClient(fake.url);
      const error = await expectApiError(client.getAccount({ token: FAKE_TOKEN_WITHOUT_ACCOUNT_SCOPE }), 'missingScope');
      assert.strictEqual(error.details.scope, 'account:read');
      assert.strictEqual(error.status, 403);
      assert.match(error.message, /account:read/);
      assert.match(error.message, /control panel \(API → Tokens\)/);
      assert.ok(error.requestId, 'the request id is kept for support');
      const page = await client.listInvoices({ page: 1, perPage: 5 }, { token: FAKE_TOKEN_WITHOUT_ACCOUNT_SCOPE });
      assert.strictEqual(page.invoices.length, 5);
      const insights = await client.listInsights(urn(), '2026-11-01', '2026-11-02', { page: 1, perPage: 200 }, { token: FAKE_TOKEN_WITHOUT_ACCOUNT_SCOPE });
      assert.ok(insights.dataPoints.length > 0);
    });

    it('for a token that can read nothing, names account:read for the account and billing:read for the insights', async () => {
      const { client } = makeClient(fake.url);
      const error = await expectApiError(client.getAccount({ token: FAKE_TOKEN_WITHOUT_BILLING_SCOPE }), 'missingScope');
      assert.match(error.message, /account:read/);
      const insights = await expectApiError(client.listInsights(urn(), '2026-11-01', '2026-11-02', { page: 1, perPage: 200 }, { token: FAKE_TOKEN_WITHOUT_BILLING_SCOPE }), 'forbidden');
      assert.match(insights.message, /billing:read/);
    });

    it('accepts a dashed UUID as the team\'s uuid, and refuses one of another shape before it reaches a path', () => {
      assert.strictEqual(parseAccount({ account: { uuid: 'u', team: { uuid: DASHED, name: 'T' } } }).team?.urn, `do:team:${DASHED}`);
      assert.strictEqual(parseAccount({ account: { uuid: 'u', team: { uuid: DASHED.toUpperCase(), name: 'T' } } }).team?.uuid, DASHED.toUpperCase());
      for (const uuid of ['../../v2/customers/my/balance', '1234', `${DASHED}x`, 'g'.repeat(40)]) {
        assert.throws(() => parseAccount({ account: { team: { uuid } } }), (error: unknown) => error instanceof ApiError && error.kind === 'invalidResponse', uuid);
      }
      assert.strictEqual(parseAccount({ account: { uuid: 'u', team: { uuid: '', name: '' } } }).team, undefined, 'an empty team is none');
      assert.strictEqual(parseAccount({ account: { uuid: 'u', team: null } }).team, undefined);
      assert.throws(() => parseAccount({ account: { team: 'T' } }), ApiError);
      assert.throws(() => parseAccount({ user: {} }), ApiError);
    });
  });

  describe('the insights', () => {
    it('reads a page with its counts, sent as strings, and the spec\'s fields', async () => {
      const { client } = makeClient(fake.url);
      const page = await client.listInsights(urn(), '2026-11-01', '2026-11-19', { page: 1, perPage: 200 }, call);
      const all = fake.api.data.insights.dataPoints.filter((point) => point.start_date >= '2026-11-01' && point.start_date <= '2026-11-19');
      assert.strictEqual(page.totalItems, all.length);
      assert.strictEqual(page.totalPages, Math.ceil(all.length / 200));
      assert.strictEqual(page.currentPage, 1);
      assert.strictEqual(page.dataPoints.length, 200);
      const [first] = all;
      assert.deepStrictEqual(page.dataPoints[0], {
        day: first.start_date, amount: first.total_amount, region: first.region, sku: first.sku, description: first.description,
        groupDescription: first.group_description, usageTeamUrn: first.usage_team_urn,
      });
      assert.deepStrictEqual(page.problems, []);
      const request = fake.api.requests[0];
      assert.strictEqual(request.path, `/v2/billing/${urn()}/insights/2026-11-01/2026-11-19`);
      assert.deepStrictEqual(request.query, { per_page: '200', page: '1' });
    });

    it('reads counts sent as numbers too, and leaves out records it cannot place on a day, saying so', () => {
      const page = parseInsightsPage({
        data_points: [
          { start_date: '2025-01-01', total_amount: '0.86', region: 'nyc3', sku: '1-DO-DROP-0109', description: 'd', group_description: '' },
          { start_date: '2025-01-01T00:00:00Z', total_amount: null, sku: 7 },
          'junk', null, { start_date: '2025-02-30', total_amount: '1.00' }, { total_amount: '1.00' },
        ],
        total_items: 6, total_pages: 1, current_page: 1,
      });
      assert.deepStrictEqual([page.totalItems, page.totalPages, page.currentPage, page.leftOut], [6, 1, 1, 4]);
      assert.deepStrictEqual(page.dataPoints.map((point) => [point.day, point.amount, point.sku]), [['2025-01-01', '0.86', '1-DO-DROP-0109'], ['2025-01-01', '', '7']]);
      assert.deepStrictEqual(page.problems, [
        '2 data points were not objects and are not counted.',
        '2 data points have no readable day (start_date) and are not counted.',
      ]);
      const odd = parseInsightsPage({ data_points: [], total_items: '-1', total_pages: 'three', current_page: 1.5 });
      assert.deepStrictEqual([odd.totalItems, odd.totalPages, odd.currentPage], [undefined, undefined, undefined]);
      assert.throws(() => parseInsightsPage({ data_points: {} }), (error: unknown) => error instanceof ApiError && error.kind === 'invalidResponse');
      assert.throws(() => parseInsightsPage([]), ApiError);
    });

    it('asks for at most 31 days: a longer range fails before any request', async () => {
      const { client } = makeClient(fake.url);
      assert.strictEqual(MAX_INSIGHTS_DAYS, 31);
      const ok = await client.listInsights(urn(), '2026-10-01', '2026-10-31', { page: 1, perPage: 200 }, call);
      assert.ok(ok.dataPoints.length > 0, '31 days both ends counted are fine');
      fake.api.clearRequests();
      const error = await expectApiError(client.listInsights(urn(), '2026-10-01', '2026-11-01', { page: 1, perPage: 200 }, call), 'rangeTooLong');
      assert.strictEqual(error.message, 'DigitalOcean gives daily spend for at most 31 days at a time; 2026-10-01 to 2026-11-01 is 32 days.');
      assert.strictEqual(fake.api.requests.length, 0);
    });

    it('shows the API\'s own 400 for the 31-day rule as that rule, with what it said', async () => {
      const { client } = makeClient(fake.url);
      fake.api.addFault({ kind: 'status', status: 400, times: 1, body: { id: 'bad_request', message: 'end_date must be within 31 days of start_date', request_id: 'r-31' } });
      const error = await expectApiError(client.listInsights(urn(), '2026-10-01', '2026-10-31', { page: 1, perPage: 200 }, call), 'rangeTooLong');
      assert.match(error.message, /at most 31 days at a time; 2026-10-01 to 2026-10-31 is 31 days\. The API said: "end_date must be within 31 days of start_date"/);
      assert.strictEqual(error.requestId, 'r-31');
      fake.api.addFault({ kind: 'status', status: 400, times: 1 });
      await expectApiError(client.listInsights(urn(), '2026-10-01', '2026-10-31', { page: 1, perPage: 200 }, call), 'badRequest');
    });

    it('refuses days and URNs it cannot put in a path, without a request', async () => {
      const { client } = makeClient(fake.url);
      for (const [accountUrn, start, end] of [
        ['do:team:../../x', '2026-11-01', '2026-11-02'], ['team:abc', '2026-11-01', '2026-11-02'], [urn(), '2026-02-30', '2026-03-01'],
        [urn(), '2026-11-02', '2026-11-01'], [urn(), '2026-11-01/../..', '2026-11-02'],
      ]) {
        await expectApiError(client.listInsights(accountUrn, start, end, { page: 1, perPage: 200 }, call), 'configuration');
      }
      assert.strictEqual(fake.api.requests.length, 0);
      // A dashed uuid is a URN too: it is asked for (and this fake's team is another one).
      await expectApiError(client.listInsights(`do:team:${DASHED}`, '2026-11-01', '2026-11-02', { page: 1, perPage: 200 }, call), 'notFound');
      assert.strictEqual(fake.api.requests[0]?.path, `/v2/billing/do:team:${DASHED}/insights/2026-11-01/2026-11-02`);
    });
  });
});
