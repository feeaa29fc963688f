import * as assert from 'assert';
import { keepHyphenatedWords, unbreakable, wrappingText } from '../../../src/balance/balanceTerms';

describe('balance terms in tooltips', () => {
  it('keeps a term on one line: no space or hyphen inside it breaks', () => {
    assert.strictEqual(unbreakable('Month-to-date balance'), 'Month\u2011to\u2011date\u00a0balance');
    assert.ok(!/[ -]/.test(unbreakable('Saldo seit Monatsbeginn')));
  });

  it('keeps hyphenated words whole but leaves minus signs and ranges alone', () => {
    assert.strictEqual(keepHyphenatedWords('Projected month-end total: -$5.00'), 'Projected month\u2011end total: -$5.00');
    assert.strictEqual(keepHyphenatedWords('2026-11'), '2026-11');
  });

  it('escapes Markdown but lets a sentence wrap between its words', () => {
    assert.strictEqual(wrappingText('Over *budget* (month-to-date).'), 'Over \\*budget\\* \\(month\u2011to\u2011date\\)\\.');
    assert.ok(wrappingText('a b').includes(' '), 'plain spaces stay');
  });
});
