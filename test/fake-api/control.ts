// Test control over HTTP under /__fake/ (no auth, not recorded), for tests in other processes.
import { IncomingMessage, ServerResponse } from 'http';
import { Fault, parseFault } from './faults';
import { jsonPayload, send } from './replies';
import type { FakeDoApi } from './server';

const MAX_BODY_BYTES = 1_000_000;

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve(text.trim() === '' ? undefined : JSON.parse(text));
      } catch {
        reject(new Error('body is not valid JSON'));
      }
    });
    req.on('error', reject);
  });
}

function reply(res: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) {
    res.writeHead(status).end();
    return;
  }
  send(res, jsonPayload(status, body), {});
}

function field(body: unknown, name: string): unknown {
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
}

/** Data without the invoices' line items and the data points: GET /__fake/data?items=false. */
function withoutItems(api: FakeDoApi) {
  const { invoices, preview, insights, ...rest } = api.data;
  const strip = <T extends { items: unknown[] }>({ items, ...invoice }: T) => ({ ...invoice, itemCount: items.length });
  return {
    ...rest, invoices: invoices.map(strip), preview: strip(preview),
    insights: { team: insights.team, dataPointCount: insights.dataPoints.length },
  };
}

type Handler = (api: FakeDoApi, body: unknown, url: URL) => unknown;

const ROUTES: Record<string, Handler> = {
  'GET /__fake/faults': (api) => api.pendingFaults,
  'POST /__fake/faults': (api, body) => {
    const faults: Fault[] = (Array.isArray(body) ? body : [body]).map(parseFault);
    faults.forEach((fault) => api.addFault(fault));
    return { added: faults.length };
  },
  'DELETE /__fake/faults': (api) => api.clearFaults(),
  'POST /__fake/reset': (api) => api.reset(),
  'GET /__fake/requests': (api) => api.requests,
  'DELETE /__fake/requests': (api) => api.clearRequests(),
  'POST /__fake/preview': (api, body) => {
    api.setPreviewAmount(String(field(body, 'amount')));
    return api.data.preview;
  },
  'POST /__fake/latency': (api, body) => {
    api.setLatency(Number(field(body, 'ms')));
    return { ms: api.latency };
  },
  'POST /__fake/hold': (api) => api.hold(),
  'POST /__fake/release': (api) => api.release(),
  'GET /__fake/data': (api, _body, url) => (url.searchParams.get('items') === 'false' ? withoutItems(api) : api.data),
};

export function handleControl(api: FakeDoApi, req: IncomingMessage, res: ServerResponse, url: URL): void {
  const handler = ROUTES[`${req.method} ${url.pathname}`];
  if (!handler) {
    req.resume();
    reply(res, 404, { id: 'not_found', message: `no control route ${req.method} ${url.pathname}` });
    return;
  }
  readJson(req)
    .then((body) => reply(res, 200, handler(api, body, url) ?? { ok: true }))
    .catch((error: unknown) => reply(res, 400, { id: 'bad_request', message: error instanceof Error ? error.message : String(error) }));
}
