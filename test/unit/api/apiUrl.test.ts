import * as assert from 'assert';
import { checkApiUrl, DEFAULT_API_URL } from '../../../src/api/apiUrl';

describe('apiUrl setting', () => {
  it('defaults to the DigitalOcean API', () => {
    assert.deepStrictEqual(checkApiUrl(undefined), { ok: true, baseUrl: DEFAULT_API_URL });
    assert.deepStrictEqual(checkApiUrl(''), { ok: true, baseUrl: DEFAULT_API_URL });
  });

  it('accepts https anywhere and http only on loopback', () => {
    assert.deepStrictEqual(checkApiUrl('https://proxy.example.com/do/'), { ok: true, baseUrl: 'https://proxy.example.com/do' });
    for (const url of ['http://localhost:8080', 'http://127.0.0.1:3000', 'http://[::1]:3000']) {
      assert.strictEqual(checkApiUrl(url).ok, true, url);
    }
  });

  it('refuses http to other hosts, credentials, and non-URLs with a clear message', () => {
    for (const url of ['http://api.digitalocean.com', 'http://10.0.0.1', 'http://127.0.0.1.evil.com', 'ftp://x', 'not a url', 'https://user:pw@x.com', 'https://x.com/?a=1']) {
      const check = checkApiUrl(url);
      assert.strictEqual(check.ok, false, url);
      assert.ok(!check.ok && check.message.includes('digitaloceanInvoices.apiUrl'), url);
    }
  });
});
