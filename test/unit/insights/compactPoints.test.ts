import * as assert from 'assert';
import { compactPoints, expandPoints } from '../../../src/insights/compactPoints';

describe('compact daily points', () => {
  const points = [
    { day: '2026-11-01', amount: '1.20', region: 'nyc3', sku: '1-DO-DROP-0109', description: 'web-1', groupDescription: '', usageTeamUrn: 'do:team:1' },
    { day: '2026-11-01', amount: '0.10', region: 'fra1', sku: '1-DO-BW-0001', description: 'Bandwidth', groupDescription: 'x', usageTeamUrn: 'do:team:1' },
    { day: '2026-11-02', amount: '1.20', region: 'nyc3', sku: '1-DO-DROP-0109', description: 'web-1', groupDescription: '', usageTeamUrn: 'do:team:1' },
  ];

  it('keeps every point exactly, each resource and day once', () => {
    const compact = compactPoints(points);
    assert.strictEqual(compact.resources.length, 2);
    assert.deepStrictEqual(compact.days, ['2026-11-01', '2026-11-02']);
    assert.deepStrictEqual(expandPoints(JSON.parse(JSON.stringify(compact))), points);
  });

  it('reads nothing from a cache of another shape', () => {
    assert.strictEqual(expandPoints(undefined), undefined);
    assert.strictEqual(expandPoints({ resources: [], days: [], points: [[0, 0, '1.00']] }), undefined);
    assert.strictEqual(expandPoints(points), undefined);
  });
});
