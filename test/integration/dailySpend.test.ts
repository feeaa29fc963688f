// Daily Spend in the real extension host against the fake API: the recent days at once, 90 days
// in windows with progress, the figures exact against the fake's own data (its page counts come
// as strings), filters and a day's breakdown, a failed window with Retry, the errors of a token
// without account:read and of a personal context, an account switch during a load, the
// serializer, and the once-a-day background fetch.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { addDays, dayOf } from '../../src/api/days';
import { DAILY_SPEND_VIEW_TYPE } from '../../src/constants';
import type { DailySpendView } from '../../src/dailySpend/dailySpendView';
import type { TestApi } from '../../src/extension';
import { productOf } from '../../src/insights/products';
import { formatCents, parseCents } from '../../src/util/money';
import { FAKE_TOKEN, FAKE_TOKEN_PERSONAL, FAKE_TOKEN_WITHOUT_ACCOUNT_SCOPE, FakeDoApi, FLEET_EVENTS, RecordedRequest, teamUrn } from '../fake-api/server';
import { markdownText, useFakeApiSession, waitFor } from './support';

const ACCOUNT_PATH = '/v2/account';
const INVOICES_PATH = '/v2/customers/my/invoices';
const isInsights = (request: RecordedRequest) => /^\/v2\/billing\/[^/]+\/insights\//.test(request.path);
const yesterday = () => addDays(dayOf(Date.now()), -1);

/** Daily Spend's panels, once a command or a restored panel has loaded the feature. */
function panels(api: TestApi) {
  return api.container.dailySpend.current?.panels.parts ?? [];
}

/** The open Daily Spend panel's part (there is one at most). */
function openPart(api: TestApi) {
  return waitFor('the Daily Spend panel', () => panels(api)[0]);
}

/** Waits until the panel's last view passes `check`; fails with the view. */
async function viewWhere(api: TestApi, what: string, check: (view: DailySpendView) => boolean, timeoutMs?: number): Promise<DailySpendView> {
  return waitFor(what, () => {
    const view = panels(api)[0]?.view;
    return view && check(view) ? view : undefined;
  }, { timeoutMs, detail: () => ({ status: panels(api)[0]?.view?.status, heading: panels(api)[0]?.view?.heading }) });
}

/** The fake's exact total of the days from `start` to `end`, optionally of one product. */
function fakeTotal(fake: FakeDoApi, start: string, end: string, product?: string): bigint {
  return fake.data.insights.dataPoints
    .filter((point) => point.start_date >= start && point.start_date <= end && (!product || productOf(point.sku).key === product))
    .reduce((sum, point) => sum + parseCents(point.total_amount)!, 0n);
}

function windowStarts(requests: readonly RecordedRequest[]): string[] {
  return [...new Set(requests.filter(isInsights).map((request) => request.path.split('/')[5]))].sort();
}

describe('Daily Spend in the extension host', function () {
  this.timeout(90_000);
  const session = useFakeApiSession();

  before(async () => {
    await waitFor('the recent daily spend after sign-in', () => session.api.container.insights.snapshot.recent && !session.api.container.insights.snapshot.loading);
  });

  afterEach(async () => {
    session.fake.clearFaults();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('asks for the team once and the recent days once, and Refresh twice asks for neither again', async () => {
    const firstPages = () => session.fake.requests.filter((request) => isInsights(request) && request.query.page === '1');
    assert.strictEqual(session.fake.requests.filter((request) => request.path === ACCOUNT_PATH).length, 1, '/v2/account once per token');
    assert.strictEqual(firstPages().length, 1, 'one window: the recent 31 days');
    const recent = session.api.container.insights.snapshot.recent!;
    assert.deepStrictEqual(recent.range, { start: addDays(yesterday(), -30), end: yesterday() });
    const invoiceRequests = () => session.fake.requests.filter((request) => request.path === INVOICES_PATH).length;
    const before = invoiceRequests();
    await vscode.commands.executeCommand('digitaloceanInvoices.refresh');
    await vscode.commands.executeCommand('digitaloceanInvoices.refresh');
    assert.strictEqual(invoiceRequests(), before + 2, 'each refresh asked for the invoices');
    assert.strictEqual(firstPages().length, 1, 'fetched today already: no insights request');
    assert.strictEqual(session.fake.requests.filter((request) => request.path === ACCOUNT_PATH).length, 1);
  });

  it('shows the last 30 days at once from the recent days, stacked by product, exact to the cent', async () => {
    session.fake.clearRequests();
    const panel = await vscode.commands.executeCommand<vscode.WebviewPanel>('digitaloceanInvoices.showDailySpend');
    assert.strictEqual(panel.title, 'DigitalOcean Daily Spend');
    assert.match(panel.webview.html, /script-src 'nonce-[^']+';/);
    const view = await viewWhere(session.api, 'the 30 days drawn', (candidate) => candidate.chart !== undefined);
    const start = addDays(yesterday(), -29);
    const chart = view.chart!;
    assert.strictEqual(chart.days.length, 30);
    assert.deepStrictEqual([chart.days[0].day, chart.days[29].day], [start, yesterday()]);
    assert.ok(chart.days.every((day) => day.state === 'known'));
    assert.strictEqual(chart.summary, `Total ${formatCents(fakeTotal(session.fake, start, yesterday()), 'en')} in 30 days`);
    // Several products, the largest at the bottom; the unknown GenAI family under its SKU.
    assert.ok(chart.series.length >= 10, `${chart.series.length} products`);
    assert.strictEqual(chart.series[0].label, 'Droplets');
    assert.ok(chart.series.some((series) => series.label === '1-DO-GENAI-0001'));
    const day = chart.days[10];
    const perProduct = day.amounts.filter(Boolean).map((amount) => parseCents(amount.replace(/[$,]/g, ''))!);
    assert.strictEqual(formatCents(perProduct.reduce((sum, cents) => sum + cents, 0n), 'en'), day.total, 'the stack adds up to the day');
    assert.strictEqual(day.total, formatCents(fakeTotal(session.fake, day.day, day.day), 'en'));
    assert.strictEqual(chart.resources.length, 10);
    assert.strictEqual(chart.resources[0].label, 'search-01 (m-2vcpu-16gb)');
    assert.deepStrictEqual(chart.resources.find((row) => row.label.startsWith('3 nodes'))?.detail, 'prod-doks-cluster');
    assert.deepStrictEqual(session.fake.requests.filter(isInsights), [], 'the recent days were fetched today: nothing asked');
  });

  it('loads 90 days in three windows with progress; the counts come as strings and every figure is there', async () => {
    const team = session.fake.data.insights.team;
    const probe = await fetch(`${session.fake.url}/v2/billing/${teamUrn(team)}/insights/${addDays(yesterday(), -30)}/${yesterday()}?per_page=200&page=1`, {
      headers: { authorization: `Bearer ${FAKE_TOKEN}` },
    });
    const body = await probe.json() as { total_pages: unknown; total_items: unknown };
    assert.deepStrictEqual([typeof body.total_pages, typeof body.total_items], ['string', 'string']);

    await vscode.commands.executeCommand('digitaloceanInvoices.showDailySpend');
    const part = await openPart(session.api);
    session.fake.clearRequests();
    session.fake.hold();
    part.handle('setRange', 'last90');
    await waitFor('a request held', () => session.fake.heldRequests > 0);
    session.fake.letThrough(1); // one window's first page: the count of pages is known, the rest still held
    await viewWhere(session.api, 'the loading progress', (view) => /^Loading the daily spend… 1 of \d+ pages$/.test(view.status?.message ?? ''));
    session.fake.release();
    const view = await viewWhere(session.api, 'the 90 days drawn', (candidate) => candidate.chart !== undefined && !candidate.status);
    const start = addDays(yesterday(), -89);
    assert.strictEqual(view.heading.startsWith('Last 90 days: '), true);
    assert.strictEqual(view.chart!.days.length, 90);
    assert.strictEqual(view.chart!.summary, `Total ${formatCents(fakeTotal(session.fake, start, yesterday()), 'en')} in 90 days`);
    assert.deepStrictEqual(windowStarts(session.fake.requests), [start, addDays(start, 31), addDays(start, 62)]);
    const points = session.fake.data.insights.dataPoints.filter((point) => point.start_date >= start).length;
    const pages = session.fake.requests.filter(isInsights);
    assert.ok(pages.every((request) => request.query.per_page === '200'));
    assert.ok(pages.length >= Math.ceil(points / 200), `${pages.length} pages for ${points} data points`);
    assert.deepStrictEqual(session.fake.requests.filter((request) => request.path === ACCOUNT_PATH), [], 'the team is known');
    assert.deepStrictEqual(part.host.state, { range: 'last90' });

    // Back to 30 days: the recent days again, nothing asked; and 90 again: kept for the panel.
    session.fake.clearRequests();
    part.handle('setRange', 'last30');
    await viewWhere(session.api, '30 days again', (candidate) => candidate.chart?.days.length === 30);
    part.handle('setRange', 'last90');
    await viewWhere(session.api, '90 days again', (candidate) => candidate.chart?.days.length === 90);
    assert.deepStrictEqual(session.fake.requests.filter(isInsights), []);
  });

  it('filters by product and region, and breaks a clicked day down', async () => {
    await vscode.commands.executeCommand('digitaloceanInvoices.showDailySpend');
    const part = await openPart(session.api);
    await viewWhere(session.api, 'the chart', (view) => view.chart !== undefined);
    part.handle('setProduct', 'k:product:Droplets');
    const droplets = await viewWhere(session.api, 'Droplets only', (view) => view.chart?.series.length === 1);
    const start = addDays(yesterday(), -29);
    assert.strictEqual(droplets.chart!.series[0].label, 'Droplets');
    assert.strictEqual(droplets.chart!.summary, `Total ${formatCents(fakeTotal(session.fake, start, yesterday(), 'product:Droplets'), 'en')} in 30 days`);
    assert.ok(droplets.products.find((option) => option.value === 'k:product:Droplets')?.selected);
    part.handle('setRegion', 'k:fra1');
    const fra1 = await viewWhere(session.api, 'Droplets in fra1', (view) => view.regions.some((option) => option.value === 'k:fra1' && option.selected));
    assert.deepStrictEqual(fra1.chart!.resources.map((row) => row.label).sort(), ['api-01 (s-4vcpu-8gb)', 'worker-01 (c-2)']);

    const day = addDays(dayOf(Date.now()), -FLEET_EVENTS.spikeDaysAgo); // the fake's bandwidth spike
    part.handle('setProduct', 'all');
    part.handle('setRegion', 'all');
    part.handle('selectDay', day);
    const chosen = await viewWhere(session.api, 'the breakdown', (view) => view.chart?.breakdown?.day === day);
    const breakdown = chosen.chart!.breakdown!;
    assert.ok(breakdown.heading.endsWith(`: ${formatCents(fakeTotal(session.fake, day, day), 'en')}`), breakdown.heading);
    assert.ok(breakdown.products.some((row) => row.label === 'Bandwidth'), 'the spike is in it');
    assert.strictEqual(breakdown.resources[0].label, 'Outbound data transfer overage (2840 GiB)');
    assert.deepStrictEqual(part.host.state, { range: 'last30', day });
  });

  it('opens at the day it is given, as an alert row does, in a range that holds it', async () => {
    const recent = addDays(yesterday(), -3);
    await vscode.commands.executeCommand('digitaloceanInvoices.showDailySpend', recent);
    const part = await openPart(session.api);
    assert.deepStrictEqual(part.host.state, { range: 'last7', day: recent });
    await viewWhere(session.api, 'its breakdown', (view) => view.chart?.breakdown?.day === recent);
    const older = addDays(yesterday(), -50);
    await vscode.commands.executeCommand('digitaloceanInvoices.showDailySpend', older);
    assert.strictEqual(panels(session.api).length, 1, 'the open panel is revealed');
    assert.deepStrictEqual(part.host.state, { range: 'last90', day: older });
    await viewWhere(session.api, 'the older day', (view) => view.chart?.breakdown?.day === older);
    await vscode.commands.executeCommand('digitaloceanInvoices.showDailySpend', 'next tuesday');
    assert.deepStrictEqual(part.host.state, { range: 'last90', day: older }, 'what is not a day changes nothing');
  });

  it('says which days a failed window is missing, and loads only that window on Retry', async () => {
    await vscode.commands.executeCommand('digitaloceanInvoices.showDailySpend');
    const part = await openPart(session.api);
    // A new panel: the 90 days loaded before went with the panel that was closed.
    const start = addDays(yesterday(), -89);
    const middle = addDays(start, 31);
    session.fake.addFault({ kind: 'status', status: 503, path: `/v2/billing/${teamUrn(session.fake.data.insights.team)}/insights/${middle}` });
    session.fake.clearRequests();
    part.handle('setRange', 'last90');
    const failed = await viewWhere(session.api, 'the missing window', (view) => view.chart?.missing !== undefined && !view.status, 30_000);
    assert.match(failed.chart!.missing!, new RegExp(`^Not loaded: ${escape(rangeLabel(middle, addDays(middle, 30)))}\\. Their figures are unknown, not zero\\.`));
    assert.match(failed.chart!.missing!, /server error/i, 'with what the API said');
    assert.strictEqual(failed.chart!.summary.includes('in the 59 of 90 days with figures'), true, failed.chart!.summary);
    assert.deepStrictEqual(failed.chart!.days.filter((day) => day.state === 'missing').map((day) => day.total), Array(31).fill('Not loaded'));

    session.fake.clearFaults();
    session.fake.clearRequests();
    part.handle('retry');
    const complete = await viewWhere(session.api, 'all 90 days', (view) => view.chart !== undefined && view.chart.missing === undefined && !view.status);
    assert.deepStrictEqual(windowStarts(session.fake.requests), [middle], 'only the failed window again');
    assert.strictEqual(complete.chart!.summary, `Total ${formatCents(fakeTotal(session.fake, start, yesterday()), 'en')} in 90 days`);
  });

  it('comes back after a window reload with its range, filters and day', async () => {
    const panel = vscode.window.createWebviewPanel(DAILY_SPEND_VIEW_TYPE, 'restoring…', vscode.ViewColumn.Active, {});
    const day = addDays(yesterday(), -2);
    await session.api.container.dailySpend.restore(panel, { range: 'last7', product: 'product:Kubernetes', region: 'nyc3', day });
    assert.strictEqual(panel.title, 'DigitalOcean Daily Spend');
    assert.strictEqual(panel.webview.options.enableScripts, true);
    const part = await openPart(session.api);
    assert.deepStrictEqual(part.host.state, { range: 'last7', product: 'product:Kubernetes', region: 'nyc3', day });
    const view = await viewWhere(session.api, 'the restored view', (candidate) => candidate.chart?.breakdown?.day === day);
    assert.deepStrictEqual(view.chart!.series.map((series) => series.label), ['Kubernetes']);
    assert.strictEqual(await vscode.commands.executeCommand('digitaloceanInvoices.showDailySpend'), panel, 'shown again, the restored panel is revealed');
  });

  it('links Daily Spend in the status bar tooltip', () => {
    const tooltip = session.api.statusBar.item.tooltip as vscode.MarkdownString;
    assert.match(markdownText(tooltip), /\[Show Daily Spend\]\(command:digitaloceanInvoices\.showDailySpend\)/);
    assert.ok((tooltip.isTrusted as { enabledCommands: string[] }).enabledCommands.includes('digitaloceanInvoices.showDailySpend'));
  });
});

describe('Daily Spend with a token without account:read', function () {
  this.timeout(60_000);
  const session = useFakeApiSession({ token: FAKE_TOKEN_WITHOUT_ACCOUNT_SCOPE });

  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('names the account:read scope and where to add it, and the invoices still load', async () => {
    await vscode.commands.executeCommand('digitaloceanInvoices.showDailySpend');
    const view = await viewWhere(session.api, 'the scope error', (candidate) => candidate.status?.kind === 'error');
    assert.match(view.status!.message, /lacks the account:read scope.*Add account:read to the token's scopes in the DigitalOcean control panel \(API → Tokens\)/);
    assert.deepStrictEqual(view.status!.actions.map((action) => action.label), ['Set API Token', 'Retry']);
    assert.strictEqual(view.chart, undefined);
    assert.ok(session.fake.requests.some((request) => request.path === ACCOUNT_PATH), 'GET /v2/account was asked');
    assert.deepStrictEqual(session.fake.requests.filter(isInsights), [], 'no insights without a team');
    await waitFor('the invoices', () => session.api.state.snapshot.items.length > 0 && !session.api.state.snapshot.error);
  });
});

describe('Daily Spend in a personal context', function () {
  this.timeout(60_000);
  const session = useFakeApiSession({ token: FAKE_TOKEN_PERSONAL });

  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('says that the token has no team, with what to do', async () => {
    await vscode.commands.executeCommand('digitaloceanInvoices.showDailySpend');
    const view = await viewWhere(session.api, 'the personal-context error', (candidate) => candidate.status?.kind === 'error');
    assert.match(view.status!.message, /names no team for this API token \(a personal context\).*Use a token created in a team\./);
    assert.deepStrictEqual(view.status!.actions.map((action) => action.command), ['switchAccount', 'setToken']);
  });
});

describe('Daily Spend when the account changes during a load', function () {
  this.timeout(60_000);
  const session = useFakeApiSession();

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const account of session.api.accounts.list().filter((candidate) => candidate.name === 'No scope')) {
      await session.api.accounts.remove(account.id);
    }
    await session.api.accounts.setActive('default');
  });

  it('cancels the load and shows the other account\'s daily spend, never the first one\'s', async () => {
    await waitFor('the recent days', () => session.api.container.insights.snapshot.recent);
    await vscode.commands.executeCommand('digitaloceanInvoices.showDailySpend');
    const part = await openPart(session.api);
    session.fake.hold();
    session.fake.clearRequests();
    part.handle('setRange', 'last90');
    const firstToken = () => session.fake.requests.filter((request) => isInsights(request) && request.authorization === `Bearer ${FAKE_TOKEN}`);
    await waitFor('the 90 days on their way', () => firstToken().length >= 3);
    await session.api.accounts.add('No scope', FAKE_TOKEN_WITHOUT_ACCOUNT_SCOPE);
    // What was on its way for the first account is cancelled: the client closes those requests.
    await waitFor('the first account\'s requests cancelled', () => firstToken().every((request) => request.outcome === 'closedEarly') && firstToken(), {
      detail: () => firstToken().map((request) => [request.path, request.query.page, request.outcome]),
    });
    session.fake.release();
    const view = await viewWhere(session.api, 'the other account\'s error', (candidate) => candidate.status?.kind === 'error');
    assert.match(view.status!.message, /account:read/);
    assert.strictEqual(view.chart, undefined, 'no figures of the first account');
    assert.strictEqual(view.heading.startsWith('Last 90 days'), true);
  });
});

function rangeLabel(start: string, end: string): string {
  const format = (day: string) => new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.parse(`${day}T00:00:00Z`));
  return `${format(start)} to ${format(end)}`;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
