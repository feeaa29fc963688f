import * as assert from 'assert';
import { Redactor } from '../../../src/util/redact';

const TOKEN = 'dop_v1_' + 'a1'.repeat(32);

describe('redaction', () => {
  it('removes tokens by their shape', () => {
    const redactor = new Redactor();
    for (const prefix of ['dop_v1_', 'doo_v1_', 'dor_v1_']) {
      const text = redactor.redact(`token ${prefix}${'f'.repeat(64)} used`);
      assert.strictEqual(text, 'token [redacted] used');
    }
  });

  it('removes Authorization header values', () => {
    const redactor = new Redactor();
    assert.strictEqual(redactor.redact('Authorization: Bearer abc.def-ghi'), 'Authorization: Bearer [redacted]');
    assert.strictEqual(redactor.redact('authorization: bearer xyz'), 'authorization: bearer [redacted]');
  });

  it('removes registered secrets that have no known shape', () => {
    const redactor = new Redactor();
    redactor.addSecret('my-custom-secret-value');
    assert.strictEqual(redactor.redact('x my-custom-secret-value y my-custom-secret-value'), 'x [redacted] y [redacted]');
  });

  it('removes bare 64-hex tokens but keeps request ids', () => {
    const redactor = new Redactor();
    assert.strictEqual(redactor.redact(`old token ${'b'.repeat(64)}`), 'old token [redacted]');
    const requestId = '515850a0-a812-50bf-aa3c-d0d21d287e40';
    assert.strictEqual(redactor.redact(`x-request-id=${requestId}`), `x-request-id=${requestId}`);
    assert.ok(!redactor.redact(`e ${TOKEN}`).includes(TOKEN));
  });
});
