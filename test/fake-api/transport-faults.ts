// Faults that break the HTTP exchange: error statuses, dropped or stalled connections,
// slow or cut bodies, and bodies that are not JSON at all.
import { ServerResponse } from 'http';
import { errorBody } from './errors';
import { Fault } from './faults';
import { Headers, jsonPayload, Payload, send } from './replies';
import { Scheduler } from './scheduler';

export interface Exchange {
  res: ServerResponse;
  /** Rate-limit and request-id headers. */
  headers: Headers;
  requestId: string;
  scheduler: Scheduler;
}

function proxyErrorPage(status: number): string {
  const title = `${status} ${status === 502 ? 'Bad Gateway' : status === 503 ? 'Service Temporarily Unavailable' : 'Error'}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n`
    + '<hr><center>cloudflare</center>\r\n</body>\r\n</html>\r\n';
}

function drip(fault: Fault, payload: Payload, exchange: Exchange): void {
  const { res, scheduler } = exchange;
  const chunk = fault.dripBytes ?? 16;
  res.writeHead(payload.status, { ...payload.headers, ...exchange.headers, 'content-length': String(payload.bytes.length) });
  res.flushHeaders();
  const sendFrom = (offset: number) => {
    if (res.destroyed) {
      return;
    }
    if (offset >= payload.bytes.length) {
      res.end();
      return;
    }
    res.write(payload.bytes.subarray(offset, offset + chunk));
    scheduler.after(fault.dripMs ?? 200, () => sendFrom(offset + chunk));
  };
  scheduler.after(fault.dripMs ?? 200, () => sendFrom(0));
}

/** Sends the normal response's headers but only the first half of its body, then ends cleanly. */
function truncated(payload: Payload, exchange: Exchange): void {
  exchange.res.writeHead(payload.status, { ...payload.headers, ...exchange.headers });
  exchange.res.end(payload.bytes.subarray(0, Math.floor(payload.bytes.length / 2)));
}

/** `normal` is what the request would have received without the fault. */
export function deliverTransportFault(fault: Fault, normal: Payload, base: Exchange): void {
  const status = fault.status ?? (fault.kind === 'html' ? 502 : 500);
  // A 429 reports the quota as used up unless the fault says otherwise.
  const limited: Headers = fault.kind === 'status' && status === 429 ? { 'ratelimit-remaining': '0' } : {};
  const exchange: Exchange = { ...base, headers: { ...base.headers, ...limited, ...fault.headers } };
  const { res, headers } = exchange;
  switch (fault.kind) {
    case 'status': {
      const body = fault.body !== undefined ? fault.body : errorBody(status, exchange.requestId);
      send(res, jsonPayload(status, body), headers);
      return;
    }
    case 'reset':
      res.socket?.resetAndDestroy();
      return;
    case 'hang':
      return;  // never answered; close() destroys the socket
    case 'drip':
      drip(fault, normal, exchange);
      return;
    case 'truncated':
      truncated(normal, exchange);
      return;
    case 'html':
      send(res, { status, headers: { 'content-type': 'text/html' }, bytes: Buffer.from(proxyErrorPage(status)) }, headers);
      return;
    case 'wrongContentType':
      send(res, { status: 200, headers: { 'content-type': 'text/plain' }, bytes: Buffer.from('OK') }, headers);
      return;
    default:
      throw new Error(`not a transport fault: ${fault.kind}`);
  }
}
