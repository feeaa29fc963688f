import * as assert from 'assert';
import { addDays, DAY_MS, daysFrom } from '../../../src/api/days';
import {
  bestForecast, changeAgainst, divideRounded, monthToDateFromDaily, runRateForecast, runRateFromDaily, spendOn, straightLine, trailingAverage, yearToDate,
} from '../../../src/insights/forecast';
import { dailySpend, DailySpend } from '../../../src/insights/spend';
import { projectMonthEnd } from '../../../src/budget/budget';
import { centsToDecimal } from '../../../src/util/money';
import { point } from '../insightsPoints';

/** One data point a day from `start`, `cents[i]` on day i; `missing` days are named as such. */
function series(start: string, cents: readonly number[], missing: string[] = [], beforeDataEnd?: string): DailySpend {
  const days = daysFrom(start, addDays(start, cents.length - 1));
  return dailySpend({
    range: { start, end: days[days.length - 1] },
    dataPoints: days.filter((day) => !missing.includes(day)).map((day) => point(day, centsToDecimal(BigInt(cents[days.indexOf(day)])))),
    missingDays: missing,
    beforeData: beforeDataEnd ? { start, end: beforeDataEnd } : undefined,
  });
}

const repeat = (value: number, times: number) => Array.from({ length: times }, () => value);

describe('forecast and change', () => {
  it('divides once, rounding half away from zero', () => {
    assert.deepStrictEqual([5n, 7n, 4n, -5n, -7n, 1n, -1n].map((n) => divideRounded(n, 2n)), [3n, 4n, 2n, -3n, -4n, 1n, -1n]);
    assert.strictEqual(divideRounded(1000n, 7n), 143n);
    assert.strictEqual(divideRounded(1002n, 7n), 143n);
    assert.strictEqual(divideRounded(1003n, 7n), 143n, '143.29');
    assert.strictEqual(divideRounded(1004n, 7n), 143n, '143.43');
    assert.strictEqual(divideRounded(1005n, 7n), 144n, '143.57');
  });

  it('gives yesterday\'s spend and the 7-day average with its exact sum', () => {
    const daily = series('2026-11-01', [...repeat(1000, 12), 1000, 1000, 1000, 1000, 1000, 1000, 1001]);
    assert.strictEqual(spendOn(daily, '2026-11-19'), 1001n);
    assert.strictEqual(spendOn(daily, '2026-11-20'), undefined, 'outside the range');
    assert.deepStrictEqual(trailingAverage(daily, '2026-11-19'), { cents: 1000n, sumCents: 7001n, days: 7, from: '2026-11-13', to: '2026-11-19' });
  });

  it('forecasts month to date + 7-day average × days left, exact in cents, rounded once', () => {
    // Today the 20th of a 30-day month: 19 days to date, 11 left (today included).
    const daily = series('2026-11-01', [...repeat(1000, 12), 1000, 1000, 1000, 1000, 1000, 1000, 1001]);
    const forecast = runRateFromDaily(daily, '2026-11-20');
    assert.ok(forecast);
    assert.strictEqual(forecast.monthToDate.cents, 19_001n);
    assert.strictEqual(forecast.daysLeft, 11);
    // 19001 + 7001 × 11 / 7 = 19001 + 11001.57: 30003, where the rounded average would give 30001.
    assert.strictEqual(forecast.cents, 30_003n);
    assert.strictEqual(forecast.month, '2026-11');
  });

  it('on the first of a month: nothing to date, the whole month left, the average from the month before', () => {
    const daily = series('2026-11-24', repeat(700, 7));
    const forecast = runRateFromDaily(daily, '2026-12-01');
    assert.ok(forecast);
    assert.strictEqual(forecast.monthToDate.cents, 0n);
    assert.strictEqual(forecast.daysLeft, 31);
    assert.strictEqual(forecast.cents, 21_700n);
  });

  it('on the last day of a month one day is left; a leap February has 29', () => {
    const december = runRateFromDaily(series('2026-12-01', repeat(100, 30)), '2026-12-31');
    assert.strictEqual(december?.daysLeft, 1);
    assert.strictEqual(december?.cents, 3_100n);
    const leap = runRateFromDaily(series('2028-02-01', repeat(333, 27)), '2028-02-28');
    assert.strictEqual(leap?.daysLeft, 2);
    assert.strictEqual(leap?.cents, 333n * 29n);
    const common = runRateFromDaily(series('2027-02-01', repeat(333, 27)), '2027-02-28');
    assert.strictEqual(common?.daysLeft, 1);
    assert.strictEqual(common?.cents, 333n * 28n);
  });

  it('gives no forecast when a day is missing, and averages fewer days where the data starts', () => {
    const missingInMonth = series('2026-11-01', repeat(1000, 19), ['2026-11-03']);
    assert.strictEqual(monthToDateFromDaily(missingInMonth, '2026-11-20'), undefined);
    assert.strictEqual(runRateFromDaily(missingInMonth, '2026-11-20'), undefined);
    const missingInWeek = series('2026-11-01', repeat(1000, 19), ['2026-11-15']);
    assert.strictEqual(trailingAverage(missingInWeek, '2026-11-19'), undefined);
    // Data from the 3rd only: the first two days have none, so 5 days are averaged.
    const young = series('2025-12-01', [0, 0, 500, 500, 500, 500, 501], [], '2025-12-02');
    assert.deepStrictEqual(trailingAverage(young, '2025-12-07'), { cents: 500n, sumCents: 2501n, days: 5, from: '2025-12-03', to: '2025-12-07' });
  });

  it('counts a fraction of a day from a month to date taken at noon (the preview\'s updated_at)', () => {
    const average = { cents: 1000n, sumCents: 7000n, days: 7, from: '2026-11-13', to: '2026-11-19' };
    const through = Date.parse('2026-11-20T12:00:00Z');
    const forecast = runRateForecast({ month: '2026-11', cents: 19_500n, through }, average);
    assert.strictEqual(forecast.daysLeft, 10.5);
    assert.strictEqual(forecast.cents, 30_000n);
    const late = runRateForecast({ month: '2026-11', cents: 100n, through: Date.parse('2026-12-01T00:00:00Z') + DAY_MS }, average);
    assert.strictEqual(late.cents, 100n, 'nothing ahead once the month is over');
  });

  it('sets the straight line beside it, and warns by the run rate once there is one', () => {
    const preview = { amount: '150.00', period: '2026-11', updatedAt: '2026-11-16T00:00:00Z' };
    const now = Date.parse('2026-11-16T08:00:00Z');
    assert.deepStrictEqual(straightLine(preview, now), projectMonthEnd('150.00', '2026-11', '2026-11-16T00:00:00Z', now));
    assert.strictEqual(straightLine(preview, now)?.projectedCents, 30_000n);
    const runRate = runRateFromDaily(series('2026-11-01', repeat(1000, 15)), '2026-11-16');
    assert.deepStrictEqual(bestForecast(runRate, straightLine(preview, now)), { basis: 'runRate', cents: 30_000n });
    assert.deepStrictEqual(bestForecast(undefined, straightLine(preview, now)), { basis: 'straightLine', cents: 30_000n });
    assert.strictEqual(bestForecast(undefined, undefined), undefined);
  });

  it('compares with last month\'s invoice in cents and tenths of a percent', () => {
    assert.deepStrictEqual(changeAgainst(11_500n, '100.00'), { differenceCents: 1_500n, permille: 150n });
    assert.deepStrictEqual(changeAgainst(9_000n, '100.00'), { differenceCents: -1_000n, permille: -100n });
    assert.deepStrictEqual(changeAgainst(10_001n, '30.00'), { differenceCents: 7_001n, permille: 2334n }, '233.37 %');
    assert.deepStrictEqual(changeAgainst(500n, '0.00'), { differenceCents: 500n, permille: undefined });
    assert.strictEqual(changeAgainst(500n, 'abc'), undefined);
  });

  it('adds up the year to date from the closed invoices and the month in progress, naming what is missing', () => {
    const invoices = [
      { amount: '100.00', period: '2026-01' }, { amount: '200.10', period: '2026-02' }, { amount: 'abc', period: '2026-03' },
      { amount: '50.05', period: '2026-05' }, { amount: '999.99', period: '2025-12' },
    ];
    const total = yearToDate(invoices, { amount: '10.01', period: '2026-06' });
    assert.deepStrictEqual(total, {
      year: 2026, cents: 36_016n, months: ['2026-01', '2026-02', '2026-05', '2026-06'], missingMonths: ['2026-04'], unreadable: 1,
    });
    assert.deepStrictEqual(yearToDate([], { amount: '1.00', period: '2026-01' }), { year: 2026, cents: 100n, months: ['2026-01'], missingMonths: [], unreadable: 0 });
    assert.strictEqual(yearToDate([], { amount: '', period: '2026-01' }), undefined);
  });
});
