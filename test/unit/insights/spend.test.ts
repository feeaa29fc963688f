import * as assert from 'assert';
import { dailySpend, groupSpend } from '../../../src/insights/spend';
import { point } from '../insightsPoints';

describe('daily spend', () => {
  const points = [
    point('2026-11-01', '0.10', '1-DO-DROP-0109', { description: 'web-01 (s-1vcpu-1gb)' }),
    point('2026-11-01', '0.20', '1-DO-DROP-0109', { description: 'web-02 (s-1vcpu-1gb)', region: 'fra1' }),
    point('2026-11-01', '2.57', '1-KS-K8SWN-00109', { description: '3 nodes', groupDescription: 'prod' }),
    point('2026-11-02', '0.10', '1-DO-DROP-0109', { description: 'web-01 (s-1vcpu-1gb)' }),
    point('2026-11-02', 'abc', '1-DO-DROP-0109', { description: 'web-02 (s-1vcpu-1gb)', region: 'fra1' }),
    point('2026-11-02', '2.57', '1-KS-K8SWN-00109', { description: '3 nodes', groupDescription: 'prod' }),
    point('2026-11-02', '1.00', '1-DO-GENAI-0001', { description: 'agent', region: '' }),
    point('2026-11-03', '-0.50', '1-DO-DROP-0109', { description: 'credit' }),
  ];

  it('groups by product with exact subtotals, largest first, an unknown family under its SKU', () => {
    const groups = groupSpend(points, 'product');
    assert.deepStrictEqual(groups.map((group) => [group.label, group.cents, group.count, group.unreadable]), [
      ['Kubernetes', 514n, 2, 0],
      ['1-DO-GENAI-0001', 100n, 1, 0],
      ['Droplets', -10n, 5, 1],
    ]);
  });

  it('sums exactly where floats would not (0.1 + 0.2)', () => {
    const many = Array.from({ length: 1000 }, (_, i) => point('2026-11-01', i % 2 ? '0.10' : '0.20'));
    assert.strictEqual(groupSpend(many, 'product')[0].cents, 15_000n);
    assert.strictEqual(groupSpend([point('2026-11-01', '12345678901234567890.12')], 'product')[0].cents, 1234567890123456789012n);
  });

  it('groups by region and by resource, with the group description beside a resource', () => {
    assert.deepStrictEqual(groupSpend(points, 'region').map((group) => [group.key, group.label, group.cents]), [
      ['nyc3', 'nyc3', 484n], ['', '(no region)', 100n], ['fra1', 'fra1', 20n],
    ]);
    const resources = groupSpend(points, 'resource');
    assert.deepStrictEqual(resources[0], { key: 'prod\u00003 nodes', label: '3 nodes', detail: 'prod', cents: 514n, count: 2, unreadable: 0 });
    assert.strictEqual(resources.length, 5);
  });

  it('filters by product, region and day', () => {
    const droplets = groupSpend(points, 'resource', { product: 'product:Droplets' });
    assert.deepStrictEqual(droplets.map((group) => group.label), ['credit', 'web-01 (s-1vcpu-1gb)', 'web-02 (s-1vcpu-1gb)']);
    assert.deepStrictEqual(groupSpend(points, 'product', { region: 'fra1' }).map((group) => [group.label, group.cents, group.unreadable]), [['Droplets', 20n, 1]]);
    assert.deepStrictEqual(groupSpend(points, 'product', { day: '2026-11-02' }).map((group) => group.cents), [257n, 100n, 10n]);
  });

  it('has every day of the range: known, missing (a failed window) or before the data starts', () => {
    const daily = dailySpend({
      range: { start: '2026-10-31', end: '2026-11-04' }, dataPoints: points, missingDays: ['2026-11-04'],
      beforeData: { start: '2026-10-31', end: '2026-10-31' },
    });
    assert.deepStrictEqual(daily.days.map((day) => [day.day, day.state, day.cents, day.unreadable]), [
      ['2026-10-31', 'noData', 0n, 0],
      ['2026-11-01', 'known', 287n, 0],
      ['2026-11-02', 'known', 367n, 1],
      ['2026-11-03', 'known', -50n, 0],
      ['2026-11-04', 'missing', 0n, 0],
    ]);
    assert.strictEqual(daily.cents, 604n);
    assert.strictEqual(daily.unreadable, 1);
    assert.deepStrictEqual([...daily.days[2].byProduct], [['product:Droplets', 10n], ['product:Kubernetes', 257n], ['sku:1-DO-GENAI-0001', 100n]]);
    assert.deepStrictEqual(daily.products.map((product) => product.key), ['product:Kubernetes', 'sku:1-DO-GENAI-0001', 'product:Droplets']);
  });

  it('keeps only what the filter lets through, per day', () => {
    const daily = dailySpend({ range: { start: '2026-11-01', end: '2026-11-02' }, dataPoints: points, missingDays: [] }, { product: 'product:Kubernetes' });
    assert.deepStrictEqual(daily.days.map((day) => day.cents), [257n, 257n]);
    assert.strictEqual(daily.cents, 514n);
  });
});
