import * as assert from 'assert';
import { budgetStatus, projectMonthEnd } from '../../../src/budget/budget';
import { dollarSettingToCents as budgetCents } from '../../../src/util/money';

const NOW = Date.UTC(2026, 10, 24);

describe('month-end projection and budget', () => {
  it('scales month-to-date by the elapsed share of the month, exactly in cents', () => {
    // 15 of 30 days of November elapsed: double.
    const projection = projectMonthEnd('10.01', '2026-11', '2026-11-16T00:00:00Z', NOW)!;
    assert.strictEqual(projection.actualCents, 1001n);
    assert.strictEqual(projection.projectedCents, 2002n);
    assert.strictEqual(projection.elapsedShare, 0.5);
  });

  it('rounds half up and never uses floats', () => {
    // 1/3 of a 30-day month: 0.01 * 3 = 0.03; 0.05 * 3 = 0.15.
    assert.strictEqual(projectMonthEnd('0.01', '2026-11', '2026-11-11T00:00:00Z', NOW)!.projectedCents, 3n);
    // 7 of 31 days of January: 1.00 * 31 / 7 = 4.428… → 4.43
    assert.strictEqual(projectMonthEnd('1.00', '2026-01', '2026-01-08T00:00:00Z', NOW)!.projectedCents, 443n);
    assert.strictEqual(projectMonthEnd('12345678901234567.89', '2026-11', '2026-11-16T00:00:00Z', NOW)!.projectedCents, 2469135780246913578n);
  });

  it('knows leap years and month lengths in UTC', () => {
    // February 2024 has 29 days: half is 14.5 days.
    assert.strictEqual(projectMonthEnd('14.50', '2024-02', '2024-02-15T12:00:00Z', NOW)!.projectedCents, 2900n);
    // February 2023 has 28.
    assert.strictEqual(projectMonthEnd('14.00', '2023-02', '2023-02-15T00:00:00Z', NOW)!.projectedCents, 2800n);
    // An offset timestamp is the same instant: 2026-11-16T00:00Z.
    assert.strictEqual(projectMonthEnd('10.00', '2026-11', '2026-11-15T19:00:00-05:00', NOW)!.projectedCents, 2000n);
  });

  it('handles month boundaries and missing timestamps', () => {
    // Updated exactly at the end of the month: the projection is the amount.
    assert.strictEqual(projectMonthEnd('50.00', '2026-10', '2026-11-01T00:00:00Z', NOW)!.projectedCents, 5000n);
    // Updated in the first minute: scaled from at least one hour, not from a second.
    const early = projectMonthEnd('0.10', '2026-11', '2026-11-01T00:00:01Z', NOW)!;
    assert.strictEqual(early.projectedCents, 7200n); // 0.10 × 720 hours
    // No updated_at: now is used.
    assert.ok(projectMonthEnd('10.00', '2026-11', undefined, Date.UTC(2026, 10, 16))!.projectedCents === 2000n);
  });

  it('gives up on malformed input', () => {
    assert.strictEqual(projectMonthEnd('abc', '2026-11', undefined, NOW), undefined);
    assert.strictEqual(projectMonthEnd('1.00', 'November', undefined, NOW), undefined);
  });

  it('reads the budget setting in dollars', () => {
    assert.strictEqual(budgetCents(100), 10000n);
    assert.strictEqual(budgetCents(99.99), 9999n);
    assert.strictEqual(budgetCents(0), 0n);
    assert.strictEqual(budgetCents(-5), 0n);
    assert.strictEqual(budgetCents('100'), 0n);
  });

  it('tells the budget level', () => {
    const at = (actual: bigint, projected: bigint) => ({ actualCents: actual, projectedCents: projected, elapsedShare: 0.5 });
    assert.strictEqual(budgetStatus(at(1000n, 2000n), 0n, 80).level, 'none');
    assert.deepStrictEqual(budgetStatus(at(1000n, 2000n), 10000n, 80), { level: 'ok', budgetCents: 10000n, percentUsed: 10, warn: false });
    assert.strictEqual(budgetStatus(at(8000n, 9000n), 10000n, 80).level, 'warning');
    assert.strictEqual(budgetStatus(at(8000n, 9000n), 10000n, 80).warn, true);
    assert.strictEqual(budgetStatus(at(7999n, 9000n), 10000n, 80).warn, false);
    assert.strictEqual(budgetStatus(at(6000n, 12000n), 10000n, 80).level, 'projectedOver');
    assert.strictEqual(budgetStatus(at(10001n, 20000n), 10000n, 80).level, 'over');
    assert.strictEqual(budgetStatus(at(10000n, 10000n), 10000n, 80).level, 'warning');
  });
});
