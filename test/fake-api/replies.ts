// Turning an ApiResult into bytes on the wire.
import { ServerResponse } from 'http';
import { gzipSync } from 'zlib';
import { ApiResult } from './routes';

export type Headers = Record<string, string>;

export interface Payload {
  status: number;
  headers: Headers;
  bytes: Buffer;
}

export const JSON_TYPE = 'application/json; charset=utf-8';

export function jsonPayload(status: number, body: unknown): Payload {
  return { status, headers: { 'content-type': JSON_TYPE }, bytes: Buffer.from(JSON.stringify(body)) };
}

export function payloadOf(result: ApiResult): Payload {
  if (result.type === 'json') {
    return jsonPayload(result.status, result.body);
  }
  return {
    status: result.status,
    headers: { 'content-type': result.contentType, 'content-disposition': `attachment; filename="${result.fileName}"` },
    bytes: result.bytes,
  };
}

/** As the API's edge does: a JSON body is gzip-compressed for a client that asks for it. */
export function encodedFor(acceptEncoding: string | undefined, payload: Payload): Payload {
  if (!/\bjson\b/.test(payload.headers['content-type'] ?? '') || !/\bgzip\b/i.test(acceptEncoding ?? '')) {
    return payload;
  }
  return { ...payload, headers: { ...payload.headers, 'content-encoding': 'gzip', vary: 'Accept-Encoding' }, bytes: gzipSync(payload.bytes) };
}

/** Sends a complete response; `headers` override the payload's own. */
export function send(res: ServerResponse, payload: Payload, headers: Headers): void {
  if (res.destroyed) {
    return;
  }
  res.writeHead(payload.status, { ...payload.headers, ...headers, 'content-length': String(payload.bytes.length) });
  res.end(payload.bytes);
}
