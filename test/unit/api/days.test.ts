import * as assert from 'assert';
import { addDays, dayNumber, daysBetween, daysFrom, lastOfMonth } from '../../../src/api/days';
import { dayCount, DayRange, lastDays, splitIntoWindows, withinInsightsData } from '../../../src/insights/windows';

/** Every window is at most 31 days, they follow each other without gap or overlap, and cover the range. */
function assertTiles(range: DayRange, windows: readonly DayRange[]): void {
  assert.strictEqual(windows[0].start, range.start);
  assert.strictEqual(windows.at(-1)?.end, range.end);
  windows.forEach((window, index) => {
    assert.ok(dayCount(window) >= 1 && dayCount(window) <= 31, `${window.start}..${window.end}`);
    if (index > 0) {
      assert.strictEqual(window.start, addDays(windows[index - 1].end, 1), 'consecutive');
    }
  });
  assert.strictEqual(windows.reduce((sum, window) => sum + dayCount(window), 0), dayCount(range));
}

describe('insights days and windows', () => {
  it('reads only real calendar days, leap days included', () => {
    assert.strictEqual(dayNumber('1970-01-01'), 0);
    assert.notStrictEqual(dayNumber('2024-02-29'), undefined);
    for (const bad of ['2025-02-29', '2100-02-29', '2025-13-01', '2025-04-31', '2025-1-01', '20250101', '', '2025-01-01T00:00:00Z']) {
      assert.strictEqual(dayNumber(bad), undefined, bad);
    }
    assert.notStrictEqual(dayNumber('2000-02-29'), undefined, '2000 is a leap year');
  });

  it('counts across month and year ends and leap days', () => {
    assert.strictEqual(addDays('2025-12-31', 1), '2026-01-01');
    assert.strictEqual(addDays('2024-02-28', 1), '2024-02-29');
    assert.strictEqual(addDays('2025-02-28', 1), '2025-03-01');
    assert.strictEqual(addDays('2025-03-01', -1), '2025-02-28');
    assert.strictEqual(daysBetween('2024-02-01', '2024-03-01'), 29);
    assert.strictEqual(daysBetween('2025-02-01', '2025-03-01'), 28);
    assert.strictEqual(lastOfMonth('2024-02-10'), '2024-02-29');
    assert.strictEqual(lastOfMonth('2025-02-10'), '2025-02-28');
    assert.strictEqual(lastOfMonth('2025-12-01'), '2025-12-31');
    assert.deepStrictEqual(daysFrom('2025-12-30', '2026-01-02'), ['2025-12-30', '2025-12-31', '2026-01-01', '2026-01-02']);
    assert.deepStrictEqual(daysFrom('2026-01-02', '2026-01-01'), []);
  });

  it('keeps a range of up to 31 days in one window', () => {
    assert.deepStrictEqual(splitIntoWindows({ start: '2026-01-01', end: '2026-01-31' }), [{ start: '2026-01-01', end: '2026-01-31' }]);
    assert.deepStrictEqual(splitIntoWindows({ start: '2026-03-05', end: '2026-03-05' }), [{ start: '2026-03-05', end: '2026-03-05' }]);
  });

  it('splits 32 days into 31 + 1, and 90 days into 31 + 31 + 28', () => {
    assert.deepStrictEqual(splitIntoWindows({ start: '2026-01-01', end: '2026-02-01' }), [
      { start: '2026-01-01', end: '2026-01-31' }, { start: '2026-02-01', end: '2026-02-01' },
    ]);
    const ninety = lastDays('2026-12-02', 90);
    assert.deepStrictEqual(ninety, { start: '2026-09-04', end: '2026-12-02' });
    const windows = splitIntoWindows(ninety);
    assert.deepStrictEqual(windows.map(dayCount), [31, 31, 28]);
    assertTiles(ninety, windows);
  });

  it('splits across a year end', () => {
    const range = { start: '2025-12-15', end: '2026-02-20' };
    const windows = splitIntoWindows(range);
    assert.deepStrictEqual(windows, [
      { start: '2025-12-15', end: '2026-01-14' }, { start: '2026-01-15', end: '2026-02-14' }, { start: '2026-02-15', end: '2026-02-20' },
    ]);
    assertTiles(range, windows);
  });

  it('splits across leap days: February 2024 has 29, February 2025 has 28', () => {
    const leap = splitIntoWindows({ start: '2024-02-01', end: '2024-03-31' });
    assert.deepStrictEqual(leap, [{ start: '2024-02-01', end: '2024-03-02' }, { start: '2024-03-03', end: '2024-03-31' }]);
    const common = splitIntoWindows({ start: '2025-02-01', end: '2025-03-31' });
    assert.deepStrictEqual(common, [{ start: '2025-02-01', end: '2025-03-03' }, { start: '2025-03-04', end: '2025-03-31' }]);
    const acrossLeapDay = { start: '2024-02-29', end: '2024-03-30' };
    assert.deepStrictEqual(splitIntoWindows(acrossLeapDay), [acrossLeapDay], 'Feb 29 to Mar 30 is 31 days');
    assertTiles({ start: '2023-11-03', end: '2025-01-09' }, splitIntoWindows({ start: '2023-11-03', end: '2025-01-09' }));
  });

  it('splits by a smaller window too, and refuses a window that is not a positive whole number of days', () => {
    assert.deepStrictEqual(splitIntoWindows({ start: '2026-01-30', end: '2026-02-02' }, 2), [
      { start: '2026-01-30', end: '2026-01-31' }, { start: '2026-02-01', end: '2026-02-02' },
    ]);
    assert.throws(() => splitIntoWindows({ start: '2026-01-01', end: '2026-01-02' }, 0), RangeError);
    assert.throws(() => splitIntoWindows({ start: '2026-02-30', end: '2026-03-02' }), RangeError);
  });

  it('separates the days before DigitalOcean\'s daily data starts', () => {
    assert.deepStrictEqual(withinInsightsData({ start: '2025-11-20', end: '2025-12-10' }), {
      withData: { start: '2025-12-01', end: '2025-12-10' }, beforeData: { start: '2025-11-20', end: '2025-11-30' },
    });
    assert.deepStrictEqual(withinInsightsData({ start: '2025-10-01', end: '2025-11-30' }), { beforeData: { start: '2025-10-01', end: '2025-11-30' } });
    assert.deepStrictEqual(withinInsightsData({ start: '2025-12-01', end: '2025-12-31' }), { withData: { start: '2025-12-01', end: '2025-12-31' } });
  });
});
