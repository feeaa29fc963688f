import * as assert from 'assert';
import { centsToDecimal, formatAmount, formatCents, parseCents, sumCents } from '../../../src/util/money';

describe('money', () => {
  it('parses decimal strings into exact cents', () => {
    assert.strictEqual(parseCents('12.34'), 1234n);
    assert.strictEqual(parseCents('0.1'), 10n);
    assert.strictEqual(parseCents('7'), 700n);
    assert.strictEqual(parseCents('-12.34'), -1234n);
    assert.strictEqual(parseCents('12345678901234567890.12'), 1234567890123456789012n);
  });

  it('rounds sub-cent digits half away from zero', () => {
    assert.strictEqual(parseCents('0.005'), 1n);
    assert.strictEqual(parseCents('0.0049'), 0n);
    assert.strictEqual(parseCents('-0.005'), -1n);
  });

  it('refuses what is not a decimal string', () => {
    for (const bad of [null, undefined, 12.34, '', 'abc', '1e5', '12.34.5', '$12', 'NaN', '1,000.00']) {
      assert.strictEqual(parseCents(bad), undefined, String(bad));
    }
  });

  it('sums without floating-point error', () => {
    const tenCents = Array.from({ length: 10 }, () => parseCents('0.10')!);
    assert.strictEqual(centsToDecimal(sumCents(tenCents)), '1.00');
    assert.notStrictEqual(0.1 * 3, 0.3); // the reason for cents
    assert.strictEqual(centsToDecimal(sumCents([parseCents('0.10')!, parseCents('0.20')!])), '0.30');
  });

  it('formats as US dollars in the display language', () => {
    assert.strictEqual(formatAmount('12.34', 'en'), '$12.34');
    assert.strictEqual(formatAmount('1234.5', 'en'), '$1,234.50');
    assert.strictEqual(formatAmount('-12.3', 'en'), '-$12.30');
    assert.strictEqual(formatAmount('1234.5', 'de'), '1.234,50\u00a0$');
    assert.strictEqual(formatCents(1234567890123456789012n, 'en'), '$12,345,678,901,234,567,890.12');
  });

  it('shows malformed amounts as their raw text, never NaN', () => {
    assert.strictEqual(formatAmount('abc', 'en'), 'abc');
    assert.strictEqual(formatAmount(null, 'en'), '—');
    assert.strictEqual(formatAmount('', 'en'), '—');
    assert.ok(!formatAmount('x', 'en').includes('NaN'));
  });

  it('falls back to English for an unknown locale', () => {
    assert.strictEqual(formatAmount('1.5', 'not a locale!'), '$1.50');
  });
});
