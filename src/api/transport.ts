import * as http from 'http';
import * as https from 'https';

/** One GET request, as the API client sends it. */
export interface TransportRequest {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Aborting it ends the request, also while the body is being read. */
  readonly signal: AbortSignal;
  /** A longer body fails with the code ERR_BODY_TOO_LARGE. */
  readonly maxBodyBytes: number;
}

/** The status and headers of a response; the body is read on demand. */
export interface TransportResponse {
  readonly status: number;
  /** A header by its lower-case name; repeated ones joined with ", ". */
  header(name: string): string | undefined;
  /** The whole body; rejects when the connection ends before it does. */
  body(): Promise<Buffer>;
}

export type Transport = (request: TransportRequest) => Promise<TransportResponse>;

/**
 * GET over Node's http and https modules. VS Code patches those to honour the user's proxy
 * settings as long as no agent of one's own is passed, so none is. Redirects are never
 * followed (Node's http does not), and nothing asks for compression.
 */
export const nodeTransport: Transport = (request) =>
  new Promise((resolve, reject) => {
    const url = new URL(request.url);
    const get = url.protocol === 'https:' ? https.get : http.get;
    const sent = get(url, { headers: request.headers, signal: request.signal }, (response) => {
      resolve({
        status: response.statusCode ?? 0,
        header: (name) => joined(response.headers[name]),
        body: () => readBody(response, request.maxBodyBytes),
      });
    });
    sent.on('error', reject);
  });

function joined(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

function readBody(response: http.IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    response.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        response.destroy(withCode(new Error(`The response is larger than ${maxBytes} bytes.`), 'ERR_BODY_TOO_LARGE'));
        return;
      }
      chunks.push(chunk);
    });
    response.on('end', () => resolve(Buffer.concat(chunks, size)));
    response.on('error', reject);
    // A connection that ends before the announced length (or the last chunk) is no body.
    response.on('close', () => {
      if (!response.complete) {
        reject(withCode(new Error('The connection closed before the response ended.'), 'ECONNRESET'));
      }
    });
  });
}

function withCode(error: Error, code: string): Error {
  return Object.assign(error, { code });
}
