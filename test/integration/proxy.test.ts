import * as assert from 'assert';
import * as http from 'http';
import * as vscode from 'vscode';
import { FAKE_TOKEN, RecordedRequest } from '../fake-api/server';
import { API_HOST, PROXY_LOG_PATH, PROXY_SUITE_GREP, PROXY_URL_ENV, ProxyLog } from '../host/api-through-proxy';
import { extensionApi, waitFor } from './support';

const LISTS = ['/v2/customers/my/invoices', '/v2/customers/my/balance', '/v2/customers/my/billing_history'];
/** A TLS record of the handshake: what a tunnel must start with. */
const TLS_HANDSHAKE = 0x16;

/** JSON from a loopback server; VS Code sends requests to 127.0.0.1 direct, never through the proxy. */
function getJson<T>(url: string, method = 'GET'): Promise<T> {
  return new Promise((resolve, reject) => {
    http.request(url, { method }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString() || 'null') as T));
      response.on('error', reject);
    }).on('error', reject).end();
  });
}

/** The path of each request the extension made (every attempt logs one GET line), and its status. */
function loggedRequests(lines: readonly string[]): { path: string; status: string }[] {
  return lines.flatMap((line) => {
    const match = /^\[(?:info|warn)\] GET (\/[^?\s]*)\S* (\S+)/.exec(line);
    return match ? [{ path: match[1], status: match[2] }] : [];
  });
}

const sorted = (paths: string[]) => [...paths].sort();

// Only in a host started with VS Code's http.proxy set: DOI_THROUGH_PROXY=1 node out/test/host/run-integration.js
const proxyUrl = process.env[PROXY_URL_ENV];
if (proxyUrl) {
  describe(`API requests through VS Code's ${PROXY_SUITE_GREP}`, function () {
    this.timeout(60_000);
    const fakeUrl = process.env.DO_FAKE_API_URL ?? '';

    it('go for the default API URL as CONNECT tunnels through the proxy, none direct, the token only inside TLS', async () => {
      const apiUrl = vscode.workspace.getConfiguration('digitaloceanInvoices').inspect<string>('apiUrl');
      assert.strictEqual(apiUrl?.globalValue, undefined, 'apiUrl is left at its default');
      assert.strictEqual(apiUrl?.defaultValue, `https://${API_HOST}`);
      assert.strictEqual(vscode.workspace.getConfiguration('http').get('proxy'), proxyUrl);

      const api = await extensionApi();
      await api.clearToken();
      await getJson(`${fakeUrl}/__fake/requests`, 'DELETE');
      const linesBefore = api.logger.recentLines.length;
      // Not awaited first: a token check that cannot reach the API waits for an answer to a
      // notification, and the wait below says more (it shows the log lines).
      const saved = api.setToken(FAKE_TOKEN);

      // What the extension sent (its log) and what reached the fake (only through the TLS front,
      // whose port only the proxy knows), once the three lists are in.
      const { logged, served } = await waitFor('the invoices, balance and billing history through the proxy', async () => {
        const logged = loggedRequests(api.logger.recentLines.slice(linesBefore));
        const served = await getJson<RecordedRequest[]>(`${fakeUrl}/__fake/requests`);
        const done = LISTS.every((path) => logged.some((request) => request.path === path)) && logged.length >= served.length;
        return done && { logged, served };
      }, { detail: () => api.logger.recentLines.slice(linesBefore) });
      assert.strictEqual(await saved, 'saved');
      assert.deepStrictEqual(logged.filter((request) => request.status !== '200'), [], 'every request answered by the fake');
      assert.deepStrictEqual(sorted(logged.map((request) => request.path)), sorted(served.map((request) => request.path)), 'each request the extension made reached the fake');
      assert.ok(served.every((request) => request.authorization === `Bearer ${FAKE_TOKEN}`), 'the token arrived');

      // Requests that start on their own (daily spend after the first refresh) may still be
      // opening their tunnels: the log is read once every tunnel has come to its TLS server.
      const log = await waitFor('every tunnel at its TLS server', async () => {
        const read = await getJson<ProxyLog>(`${proxyUrl}${PROXY_LOG_PATH}`);
        return read.tlsServerNames.length === read.tunnels.filter((tunnel) => tunnel.routed).length && read;
      }, { detail: () => api.logger.recentLines.slice(linesBefore) });
      const apiTunnels = log.tunnels.filter((tunnel) => tunnel.routed);
      assert.ok(apiTunnels.length > 0, 'a CONNECT tunnel to the API');
      assert.ok(apiTunnels.every((tunnel) => tunnel.target === `${API_HOST}:443`));
      assert.deepStrictEqual(log.plainRequests, [], 'nothing sent to the proxy in plain HTTP');
      assert.strictEqual(log.tlsServerNames.length, apiTunnels.length, 'every TLS connection to the API came through a tunnel');
      assert.ok(log.tlsServerNames.every((name) => name === API_HOST), `server names: ${log.tlsServerNames.join()}`);

      for (const tunnel of log.tunnels) {
        const sent = Buffer.from(tunnel.sent, 'base64');
        assert.ok(!tunnel.head.includes(FAKE_TOKEN) && !sent.includes(FAKE_TOKEN), `the token in clear in the tunnel to ${tunnel.target}`);
        assert.ok(!tunnel.routed || sent[0] === TLS_HANDSHAKE, `the tunnel to ${tunnel.target} carries TLS`);
      }
      await api.clearToken();
    });
  });
}
