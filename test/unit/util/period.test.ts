import * as assert from 'assert';
import { formatDateTime, formatPeriod, parsePeriod } from '../../../src/util/period';

describe('period', () => {
  it('shows YYYY-MM as month and year', () => {
    assert.strictEqual(formatPeriod('2019-12', 'en'), 'December 2019');
    assert.strictEqual(formatPeriod('2020-01', 'en'), 'January 2020');
    assert.strictEqual(formatPeriod('2019-12', 'de'), 'Dezember 2019');
  });

  it('does not shift months across time zones', () => {
    // Built in UTC: a local zone west of UTC must not turn January into December.
    const previous = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      assert.strictEqual(formatPeriod('2020-01', 'en'), 'January 2020');
    } finally {
      process.env.TZ = previous;
    }
  });

  it('shows a malformed period as its raw text', () => {
    assert.strictEqual(formatPeriod('2019/12', 'en'), '2019/12');
    assert.strictEqual(formatPeriod('2019-13', 'en'), '2019-13');
    assert.strictEqual(formatPeriod('December', 'en'), 'December');
    assert.strictEqual(formatPeriod(undefined, 'en'), '—');
    assert.strictEqual(parsePeriod('2019-00'), undefined);
    assert.deepStrictEqual(parsePeriod('2024-02'), { year: 2024, month: 2 });
  });

  it('formats timestamps and keeps unparseable ones as text', () => {
    assert.match(formatDateTime('2020-02-23T06:31:50Z', 'en')!, /2020/);
    assert.strictEqual(formatDateTime('yesterday', 'en'), 'yesterday');
    assert.strictEqual(formatDateTime(undefined, 'en'), undefined);
  });
});
