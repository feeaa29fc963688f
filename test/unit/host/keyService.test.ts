// The sandbox's key service (test/host/key-service.ts): the key route answered in front of a
// server that does not know it, everything else, WebSockets too, passed through unchanged.
import * as assert from 'assert';
import * as http from 'http';
import { AddressInfo, Socket } from 'net';
import { KeyService, startKeyService } from '../../host/key-service';

/** A stand-in for the VS Code server: 405 for the key route, an echo route, and an upgrade that echoes. */
async function startUpstream(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = http.createServer((request, response) => {
    if (request.url?.endsWith('/mint-key')) {
      response.writeHead(405).end();
      return;
    }
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      response.writeHead(201, { 'content-type': 'text/plain', 'x-upstream': 'yes', 'set-cookie': ['a=1', 'b=2'] });
      response.end(`${request.method} ${request.url} ${request.headers.host} ${Buffer.concat(chunks).toString()}`);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  server.on('upgrade', (request: http.IncomingMessage, socket: Socket) => {
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo\r\nConnection: Upgrade\r\nX-Path: ${request.url}\r\n\r\n`);
    socket.on('data', (data) => socket.write(data));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => {
      sockets.forEach((socket) => socket.destroy());
      server.close(() => resolve());
    }),
  };
}

describe('the sandbox key service', () => {
  let upstream: Awaited<ReturnType<typeof startUpstream>>;
  let front: KeyService;

  beforeEach(async () => {
    upstream = await startUpstream();
    front = await startKeyService(upstream.port);
  });
  afterEach(async () => {
    await front.close();
    await upstream.close();
  });

  it('answers POST …/mint-key with the same 256-bit key half every time', async () => {
    const first = await fetch(`${front.url}/mint-key`, { method: 'POST' });
    assert.strictEqual(first.status, 200);
    const key = Buffer.from(await first.arrayBuffer());
    assert.strictEqual(key.length, 32);
    const again = Buffer.from(await (await fetch(`${front.url}/some/base/path/mint-key`, { method: 'POST' })).arrayBuffer());
    assert.ok(again.equals(key), 'one key per run: secrets sealed before a reload open after it');
    const otherRun = await startKeyService(upstream.port);
    try {
      const otherKey = Buffer.from(await (await fetch(`${otherRun.url}/mint-key`, { method: 'POST' })).arrayBuffer());
      assert.ok(!otherKey.equals(key), 'each run has a key of its own');
    } finally {
      await otherRun.close();
    }
  });

  it('passes every other request through with its method, path, host, body, status and headers', async () => {
    const response = await fetch(`${front.url}/some/path?x=1`, { method: 'PUT', body: 'payload' });
    assert.strictEqual(response.status, 201);
    assert.strictEqual(response.headers.get('x-upstream'), 'yes');
    assert.deepStrictEqual(response.headers.getSetCookie(), ['a=1', 'b=2']);
    assert.strictEqual(await response.text(), `PUT /some/path?x=1 127.0.0.1:${front.port} payload`);
    const get = await fetch(`${front.url}/mint-key`);
    assert.strictEqual(get.status, 405, 'only POST is the key route');
  });

  it('passes an upgraded connection (the workbench\'s WebSocket) through both ways', async () => {
    const socket = await new Promise<Socket>((resolve, reject) => {
      const request = http.request(`${front.url}/socket?reconnection=false`, { headers: { connection: 'Upgrade', upgrade: 'echo' } });
      request.on('upgrade', (response: http.IncomingMessage, upgraded: Socket) => {
        assert.strictEqual(response.headers['x-path'], '/socket?reconnection=false');
        resolve(upgraded);
      });
      request.on('error', reject);
      request.end();
    });
    const echoed = new Promise<string>((resolve) => socket.once('data', (data) => resolve(data.toString())));
    socket.write('ping');
    assert.strictEqual(await echoed, 'ping');
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    await front.close();
    await closed;
  });
});
