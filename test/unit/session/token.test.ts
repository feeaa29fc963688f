import * as assert from 'assert';
import { checkTokenInput, tokenFingerprint } from '../../../src/session/token';

const TOKEN = 'dop_v1_' + '0123456789abcdef'.repeat(4);

describe('token input and fingerprint', () => {
  it('trims whitespace and newlines around a pasted token', () => {
    assert.deepStrictEqual(checkTokenInput(`  ${TOKEN}\n`), { token: TOKEN });
    assert.deepStrictEqual(checkTokenInput(`\t${TOKEN}\r\n`), { token: TOKEN });
  });

  it('refuses empty input and inner whitespace', () => {
    assert.ok(checkTokenInput('   ').error);
    assert.ok(checkTokenInput('dop_v1_abc def').error);
  });

  it('warns but allows a token without a known prefix', () => {
    const check = checkTokenInput('legacy0123456789');
    assert.strictEqual(check.error, undefined);
    assert.ok(check.warning);
    for (const prefix of ['dop_v1_', 'doo_v1_', 'dor_v1_']) {
      assert.strictEqual(checkTokenInput(prefix + 'abc').warning, undefined);
    }
  });

  it('fingerprints are stable, distinct and do not contain the token', () => {
    assert.strictEqual(tokenFingerprint(TOKEN), tokenFingerprint(TOKEN));
    assert.notStrictEqual(tokenFingerprint(TOKEN), tokenFingerprint(TOKEN + 'x'));
    assert.ok(!tokenFingerprint(TOKEN).includes(TOKEN.slice(7, 20)));
    assert.match(tokenFingerprint(TOKEN), /^[0-9a-f]{24}$/);
  });
});
