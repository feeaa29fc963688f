import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { renderDailySpendPage } from '../../../src/dailySpend/dailySpendHtml';
import { buildDailySpendModel } from '../../../src/dailySpend/dailySpendModel';
import { buildDailySpendView, DailyPageInput, optionKey } from '../../../src/dailySpend/dailySpendView';
import { dailyChartConfig, DailyColors, seriesColor } from '../../../src/dailySpend/webview/dailyChartConfig';
import { missingAccountScope, noTeam } from '../../../src/api/parseInsights';
import { ApiError } from '../../../src/api/errors';
import { shownError } from '../../../src/paging/pagedList';
import { l10n } from '../../../src/util/l10n';
import { panelDocument } from '../../../src/webview/panelDocument';
import { point } from '../insightsPoints';

const ROOT = path.join(__dirname, '..', '..', '..', '..');
const RANGE = { start: '2026-11-01', end: '2026-11-03' };
const DATA = {
  range: RANGE,
  dataPoints: [
    point('2026-11-01', '10.00', '1-DO-DROP-0109', { description: 'web-01' }),
    point('2026-11-01', '30.00', '1-KS-K8SWN-00109', { description: '3 nodes', groupDescription: 'prod-cluster' }),
    point('2026-11-02', '10.00', '1-DO-DROP-0109', { description: 'web-01' }),
    point('2026-11-02', '20.00', '1-KS-K8SWN-00109', { description: '3 nodes', groupDescription: 'prod-cluster' }),
  ],
  missingDays: ['2026-11-03'],
};
const READY: DailyPageInput = { choice: 'last7', range: RANGE, hasToken: true, model: buildDailySpendModel(DATA) };
const COLORS: DailyColors = { series: ['blue', 'orange'], text: 'grey', grid: 'silver', unavailable: 'lightgrey', selected: 'navy', fontFamily: 'sans', fontSize: 13 };

describe('Daily Spend view', () => {
  it('formats every figure exactly, in the order the bars stack', () => {
    const view = buildDailySpendView(READY, 'en');
    const chart = view.chart!;
    assert.strictEqual(view.heading, 'Last 7 days: Nov 1, 2026 to Nov 3, 2026');
    assert.deepStrictEqual(chart.series, [{ key: 'product:Kubernetes', label: 'Kubernetes', total: '$50.00' }, { key: 'product:Droplets', label: 'Droplets', total: '$20.00' }]);
    assert.deepStrictEqual(chart.days[0], {
      day: '2026-11-01', label: 'Nov 1, 2026', short: 'Nov 1', state: 'known', total: '$40.00', values: [30, 10], amounts: ['$30.00', '$10.00'], selected: false,
    });
    assert.deepStrictEqual(chart.days[2], {
      day: '2026-11-03', label: 'Nov 3, 2026', short: 'Nov 3', state: 'missing', total: 'Not loaded', values: [null, null], amounts: ['', ''], selected: false,
    });
    assert.strictEqual(chart.summary, 'Total $70.00 in the 2 of 3 days with figures');
    assert.strictEqual(chart.missing, 'Not loaded: Nov 3, 2026. Their figures are unknown, not zero.');
    assert.deepStrictEqual(chart.axis.ticks.map((tick) => tick.label), ['$0', '$10', '$20', '$30', '$40']);
    assert.strictEqual(chart.description, 'Stacked bar chart of the daily spend by product from Nov 1, 2026 to Nov 3, 2026; value axis from $0 to $40.');
    assert.deepStrictEqual(chart.columns, ['Day', 'Total', 'Kubernetes', 'Droplets']);
    assert.deepStrictEqual(chart.resources, [
      { label: '3 nodes', detail: 'prod-cluster', products: 'Kubernetes', amount: '$50.00' },
      { label: 'web-01', detail: '', products: 'Droplets', amount: '$20.00' },
    ]);
    assert.deepStrictEqual(view.ranges.map((range) => [range.label, range.pressed]), [['7 days', true], ['30 days', false], ['90 days', false], ['This month', false]]);
    assert.strictEqual(view.status, undefined);
  });

  it('offers each product and region with its total, and reads a chosen option back', () => {
    const view = buildDailySpendView({ ...READY, model: buildDailySpendModel(DATA, { product: 'product:Droplets' }) }, 'en');
    assert.deepStrictEqual(view.products, [
      { value: 'all', label: 'All products', selected: false },
      { value: 'k:product:Kubernetes', label: 'Kubernetes ($50.00)', selected: false },
      { value: 'k:product:Droplets', label: 'Droplets ($20.00)', selected: true },
    ]);
    assert.deepStrictEqual(view.regions.map((option) => [option.label, option.selected]), [['All regions', true], ['nyc3 ($70.00)', false]]);
    assert.strictEqual(optionKey('k:product:Droplets'), 'product:Droplets');
    assert.strictEqual(optionKey('k:'), '', 'the region of charges without one');
    assert.strictEqual(optionKey('all'), undefined);
    assert.strictEqual(optionKey(undefined), undefined);
  });

  it('breaks the chosen day down with shares, and marks it in the chart and the table', () => {
    const view = buildDailySpendView({ ...READY, model: buildDailySpendModel(DATA, {}, '2026-11-02') }, 'en');
    const breakdown = view.chart!.breakdown!;
    assert.strictEqual(breakdown.heading, 'Monday, November 2, 2026: $30.00');
    assert.deepStrictEqual(breakdown.products, [{ label: 'Kubernetes', amount: '$20.00', share: '66.7%' }, { label: 'Droplets', amount: '$10.00', share: '33.3%' }]);
    assert.deepStrictEqual(breakdown.resources.map((row) => [row.label, row.amount]), [['3 nodes', '$20.00'], ['web-01', '$10.00']]);
    assert.deepStrictEqual(view.chart!.days.map((day) => day.selected), [false, true, false]);
    const missing = buildDailySpendView({ ...READY, model: buildDailySpendModel(DATA, {}, '2026-11-03') }, 'en').chart!.breakdown!;
    assert.strictEqual(missing.note, 'The figures of this day did not load; they are unknown, not zero.');
  });

  it('says that DigitalOcean has no daily data before December 2025', () => {
    const model = buildDailySpendModel({ range: { start: '2025-11-29', end: '2025-12-01' }, dataPoints: [point('2025-12-01', '1.00')], missingDays: [], beforeData: { start: '2025-11-29', end: '2025-11-30' } }, {}, '2025-11-30');
    const chart = buildDailySpendView({ ...READY, range: model.range, model }, 'en').chart!;
    assert.strictEqual(chart.beforeData, 'DigitalOcean has no daily data before Dec 1, 2025: Nov 29, 2025 to Nov 30, 2025 show none.');
    assert.deepStrictEqual(chart.days.map((day) => day.total), ['No daily data', 'No daily data', '$1.00']);
    assert.strictEqual(chart.breakdown?.note, 'DigitalOcean has no daily data for this day: its daily figures start on Dec 1, 2025.');
    assert.strictEqual(chart.empty, undefined);
    const none = buildDailySpendView({ ...READY, model: buildDailySpendModel({ ...DATA, dataPoints: [], missingDays: [] }) }, 'en');
    assert.strictEqual(none.chart?.empty, 'No charges in this range.');
  });

  it('says exactly what to do about an error, with the buttons for it', () => {
    const scope = buildDailySpendView({ choice: 'last30', range: RANGE, hasToken: true, error: shownError(missingAccountScope(new ApiError('forbidden', 'Forbidden', { status: 403 }))) }, 'en');
    assert.match(scope.status!.message, /lacks the account:read scope.*Add account:read to the token's scopes in the DigitalOcean control panel \(API → Tokens\)/);
    assert.deepStrictEqual(scope.status!.actions.map((action) => action.command), ['setToken', 'retry']);
    assert.strictEqual(scope.chart, undefined);
    const personal = buildDailySpendView({ choice: 'last30', range: RANGE, hasToken: true, error: shownError(noTeam()) }, 'en');
    assert.match(personal.status!.message, /a personal context/);
    assert.deepStrictEqual(personal.status!.actions.map((action) => action.command), ['switchAccount', 'setToken']);
    const server = buildDailySpendView({ ...READY, error: { kind: 'server', message: 'The DigitalOcean API had a problem (500).' } }, 'en');
    assert.strictEqual(server.status!.message, 'Could not refresh the daily spend: The DigitalOcean API had a problem (500).');
    assert.ok(server.chart, 'what was shown stays');
    const noToken = buildDailySpendView({ choice: 'last30', range: RANGE, hasToken: false }, 'en');
    assert.deepStrictEqual([noToken.status!.message, noToken.status!.actions[0].command], ['Set a DigitalOcean API token first.', 'setToken']);
  });

  it('shows the loading progress, and on the 1st of a month that no day of it has ended', () => {
    const loading = buildDailySpendView({ choice: 'last90', range: RANGE, hasToken: true, loading: { progress: { windows: 3, loadedWindows: 1, failedWindows: 0, loadedPages: 5, knownPages: 12 } } }, 'en');
    assert.deepStrictEqual(loading.status, { kind: 'loading', message: 'Loading the daily spend… 5 of 12 pages', actions: [] });
    const starting = buildDailySpendView({ choice: 'last90', range: RANGE, hasToken: true, loading: {} }, 'en');
    assert.strictEqual(starting.status!.message, 'Loading the daily spend…');
    const firstOfMonth = buildDailySpendView({ choice: 'thisMonth', hasToken: true }, 'en');
    assert.strictEqual(firstOfMonth.heading, 'This month');
    assert.match(firstOfMonth.status!.message, /^No day of this month has ended yet/);
    assert.strictEqual(firstOfMonth.chart, undefined);
  });

  it('says when the figures were fetched, and whether they come from the cache', () => {
    const fetchedAt = Date.UTC(2026, 11, 3, 9, 30);
    const cached = buildDailySpendView({ ...READY, fetchedAt, cached: true }, 'en');
    assert.match(cached.notes[0], /^Fetched .*2026.* \(cached, not refreshed yet\)$/);
    assert.match(cached.notes[1], /night after/);
    assert.match(buildDailySpendView({ ...READY, fetchedAt, problems: ['The API sent 2 data points for days outside …'] }, 'en').notes.at(-1)!, /data points for days outside/);
  });

  it('speaks German with German money and dates', () => {
    l10n.setBundle(JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.de.json'), 'utf8')));
    try {
      const view = buildDailySpendView(READY, 'de');
      assert.strictEqual(view.heading, 'Letzte 7 Tage: 01.11.2026 bis 03.11.2026');
      assert.strictEqual(view.chart!.summary, 'Summe 70,00\u00a0$ in den 2 von 3 Tagen mit Zahlen');
      assert.strictEqual(view.chart!.days[0].total, '40,00\u00a0$');
    } finally {
      l10n.setBundle(undefined);
    }
  });
});

describe('Daily Spend page', () => {
  it('is a strict-CSP page: its script by nonce only, no inline script, style or handler', () => {
    const page = renderDailySpendPage({
      scriptUri: 'https://webview.source/media/webview/dailySpend.js', styleUri: 'https://webview.source/media/dailySpend.css', sharedStyleUri: 'https://webview.source/media/chartPanel.css',
    });
    const html = panelDocument({ ...page, locale: 'en', cspSource: 'https://webview.source', nonce: 'NONCE42' });
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src https:\/\/webview\.source; script-src 'nonce-NONCE42';">/);
    assert.deepStrictEqual(html.match(/<script[^>]*>/g), ['<script nonce="NONCE42" src="https://webview.source/media/webview/dailySpend.js">']);
    assert.ok(!/\sstyle=|<style|\son[a-z]+=/i.test(html), 'no inline style or event handler');
    assert.deepStrictEqual(html.match(/<link rel="stylesheet" href="[^"]+">/g), [
      '<link rel="stylesheet" href="https://webview.source/media/chartPanel.css">', '<link rel="stylesheet" href="https://webview.source/media/dailySpend.css">',
    ]);
    assert.match(html, /<canvas id="chart" role="img"><\/canvas>/);
    assert.match(html, /<table id="days">/);
    assert.match(html, /<title>DigitalOcean Daily Spend<\/title>/);
  });

  it('stacks a dataset per product, the largest first (at the bottom), and shades the days without figures', () => {
    const view = buildDailySpendView({ ...READY, model: buildDailySpendModel(DATA, {}, '2026-11-01') }, 'en').chart!;
    const config = dailyChartConfig(view, COLORS);
    assert.deepStrictEqual(config.data.datasets.map((dataset) => [dataset.label, dataset.data, dataset.backgroundColor, dataset.stack]), [
      ['Kubernetes', [30, 20, null], 'blue', 'spend'], ['Droplets', [10, 10, null], 'orange', 'spend'],
    ]);
    assert.deepStrictEqual(config.data.labels, ['Nov 1', 'Nov 2', 'Nov 3']);
    const scales = config.options!.scales as Record<string, { stacked?: boolean; min?: number; max?: number }>;
    assert.deepStrictEqual([scales.x.stacked, scales.y.stacked, scales.y.min, scales.y.max], [true, true, 0, 40]);
    assert.strictEqual(config.plugins?.[0].id, 'dailyMarks');
  });

  it('colours the products with the theme\'s hues, lighter on each round', () => {
    const hues = ['rgb(55, 148, 255)', 'rgb(209, 134, 22)'];
    assert.deepStrictEqual([0, 1, 2, 3, 4, 6].map((index) => seriesColor(hues, index)), [
      'rgba(55, 148, 255, 1)', 'rgba(209, 134, 22, 1)', 'rgba(55, 148, 255, 0.6)', 'rgba(209, 134, 22, 0.6)', 'rgba(55, 148, 255, 0.35)', 'rgba(55, 148, 255, 1)',
    ]);
    assert.strictEqual(seriesColor(['#3794ff'], 0), '#3794ff', 'a colour it cannot read stays as it is');
  });
});
