import * as assert from 'assert';
import * as http from 'http';
import { AddressInfo } from 'net';
import * as zlib from 'zlib';
import { TransportRequest, nodeTransport } from '../../../src/api/transport';

/** A loopback server whose answers each test sets; it records the request headers it saw. */
function useServer() {
  const state: { url: string; answer: (res: http.ServerResponse) => void; seen: http.IncomingHttpHeaders[] } = {
    url: '',
    answer: (res) => res.end(),
    seen: [],
  };
  let server: http.Server | undefined;
  before(async () => {
    server = http.createServer((req, res) => {
      state.seen.push(req.headers);
      req.resume();
      state.answer(res);
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/x`;
  });
  after(() => {
    server?.closeAllConnections();
    server?.close();
  });
  beforeEach(() => {
    state.seen = [];
  });
  return state;
}

const request = (url: string, overrides: Partial<TransportRequest> = {}): TransportRequest => ({
  url, headers: { Accept: 'application/json' }, signal: new AbortController().signal, maxBodyBytes: 1024 * 1024, ...overrides,
});

const BODY = Buffer.from(JSON.stringify({ items: Array.from({ length: 500 }, (_, i) => ({ description: `item ${i}`, amount: '1.00' })) }));

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  const error = await promise.then(() => undefined, (failure: unknown) => failure);
  assert.ok(error instanceof Error, 'rejected');
  return (error as { code?: string }).code;
}

describe('HTTP transport (node-fetch)', () => {
  const server = useServer();

  it('asks for gzip or brotli and reads bodies in either encoding, and plain ones', async () => {
    const encodings: Array<[string | undefined, (bytes: Buffer) => Buffer]> = [
      ['gzip', (bytes) => zlib.gzipSync(bytes)],
      ['br', (bytes) => zlib.brotliCompressSync(bytes)],
      [undefined, (bytes) => bytes],
    ];
    for (const [encoding, encode] of encodings) {
      server.answer = (res) => {
        res.writeHead(200, { 'content-type': 'application/json', ...(encoding ? { 'content-encoding': encoding } : {}) });
        res.end(encode(BODY));
      };
      const response = await nodeTransport(request(server.url));
      assert.strictEqual(response.status, 200);
      assert.strictEqual(response.header('content-type'), 'application/json');
      assert.deepStrictEqual(await response.body(), BODY, encoding ?? 'identity');
    }
    assert.ok(server.seen.every((headers) => headers['accept-encoding'] === 'gzip, br'));
    assert.ok(server.seen.every((headers) => headers.accept === 'application/json'), 'the caller\'s headers are sent');
  });

  it('reads an empty body marked as compressed (a proxy\'s error page, a 204) as empty', async () => {
    for (const encoding of ['gzip', 'br']) {
      server.answer = (res) => {
        res.writeHead(502, { 'content-encoding': encoding, 'content-length': '0' });
        res.end();
      };
      const response = await nodeTransport(request(server.url));
      assert.strictEqual(response.status, 502);
      assert.strictEqual((await response.body()).length, 0, encoding);
    }
  });

  it('refuses an encoding it did not ask for', async () => {
    for (const encoding of ['compress', 'constructor', '__proto__']) {
      server.answer = (res) => {
        res.writeHead(200, { 'content-encoding': encoding });
        res.end('xx');
      };
      const response = await nodeTransport(request(server.url));
      assert.strictEqual(await codeOf(response.body()), 'ERR_CONTENT_ENCODING', encoding);
    }
  });

  it('stops reading past the size limit, counted after decompression', async () => {
    server.answer = (res) => {
      res.writeHead(200, { 'content-encoding': 'gzip' });
      res.end(zlib.gzipSync(Buffer.alloc(200_000, 'a'))); // a few hundred bytes on the wire
    };
    const response = await nodeTransport(request(server.url, { maxBodyBytes: 100_000 }));
    assert.strictEqual(await codeOf(response.body()), 'ERR_BODY_TOO_LARGE');
  });

  it('fails a body cut short: before its content-length, or a gzip stream cut off by the connection', async () => {
    server.answer = (res) => {
      res.writeHead(200, { 'content-length': String(BODY.length) });
      res.write(BODY.subarray(0, 100));
      setImmediate(() => res.destroy());
    };
    assert.strictEqual(await codeOf((await nodeTransport(request(server.url))).body()), 'ECONNRESET');

    const zipped = zlib.gzipSync(BODY);
    server.answer = (res) => {
      res.writeHead(200, { 'content-encoding': 'gzip' }); // chunked: the last chunk never comes
      res.write(zipped.subarray(0, Math.floor(zipped.length / 2)));
      setImmediate(() => res.destroy());
    };
    assert.strictEqual(await codeOf((await nodeTransport(request(server.url))).body()), 'ERR_STREAM_PREMATURE_CLOSE');
  });

  it('fails a broken compressed stream and closes its connection, although the body is not all in', async () => {
    let closed: Promise<void> | undefined;
    server.answer = (res) => {
      closed = new Promise((resolve) => res.socket?.once('close', () => resolve()));
      res.writeHead(200, { 'content-encoding': 'gzip', 'content-length': '100000' });
      res.write(Buffer.concat([zlib.gzipSync(BODY).subarray(0, 10), Buffer.alloc(100, 7)])); // a gzip header, then garbage
    };
    assert.strictEqual(await codeOf((await nodeTransport(request(server.url))).body()), 'Z_DATA_ERROR');
    await closed; // the rest of the body would never be read: the server sees the connection go
  });

  it('ends the request when its signal aborts, also while the body is read', async () => {
    server.answer = () => undefined; // never answers
    const before = new AbortController();
    const pending = nodeTransport(request(server.url, { signal: before.signal }));
    before.abort();
    assert.strictEqual(await codeOf(pending), 'ABORT_ERR');

    server.answer = (res) => {
      res.writeHead(200, { 'content-length': '1000' });
      res.write('x');
    };
    const during = new AbortController();
    const response = await nodeTransport(request(server.url, { signal: during.signal }));
    const body = response.body();
    during.abort();
    assert.ok(await codeOf(body));
  });

  it('returns a redirect as it is and never follows it, so the token goes nowhere else', async () => {
    for (const status of [301, 302, 307, 308]) {
      server.seen = [];
      server.answer = (res) => {
        res.writeHead(status, { location: `${server.url}/elsewhere` });
        res.end();
      };
      const response = await nodeTransport(request(server.url, { headers: { Authorization: 'Bearer t' } }));
      assert.strictEqual(response.status, status);
      assert.strictEqual(response.header('location'), `${server.url}/elsewhere`);
      await response.body();
      assert.strictEqual(server.seen.length, 1, `${status}: one request, none to the location`);
    }
  });

  it('joins a repeated header and returns undefined for a missing one', async () => {
    server.answer = (res) => {
      res.setHeader('set-cookie', ['a=1', 'b=2']);
      res.end('{}');
    };
    const response = await nodeTransport(request(server.url));
    assert.strictEqual(response.header('set-cookie'), 'a=1, b=2');
    assert.strictEqual(response.header('x-request-id'), undefined);
    await response.body();
  });
});
