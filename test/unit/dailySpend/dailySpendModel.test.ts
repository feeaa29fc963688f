import * as assert from 'assert';
import { buildDailySpendModel, dayRuns } from '../../../src/dailySpend/dailySpendModel';
import { sliceToRange } from '../../../src/insights/spend';
import { parseDailySpendState, rangeHolding, rangeOf } from '../../../src/dailySpend/dailySpendState';
import { InsightsData } from '../../../src/insights/spend';
import { point } from '../insightsPoints';

const NOV = { start: '2026-11-01', end: '2026-11-04' };

/** Four days: Droplets in two regions, Kubernetes, a SKU of an unknown family, and a day that did not load. */
const DATA: InsightsData = {
  range: NOV,
  dataPoints: [
    point('2026-11-01', '0.80', '1-DO-DROP-0109', { description: 'web-01', region: 'nyc3' }),
    point('2026-11-01', '0.40', '1-DO-DROP-0113', { description: 'api-01', region: 'fra1' }),
    point('2026-11-01', '2.40', '1-KS-K8SWN-00109', { description: '3 nodes', groupDescription: 'prod-cluster' }),
    point('2026-11-02', '0.80', '1-DO-DROP-0109', { description: 'web-01', region: 'nyc3' }),
    point('2026-11-02', '0.40', '1-DO-DROP-0113', { description: 'api-01', region: 'fra1' }),
    point('2026-11-02', '2.40', '1-KS-K8SWN-00109', { description: '3 nodes', groupDescription: 'prod-cluster' }),
    point('2026-11-02', '1.50', '1-DO-GENAI-0001', { description: 'support-bot', region: 'tor1' }),
    point('2026-11-04', '0.80', '1-DO-DROP-0109', { description: 'web-01', region: 'nyc3' }),
  ],
  missingDays: ['2026-11-03'],
};

describe('Daily Spend ranges and state', () => {
  it('ends every range yesterday, the last day with figures', () => {
    assert.deepStrictEqual(rangeOf('last7', '2026-12-03'), { start: '2026-11-26', end: '2026-12-02' });
    assert.deepStrictEqual(rangeOf('last30', '2026-12-03'), { start: '2026-11-03', end: '2026-12-02' });
    assert.deepStrictEqual(rangeOf('last90', '2026-12-03'), { start: '2026-09-04', end: '2026-12-02' });
    assert.deepStrictEqual(rangeOf('last7', '2028-03-02'), { start: '2028-02-24', end: '2028-03-01' }, 'across a leap day');
  });

  it('takes "this month" from the 1st to yesterday, and has no day on the 1st itself', () => {
    assert.deepStrictEqual(rangeOf('thisMonth', '2026-12-03'), { start: '2026-12-01', end: '2026-12-02' });
    assert.deepStrictEqual(rangeOf('thisMonth', '2026-12-02'), { start: '2026-12-01', end: '2026-12-01' });
    assert.strictEqual(rangeOf('thisMonth', '2026-12-01'), undefined);
    assert.strictEqual(rangeOf('thisMonth', '2027-01-01'), undefined, 'at the start of a year too');
    assert.deepStrictEqual(rangeOf('thisMonth', '2026-03-31'), { start: '2026-03-01', end: '2026-03-30' });
  });

  it('opens a day in the shortest range that holds it', () => {
    assert.strictEqual(rangeHolding('2026-12-02', '2026-12-03'), 'last7');
    assert.strictEqual(rangeHolding('2026-11-26', '2026-12-03'), 'last7');
    assert.strictEqual(rangeHolding('2026-11-25', '2026-12-03'), 'last30');
    assert.strictEqual(rangeHolding('2026-11-02', '2026-12-03'), 'last90');
    assert.strictEqual(rangeHolding('2026-09-03', '2026-12-03'), undefined, 'older than 90 days');
    assert.strictEqual(rangeHolding('2026-12-03', '2026-12-03'), undefined, 'today has no figures yet');
  });

  it('restores a saved state as far as it reads, and the default range otherwise', () => {
    assert.deepStrictEqual(parseDailySpendState({ range: 'last90', product: 'product:Droplets', region: '', day: '2026-11-02' }),
      { range: 'last90', product: 'product:Droplets', region: '', day: '2026-11-02' });
    assert.deepStrictEqual(parseDailySpendState({ range: 'last365', product: 3, region: null, day: '2026-02-30' }), { range: 'last30' });
    assert.deepStrictEqual(parseDailySpendState(undefined), { range: 'last30' });
    assert.deepStrictEqual(parseDailySpendState('thisMonth'), { range: 'last30' });
    assert.deepStrictEqual(parseDailySpendState({ range: 'thisMonth', product: 'x'.repeat(201) }), { range: 'thisMonth' });
  });
});

describe('Daily Spend model', () => {
  it('stacks each day by product, the largest product of the range at the bottom', () => {
    const model = buildDailySpendModel(DATA);
    assert.deepStrictEqual(model.products.map((product) => [product.key, product.cents]), [
      ['product:Kubernetes', 480n], ['product:Droplets', 320n], ['sku:1-DO-GENAI-0001', 150n],
    ]);
    assert.deepStrictEqual(model.days.map((day) => [day.day, day.state, day.cents, Object.fromEntries(day.byProduct)]), [
      ['2026-11-01', 'known', 360n, { 'product:Droplets': 120n, 'product:Kubernetes': 240n }],
      ['2026-11-02', 'known', 510n, { 'product:Droplets': 120n, 'product:Kubernetes': 240n, 'sku:1-DO-GENAI-0001': 150n }],
      ['2026-11-03', 'missing', 0n, {}],
      ['2026-11-04', 'known', 80n, { 'product:Droplets': 80n }],
    ]);
    assert.strictEqual(model.cents, 950n);
    assert.deepStrictEqual(model.missing, [{ start: '2026-11-03', end: '2026-11-03' }]);
  });

  it('lists the top resources of the range with their group and product', () => {
    const model = buildDailySpendModel(DATA);
    assert.deepStrictEqual(model.topResources.map((resource) => [resource.label, resource.detail, resource.products, resource.cents]), [
      ['3 nodes', 'prod-cluster', ['Kubernetes'], 480n],
      ['web-01', '', ['Droplets'], 240n],
      ['support-bot', '', ['1-DO-GENAI-0001'], 150n],
      ['api-01', '', ['Droplets'], 80n],
    ]);
    assert.strictEqual(model.moreResources, 0);
    const many = buildDailySpendModel({ ...DATA, dataPoints: Array.from({ length: 14 }, (_, index) => point('2026-11-01', `${index + 1}.00`, '1-DO-DROP-0109', { description: `d-${index}` })) });
    assert.strictEqual(many.topResources.length, 10);
    assert.strictEqual(many.topResources[0].label, 'd-13');
    assert.strictEqual(many.moreResources, 4);
  });

  it('filters by product and by region, and offers every product and region of the range', () => {
    const droplets = buildDailySpendModel(DATA, { product: 'product:Droplets' });
    assert.deepStrictEqual(droplets.products.map((product) => product.key), ['product:Droplets']);
    assert.deepStrictEqual(droplets.days.map((day) => day.cents), [120n, 120n, 0n, 80n]);
    assert.strictEqual(droplets.cents, 320n);
    assert.deepStrictEqual(droplets.productOptions.map((option) => option.label), ['Kubernetes', 'Droplets', '1-DO-GENAI-0001']);

    const fra1 = buildDailySpendModel(DATA, { region: 'fra1' });
    assert.deepStrictEqual(fra1.days.map((day) => day.cents), [40n, 40n, 0n, 0n]);
    assert.deepStrictEqual(fra1.topResources.map((resource) => resource.label), ['api-01']);
    assert.deepStrictEqual(fra1.regionOptions.map((option) => [option.key, option.cents]), [['nyc3', 720n], ['tor1', 150n], ['fra1', 80n]]);

    const both = buildDailySpendModel(DATA, { product: 'product:Droplets', region: 'nyc3' });
    assert.strictEqual(both.cents, 240n);
  });

  it('keeps a chosen filter the range has nothing for among the options, at zero', () => {
    const model = buildDailySpendModel(DATA, { product: 'product:Volumes', region: '' });
    assert.strictEqual(model.cents, 0n);
    assert.strictEqual(model.points, 0);
    assert.deepStrictEqual(model.productOptions.at(-1), { key: 'product:Volumes', label: 'Volumes', detail: '', cents: 0n, count: 0, unreadable: 0 });
    assert.deepStrictEqual(model.regionOptions.at(-1)?.label, '(no region)');
  });

  it('breaks a chosen day down by product and by resource, within the filter', () => {
    const model = buildDailySpendModel(DATA, {}, '2026-11-02');
    assert.deepStrictEqual(model.breakdown?.products.map((product) => [product.label, product.cents]), [
      ['Kubernetes', 240n], ['1-DO-GENAI-0001', 150n], ['Droplets', 120n],
    ]);
    assert.deepStrictEqual(model.breakdown?.resources.map((resource) => [resource.label, resource.cents]), [
      ['3 nodes', 240n], ['support-bot', 150n], ['web-01', 80n], ['api-01', 40n],
    ]);
    assert.strictEqual(model.breakdown?.cents, 510n);
    const filtered = buildDailySpendModel(DATA, { region: 'nyc3' }, '2026-11-02');
    assert.deepStrictEqual(filtered.breakdown?.resources.map((resource) => resource.label), ['3 nodes', 'web-01']);
    const missing = buildDailySpendModel(DATA, {}, '2026-11-03');
    assert.deepStrictEqual([missing.breakdown?.state, missing.breakdown?.products], ['missing', []]);
    assert.strictEqual(buildDailySpendModel(DATA, {}, '2026-10-31').breakdown, undefined, 'a day outside the range has none');
  });

  it('marks the days before DigitalOcean\'s daily data as having none', () => {
    const model = buildDailySpendModel({
      range: { start: '2025-11-28', end: '2025-12-02' },
      dataPoints: [point('2025-12-01', '1.00'), point('2025-12-02', '1.00')],
      missingDays: [],
      beforeData: { start: '2025-11-28', end: '2025-11-30' },
    }, {}, '2025-11-29');
    assert.deepStrictEqual(model.days.map((day) => day.state), ['noData', 'noData', 'noData', 'known', 'known']);
    assert.deepStrictEqual(model.beforeData, { start: '2025-11-28', end: '2025-11-30' });
    assert.strictEqual(model.breakdown?.state, 'noData');
    assert.strictEqual(model.cents, 200n);
  });

  it('cuts the recent days to a shorter range; days it does not cover count as missing', () => {
    const recent: InsightsData = { ...DATA, range: { start: '2026-11-01', end: '2026-11-04' }, beforeData: { start: '2026-10-30', end: '2026-10-31' } };
    const sliced = sliceToRange(recent, { start: '2026-11-02', end: '2026-11-03' });
    assert.deepStrictEqual(sliced.range, { start: '2026-11-02', end: '2026-11-03' });
    assert.deepStrictEqual([...new Set(sliced.dataPoints.map((one) => one.day))], ['2026-11-02']);
    assert.deepStrictEqual(sliced.missingDays, ['2026-11-03']);
    assert.strictEqual(sliced.beforeData, undefined);
    const wider = sliceToRange(recent, { start: '2026-10-29', end: '2026-11-05' });
    assert.deepStrictEqual(wider.beforeData, { start: '2026-10-30', end: '2026-10-31' });
    assert.deepStrictEqual(wider.missingDays, ['2026-10-29', '2026-11-03', '2026-11-05']);
  });

  it('names consecutive missing days as runs', () => {
    assert.deepStrictEqual(dayRuns(['2026-11-05', '2026-10-31', '2026-11-01', '2026-11-02', '2026-11-02']), [
      { start: '2026-10-31', end: '2026-11-02' }, { start: '2026-11-05', end: '2026-11-05' },
    ]);
    assert.deepStrictEqual(dayRuns([]), []);
  });
});
