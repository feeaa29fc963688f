import * as assert from 'assert';
import { buildChartModel, ChartOptions, RECENT_MONTHS } from '../../../src/spendOverview/chartModel';
import { linearScale, logarithmicScale, outlierCap } from '../../../src/spendOverview/chartScale';
import { INVOICES, months, PREVIEW, PROJECTION, SANDBOX, invoice } from './chartFixtures';

const RECENT: ChartOptions = { allMonths: false, logarithmic: false };
const ALL: ChartOptions = { allMonths: true, logarithmic: false };

describe('spend chart model', () => {
  it('draws the last 12 months oldest first, with the month in progress and its projection', () => {
    const model = buildChartModel(INVOICES, PREVIEW, PROJECTION, 0n, RECENT);
    assert.strictEqual(model.bars.length, RECENT_MONTHS);
    assert.strictEqual(model.bars[11].period, '2026-11');
    assert.strictEqual(model.bars[11].inProgress, true);
    assert.strictEqual(model.bars[11].projectedCents, 10000n);
    assert.strictEqual(model.bars[10].period, '2026-10');
    assert.strictEqual(model.bars[0].period, '2025-12');
    assert.strictEqual(model.hiddenMonths, 9);
    assert.strictEqual(model.loadedMonths, 21);
    // The tallest bar is 2025-12's $110.25: a linear axis in $50 steps to $150.
    assert.deepStrictEqual(model.scale, { kind: 'linear', minCents: 0n, maxCents: 15000n, ticks: [0n, 5000n, 10000n, 15000n] });
    assert.ok(model.bars.every((bar) => !bar.capped));
  });

  it('draws every loaded month when asked (21 and 41), and the budget is on the axis', () => {
    const model = buildChartModel(INVOICES, PREVIEW, PROJECTION, 50000n, ALL);
    assert.strictEqual(model.bars.length, 21);
    assert.strictEqual(model.hiddenMonths, 0);
    assert.strictEqual(model.scale.maxCents, 50000n);
    const many = buildChartModel(months(40, () => '30.00'), PREVIEW, PROJECTION, 0n, ALL);
    assert.strictEqual(many.bars.length, 41);
    assert.strictEqual(buildChartModel(months(40, () => '30.00'), PREVIEW, PROJECTION, 0n, RECENT).hiddenMonths, 29);
  });

  it('caps an outlier month so the others keep their height, and keeps the budget line visible', () => {
    const model = buildChartModel(SANDBOX, PREVIEW, PROJECTION, 4000n, RECENT);
    const outlier = model.bars.find((bar) => bar.cents === 20216983n);
    assert.ok(outlier?.capped, 'the outlier is capped');
    assert.strictEqual(model.bars.filter((bar) => bar.capped).length, 1);
    // The rest reach $100 (the projection), the budget $40: the axis ends at $100, not $202,169.83.
    assert.deepStrictEqual(model.scale.ticks, [0n, 2000n, 4000n, 6000n, 8000n, 10000n]);
    assert.ok(model.scale.maxCents >= model.budgetCents);
    // A budget above the others but below the outlier sets the top.
    assert.strictEqual(buildChartModel(SANDBOX, PREVIEW, PROJECTION, 75000n, RECENT).scale.maxCents, 80000n);
    // Without the outlier among the months drawn, nothing is capped.
    assert.ok(buildChartModel(months(20, () => '30.00'), PREVIEW, PROJECTION, 0n, RECENT).bars.every((bar) => !bar.capped));
  });

  it('uses a logarithmic axis when asked, and nothing is capped then', () => {
    const model = buildChartModel(SANDBOX, PREVIEW, PROJECTION, 0n, { allMonths: false, logarithmic: true });
    assert.strictEqual(model.scale.kind, 'logarithmic');
    assert.deepStrictEqual(model.scale.ticks, [1000n, 10000n, 100000n, 1000000n, 10000000n, 100000000n]);
    assert.ok(model.bars.every((bar) => !bar.capped));
    const nothing = buildChartModel([invoice('2026-01', '0.00')], undefined, undefined, 0n, { allMonths: false, logarithmic: true });
    assert.strictEqual(nothing.scale.kind, 'linear', 'no positive month: linear');
  });

  it('leaves out malformed amounts and periods, and draws an empty list as nothing', () => {
    const model = buildChartModel([invoice('2026-01', 'abc'), invoice('January', '1.00'), invoice('2026-02', '2.00')], undefined, undefined, 0n, RECENT);
    assert.deepStrictEqual(model.bars.map((bar) => bar.period), ['2026-02']);
    const empty = buildChartModel([], undefined, undefined, 0n, RECENT);
    assert.deepStrictEqual(empty.bars, []);
    assert.deepStrictEqual(empty.scale.ticks, [0n, 20n, 40n, 60n, 80n, 100n]);
  });
});

describe('spend chart value axis', () => {
  it('finds an outlier only when it stands far above the median, and few of them', () => {
    assert.strictEqual(outlierCap([3000n, 3100n, 2900n, 20216983n]), 3100n);
    assert.strictEqual(outlierCap([3000n, 3100n, 29000n]), undefined, 'under ten times the median');
    assert.strictEqual(outlierCap([100n, 100n, 5000n, 5000n]), undefined, 'half the months are no outliers');
    assert.strictEqual(outlierCap([0n, 0n, 0n, 1000n]), undefined, 'one positive month');
    assert.strictEqual(outlierCap([100n, 20216983n]), undefined, 'too few months to tell');
  });

  it('steps a linear axis in round amounts, below zero for a credit', () => {
    assert.deepStrictEqual(linearScale(11025n).ticks, [0n, 5000n, 10000n, 15000n]);
    assert.deepStrictEqual(linearScale(20216983n).ticks, [0n, 5000000n, 10000000n, 15000000n, 20000000n, 25000000n]);
    assert.deepStrictEqual(linearScale(3n).ticks, [0n, 1n, 2n, 3n]);
    assert.deepStrictEqual(linearScale(10000n, -2500n).ticks, [-5000n, 0n, 5000n, 10000n]);
  });

  it('spans a logarithmic axis over whole powers of ten', () => {
    assert.deepStrictEqual(logarithmicScale([3000n, 20216983n])?.ticks, [1000n, 10000n, 100000n, 1000000n, 10000000n, 100000000n]);
    assert.deepStrictEqual(logarithmicScale([1000n])?.ticks, [1000n, 10000n]);
    assert.strictEqual(logarithmicScale([0n, -5n]), undefined);
  });
});
