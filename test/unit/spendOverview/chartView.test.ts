import * as assert from 'assert';
import { renderChartPage } from '../../../src/spendOverview/chartHtml';
import { buildChartModel } from '../../../src/spendOverview/chartModel';
import { buildChartView, tickLabels } from '../../../src/spendOverview/chartView';
import { linearScale, logarithmicScale } from '../../../src/spendOverview/chartScale';
import { parseSpendOverviewState } from '../../../src/spendOverview/overviewState';
import { ChartColors, chartConfig } from '../../../src/spendOverview/webview/chartConfig';
import { panelDocument } from '../../../src/webview/panelDocument';
import { INVOICES, months, PREVIEW, PROJECTION, SANDBOX } from './chartFixtures';

const COLORS: ChartColors = {
  actual: 'blue', current: 'green', projection: 'orange', budget: 'red', text: 'grey', grid: 'silver', background: 'white', fontFamily: 'sans', fontSize: 13,
};

describe('spend chart view', () => {
  it('formats every figure exactly, and describes the chart with its axis', () => {
    const view = buildChartView(buildChartModel(INVOICES, PREVIEW, PROJECTION, 12000n, { allMonths: false, logarithmic: false }), 'en');
    assert.strictEqual(view.bars.length, 12);
    assert.deepStrictEqual(view.bars[11], {
      invoiceUuid: 'preview-uuid', month: 'November 2026', shortMonth: 'Nov 26', value: 80, amount: '$80.00', capped: false, inProgress: true,
      projection: 100, projected: '$100.00', label: 'November 2026: $80.00 so far, projected $100.00 (month in progress)',
      details: ['$80.00 so far', 'Projected month end: $100.00'],
    });
    assert.strictEqual(view.bars[10].label, 'October 2026: $100.25');
    assert.deepStrictEqual(view.axis, {
      logarithmic: false, min: 0, max: 150,
      ticks: [{ value: 0, label: '$0' }, { value: 50, label: '$50' }, { value: 100, label: '$100' }, { value: 150, label: '$150' }],
    });
    assert.deepStrictEqual(view.budget, { value: 120, label: 'Budget $120.00' });
    assert.strictEqual(view.description, 'Bar chart of the monthly spend from December 2025 to November 2026; value axis from $0 to $150.');
    assert.strictEqual(view.monthsNote, '9 older months are loaded but not drawn.');
    assert.deepStrictEqual(view.monthsCommand, { command: 'showAllMonths', label: 'Show all 21 loaded months' });
    assert.strictEqual(view.cappedNote, undefined);
  });

  it('offers the way back to 12 months once all are shown', () => {
    const view = buildChartView(buildChartModel(months(40, () => '30.00'), PREVIEW, PROJECTION, 0n, { allMonths: true, logarithmic: false }), 'en');
    assert.strictEqual(view.bars.length, 41);
    assert.deepStrictEqual(view.monthsCommand, { command: 'showRecentMonths', label: 'Show the last 12 months' });
    assert.strictEqual(view.monthsNote, undefined);
    const few = buildChartView(buildChartModel(months(3, () => '30.00'), undefined, undefined, 0n, { allMonths: true, logarithmic: false }), 'en');
    assert.strictEqual(few.monthsCommand, undefined, 'nothing to switch with 3 months');
  });

  it('names a capped month with its amount, and labels large axes compactly', () => {
    const view = buildChartView(buildChartModel(SANDBOX, PREVIEW, PROJECTION, 0n, { allMonths: false, logarithmic: false }), 'en');
    const capped = view.bars.filter((bar) => bar.capped);
    assert.deepStrictEqual(capped.map((bar) => bar.amount), ['$202,169.83']);
    assert.strictEqual(view.cappedNote, 'Above the axis, cut off: October 2026 ($202,169.83). The logarithmic scale shows every month in full.');
    assert.deepStrictEqual(tickLabels(linearScale(20216983n), 'en'), ['$0', '$50K', '$100K', '$150K', '$200K', '$250K']);
    assert.deepStrictEqual(tickLabels(logarithmicScale([50n, 3000n])!, 'en'), ['$0.10', '$1.00', '$10.00', '$100.00']);
    assert.deepStrictEqual(tickLabels(linearScale(11025n), 'de'), ['0\u00a0$', '50\u00a0$', '100\u00a0$', '150\u00a0$']);
    const log = buildChartView(buildChartModel(SANDBOX, PREVIEW, PROJECTION, 0n, { allMonths: false, logarithmic: true }), 'en');
    assert.ok(log.logarithmic && log.axis.logarithmic);
    assert.match(log.description, /; logarithmic value axis from \$10 to \$1M\.$/);
  });

  it('says so when nothing is loaded', () => {
    const view = buildChartView(buildChartModel([], undefined, undefined, 0n, { allMonths: false, logarithmic: false }), 'en');
    assert.strictEqual(view.empty, 'No invoices loaded yet.');
    assert.deepStrictEqual(view.bars, []);
  });
});

describe('spend chart configuration (Chart.js)', () => {
  it('draws the axis the extension chose, capped bars at its top, and the projection behind the bar', () => {
    const view = buildChartView(buildChartModel(SANDBOX, PREVIEW, PROJECTION, 4000n, { allMonths: false, logarithmic: false }), 'en');
    const config = chartConfig(view, COLORS);
    const [actual, projection] = config.data.datasets;
    assert.strictEqual(actual.data.length, 12);
    assert.ok(actual.data.every((value) => value !== null && value <= view.axis.max), 'no bar beyond the axis');
    assert.strictEqual(Math.max(...actual.data.map(Number)), 100, 'the outlier reaches the top');
    assert.deepStrictEqual(projection.data.filter((value) => value !== null), [100]);
    assert.deepStrictEqual((actual.backgroundColor as string[]).slice(-2), ['blue', 'green'], 'the month in progress in its own colour');
    const y = config.options?.scales?.y as { type: string; min: number; max: number; ticks: { callback: (value: number) => string } };
    assert.deepStrictEqual([y.type, y.min, y.max], ['linear', 0, 100]);
    assert.strictEqual(y.ticks.callback(60), '$60');
    const x = config.options?.scales?.x as { ticks: { autoSkip: boolean; maxRotation: number } };
    assert.deepStrictEqual([x.ticks.autoSkip, x.ticks.maxRotation], [true, 0], 'month labels thin out instead of overlapping');
    assert.strictEqual(config.options?.animation, false);
    const log = chartConfig(buildChartView(buildChartModel(SANDBOX, PREVIEW, PROJECTION, 0n, { allMonths: false, logarithmic: true }), 'en'), COLORS);
    assert.strictEqual((log.options?.scales?.y as { type: string }).type, 'logarithmic');
  });
});

describe('spend overview page', () => {
  const documentOf = () => panelDocument({
    ...renderChartPage({ scriptUri: 'https://webview.source/media/webview/spendChart.js', styleUri: 'https://webview.source/media/spendChart.css', sharedStyleUri: 'https://webview.source/media/chartPanel.css' }),
    locale: 'en', nonce: 'NONCE123', cspSource: 'https://webview.source',
  });

  it('has a strict CSP, one nonce’d script from the extension, and nothing remote or inline', () => {
    const html = documentOf();
    assert.match(html, /content="default-src 'none'; style-src https:\/\/webview\.source; script-src 'nonce-NONCE123';"/);
    assert.ok(!/unsafe-(eval|inline)/.test(html));
    assert.deepStrictEqual(html.match(/<script[^>]*>/g), ['<script nonce="NONCE123" src="https://webview.source/media/webview/spendChart.js">']);
    const urls = html.match(/https?:\/\/[^\s"')<]+/g) ?? [];
    assert.ok(urls.length >= 2 && urls.every((url) => url.startsWith('https://webview.source')), urls.join());
    assert.ok(!/\sstyle=/.test(html), 'no inline styles');
    assert.ok(!/<style/.test(html), 'no style element');
    assert.ok(!/\son[a-z]+=/i.test(html), 'no inline event handlers');
  });

  it('shows a loading state first, and keeps the table for keyboard and screen readers', () => {
    const html = documentOf();
    assert.match(html, /<p id="loading" class="loading" role="status">Loading the spend overview…<\/p>/);
    assert.match(html, /<canvas id="chart" role="img"><\/canvas>/);
    assert.match(html, /<caption>Monthly totals<\/caption>/);
    assert.match(html, /<button type="button" id="scale" data-command="toggleLogScale" aria-pressed="false">Logarithmic scale<\/button>/);
  });

  it('restores only what it saved, and starts at 12 months on a linear axis otherwise', () => {
    assert.deepStrictEqual(parseSpendOverviewState({ allMonths: true, logarithmic: true }), { allMonths: true, logarithmic: true });
    assert.deepStrictEqual(parseSpendOverviewState({ allMonths: 'yes', logarithmic: 1 }), { allMonths: false, logarithmic: false });
    assert.deepStrictEqual(parseSpendOverviewState(undefined), { allMonths: false, logarithmic: false });
    assert.deepStrictEqual(parseSpendOverviewState('garbage'), { allMonths: false, logarithmic: false });
  });
});
