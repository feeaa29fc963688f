import * as assert from 'assert';
import { entryKey } from '../../../src/billingHistory/billingHistoryList';
import { formatDate } from '../../../src/util/period';
import { entrySummary, entryTypeLabel } from '../../../src/billingHistory/billingHistoryText';

const PAYMENT = { date: '2018-06-02T08:44:38Z', type: 'Payment', description: 'Payment (MC 2018)', amount: '-12.34' };

describe('billing history formatting', () => {
  it('shows the date of an entry in the display language, by its UTC calendar day', () => {
    assert.strictEqual(formatDate('2018-06-01T08:44:38Z', 'en'), 'Jun 1, 2018');
    assert.strictEqual(formatDate('2018-06-01T08:44:38Z', 'de'), '01.06.2018');
    assert.strictEqual(formatDate('2018-06-01T23:30:00-02:00', 'en'), 'Jun 2, 2018', 'the UTC day, whatever the offset sent');
    assert.strictEqual(formatDate('2018-06-01T08:44:38Z', 'not a locale!'), 'Jun 1, 2018', 'falls back to English');
  });

  it('keeps a date it cannot read as sent, and shows a dash for none', () => {
    assert.strictEqual(formatDate('December', 'en'), 'December');
    assert.strictEqual(formatDate('', 'en'), '—');
    assert.strictEqual(formatDate(undefined, 'en'), '—');
  });

  it('names every type of the API and keeps unknown ones as sent', () => {
    assert.strictEqual(entryTypeLabel('Invoice'), 'Invoice');
    assert.strictEqual(entryTypeLabel('ACHFailure'), 'ACH failure');
    assert.strictEqual(entryTypeLabel('CreditExpiration'), 'Credit expiration');
    assert.strictEqual(entryTypeLabel('Mystery'), 'Mystery');
    assert.strictEqual(entryTypeLabel('toString'), 'toString', 'no inherited property is taken for a label');
    assert.strictEqual(entryTypeLabel(''), '—');
  });

  it('shows payments and credits negative, as the API sends them, with type and description', () => {
    assert.strictEqual(entrySummary(PAYMENT, 'en'), '-$12.34 · Payment · Payment (MC 2018)');
    assert.strictEqual(entrySummary({ ...PAYMENT, type: 'Invoice', amount: '12.34', description: '' }, 'en'), '$12.34 · Invoice');
    assert.strictEqual(entrySummary({ ...PAYMENT, amount: 'abc' }, 'en'), 'abc · Payment · Payment (MC 2018)');
    assert.strictEqual(entrySummary({ ...PAYMENT, amount: '-1234.5' }, 'de'), '-1.234,50\u00a0$ · Payment · Payment (MC 2018)');
  });

  it('tells entries apart by everything they say', () => {
    assert.strictEqual(entryKey(PAYMENT), entryKey({ ...PAYMENT }));
    assert.notStrictEqual(entryKey(PAYMENT), entryKey({ ...PAYMENT, amount: '-12.35' }));
    assert.notStrictEqual(entryKey(PAYMENT), entryKey({ ...PAYMENT, description: 'Payment (MC 2019)' }));
    assert.notStrictEqual(entryKey({ ...PAYMENT, description: 'a|b', type: 'c' }), entryKey({ ...PAYMENT, description: 'b', type: 'c|a' }));
  });
});
