// The default API URL (https://api.digitalocean.com) served from loopback through a proxy, for
// the integration run with VS Code's http.proxy set (DOI_THROUGH_PROXY=1, see run-integration.ts).
//
//   extension ──CONNECT api.digitalocean.com:443──▶ proxy ──tunnel──▶ TLS front ──▶ fake API
//
// The proxy records every CONNECT and what the client sent into each tunnel; the TLS front holds
// a certificate for the API's host name from a CA made for the run, which the VS Code server
// trusts through NODE_EXTRA_CA_CERTS. The suite reads the records at GET <proxy>/__proxy/log.
import * as http from 'http';
import * as net from 'net';
import * as tls from 'tls';
import { makeTestCertificates } from './test-certificates';

export const API_HOST = 'api.digitalocean.com';
export const PROXY_LOG_PATH = '/__proxy/log';
/** The environment variable that tells the suite where the proxy is (and that it runs). */
export const PROXY_URL_ENV = 'DOI_PROXY_URL';
/** What the suite's title holds (DOI_TEST_GREP of that run). */
export const PROXY_SUITE_GREP = 'http.proxy';

export interface ProxyTunnel {
  /** host:port as the CONNECT line named it. */
  readonly target: string;
  /** Whether the proxy had a route for it (others are refused: this machine has no network). */
  readonly routed: boolean;
  /** The CONNECT request line and headers, as received. */
  readonly head: string;
  /** What the client sent into the tunnel, base64 (TLS records when all is well). */
  readonly sent: string;
}

export interface ProxyLog {
  readonly tunnels: readonly ProxyTunnel[];
  /** Requests sent to the proxy as plain HTTP (absolute-form), which it refuses. */
  readonly plainRequests: readonly string[];
  /** The server name (SNI) of each TLS connection the front accepted. */
  readonly tlsServerNames: readonly (string | false | null)[];
}

export interface ApiThroughProxy {
  /** User settings for the VS Code server: the proxy, and Node's CA list kept (with the test CA). */
  readonly settings: Record<string, unknown>;
  /** Environment for the VS Code server. */
  readonly env: NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

/** Sockets of a server (also those a CONNECT or a pipe took over), to end them all on stop. */
class SocketSet {
  private readonly sockets = new Set<net.Socket>();

  add(socket: net.Socket): void {
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
  }

  destroyAll(): void {
    this.sockets.forEach((socket) => socket.destroy());
  }
}

function listen(server: net.Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port));
  });
}

function close(server: net.Server, sockets: SocketSet): Promise<void> {
  sockets.destroyAll();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** Pipes two sockets into each other; either one failing or closing ends both. */
function join(a: net.Socket, b: net.Socket): void {
  a.pipe(b).pipe(a);
  for (const [one, other] of [[a, b], [b, a]]) {
    one.on('error', () => other.destroy());
    one.on('close', () => other.destroy());
  }
}

export async function serveApiThroughProxy(fakeApiUrl: string): Promise<ApiThroughProxy> {
  const certificates = makeTestCertificates(API_HOST);
  const tunnels: (Omit<ProxyTunnel, 'sent'> & { sent: Buffer[] })[] = [];
  const plainRequests: string[] = [];
  const tlsServerNames: (string | false | null)[] = [];
  const log = (): ProxyLog => ({
    tunnels: tunnels.map((tunnel) => ({ ...tunnel, sent: Buffer.concat(tunnel.sent).toString('base64') })),
    plainRequests,
    tlsServerNames,
  });
  const upstream = new URL(fakeApiUrl);

  const frontSockets = new SocketSet();
  const front = tls.createServer({ key: certificates.key, cert: certificates.cert }, (clear) => {
    tlsServerNames.push(clear.servername);
    const api = net.connect(Number(upstream.port), upstream.hostname);
    frontSockets.add(api);
    join(clear, api);
  });
  front.on('connection', (socket: net.Socket) => frontSockets.add(socket));
  const frontPort = await listen(front);

  const proxySockets = new SocketSet();
  const proxy = http.createServer((req, res) => {
    req.resume();
    if (req.method === 'GET' && req.url === PROXY_LOG_PATH) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(log()));
      return;
    }
    plainRequests.push(`${req.method} ${req.url}`);
    res.writeHead(502).end();
  });
  proxy.on('connection', (socket: net.Socket) => proxySockets.add(socket));
  proxy.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    const target = req.url ?? '';
    const routed = target === `${API_HOST}:443`;
    const headLines = [`${req.method} ${target} HTTP/${req.httpVersion}`];
    for (let i = 0; i < req.rawHeaders.length; i += 2) {
      headLines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
    }
    const tunnel = { target, routed, head: headLines.join('\r\n'), sent: [head] };
    tunnels.push(tunnel);
    client.on('error', () => client.destroy());
    if (!routed) {
      client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
      return;
    }
    const toFront = net.connect(frontPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      toFront.write(head);
      client.on('data', (chunk: Buffer) => tunnel.sent.push(chunk));
      join(client, toFront);
    });
    proxySockets.add(toFront);
    toFront.on('error', () => client.destroy());
  });
  const proxyPort = await listen(proxy);
  const proxyUrl = `http://127.0.0.1:${proxyPort}`;

  return {
    settings: { 'http.proxy': proxyUrl, 'http.systemCertificates': false },
    env: { NODE_EXTRA_CA_CERTS: certificates.caFile, [PROXY_URL_ENV]: proxyUrl },
    stop: async () => {
      await Promise.all([close(proxy, proxySockets), close(front, frontSockets)]);
      await certificates.remove();
    },
  };
}
