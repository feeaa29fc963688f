// The browser workbench keeps secrets (the extension's tokens) in the page's localStorage,
// sealed with a key half it asks the server for (POST <path>/mint-key). The plain VS Code
// server does not answer that route (405), so secrets stay in memory and a reload loses them;
// code-server and `code serve-web` answer it. This front answers it with one key per run and
// passes every other request and WebSocket through to the server, so a token set in the
// workbench survives "Developer: Reload Window".
import { randomBytes } from 'crypto';
import * as http from 'http';
import * as net from 'net';
import { freePort } from './proc';

export interface KeyService {
  /** http://127.0.0.1:<port>: open the workbench here instead of at the server. */
  url: string;
  port: number;
  /** Closes the listener and every connection through it. Idempotent. */
  close(): Promise<void>;
}

const MINT_KEY = /\/mint-key$/;
/** VS Code wants a 256-bit key half. */
const KEY_BYTES = 32;

/** The head of an upgrade request as it came, to replay it to the server. */
function requestHead(request: http.IncomingMessage): string {
  const lines = [`${request.method} ${request.url} HTTP/${request.httpVersion}`];
  for (let i = 0; i < request.rawHeaders.length; i += 2) {
    lines.push(`${request.rawHeaders[i]}: ${request.rawHeaders[i + 1]}`);
  }
  return `${lines.join('\r\n')}\r\n\r\n`;
}

export async function startKeyService(serverPort: number, port?: number): Promise<KeyService> {
  const key = randomBytes(KEY_BYTES);
  const sockets = new Set<net.Socket>();
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };

  const front = http.createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    if (request.method === 'POST' && MINT_KEY.test(pathname)) {
      request.resume();
      response.writeHead(200, { 'content-type': 'application/octet-stream', 'cache-control': 'no-store' });
      response.end(key);
      return;
    }
    const upstream = http.request(
      { host: '127.0.0.1', port: serverPort, method: request.method, path: request.url, headers: request.headers },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => (response.headersSent ? response.destroy() : response.writeHead(502).end()));
    request.pipe(upstream);
  });
  front.on('connection', track);
  front.on('upgrade', (request: http.IncomingMessage, socket: net.Socket, head: Buffer) => {
    const upstream = net.connect(serverPort, '127.0.0.1', () => {
      upstream.write(requestHead(request));
      upstream.write(head);
      socket.pipe(upstream).pipe(socket);
    });
    track(upstream);
    const end = () => {
      socket.destroy();
      upstream.destroy();
    };
    upstream.on('error', end);
    socket.on('error', end);
    upstream.on('close', end);
    socket.on('close', end);
  });

  const listenPort = port ?? (await freePort());
  await new Promise<void>((resolve, reject) => {
    front.once('error', reject);
    front.listen(listenPort, '127.0.0.1', () => resolve());
  });
  let closed: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${listenPort}`,
    port: listenPort,
    close: () => (closed ??= new Promise<void>((resolve) => {
      front.close(() => resolve());
      sockets.forEach((socket) => socket.destroy());
    })),
  };
}
