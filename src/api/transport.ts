import * as http from 'http';
import * as https from 'https';
import * as zlib from 'zlib';

/** One GET request, as the API client sends it. */
export interface TransportRequest {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Aborting it ends the request, also while the body is being read. */
  readonly signal: AbortSignal;
  /** A longer body (once decompressed) fails with the code ERR_BODY_TOO_LARGE. */
  readonly maxBodyBytes: number;
}

/** The status and headers of a response, and its body (read as it arrives). */
export interface TransportResponse {
  readonly status: number;
  /** A header by its lower-case name; repeated ones joined with ", ". */
  header(name: string): string | undefined;
  /** The whole body, decompressed; rejects when the connection ends before it does. */
  body(): Promise<Buffer>;
}

export type Transport = (request: TransportRequest) => Promise<TransportResponse>;

/** The encodings asked for: a page of 200 line items shrinks about tenfold. */
const DECODERS: Readonly<Record<string, () => zlib.Gunzip | zlib.BrotliDecompress>> = {
  gzip: () => zlib.createGunzip(),
  br: () => zlib.createBrotliDecompress(),
};
const ACCEPT_ENCODING = Object.keys(DECODERS).join(', ');

/**
 * GET over Node's http and https modules. VS Code patches those to honour the user's proxy
 * settings as long as no agent of one's own is passed, so none is. Redirects are never
 * followed (Node's http does not).
 */
export const nodeTransport: Transport = (request) =>
  new Promise((resolve, reject) => {
    const url = new URL(request.url);
    const get = url.protocol === 'https:' ? https.get : http.get;
    const headers = { ...request.headers, 'Accept-Encoding': ACCEPT_ENCODING };
    const sent = get(url, { headers, signal: request.signal }, (response) => {
      // Read at once, so that a connection failing before the caller asks still settles it.
      const body = readBody(response, request.maxBodyBytes);
      body.catch(() => undefined);
      resolve({
        status: response.statusCode ?? 0,
        header: (name) => joined(response.headers[name]),
        body: () => body,
      });
    });
    sent.on('error', reject);
  });

function joined(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

function readBody(response: http.IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const encoding = (response.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
    const decoder = encoding !== 'identity' && Object.hasOwn(DECODERS, encoding) ? DECODERS[encoding]() : undefined;
    if (encoding !== 'identity' && !decoder) {
      response.destroy();
      reject(withCode(new Error(`The response is encoded as "${encoding}", which was not asked for.`), 'ERR_CONTENT_ENCODING'));
      return;
    }
    let encodedBytes = 0;
    response.on('data', (chunk: Buffer) => (encodedBytes += chunk.length));
    decoder?.on('error', (error) => {
      response.destroy(); // the connection is of no more use
      // An empty body (a proxy's error, a 204) is no compressed stream: it is empty.
      if (encodedBytes === 0 && response.complete) {
        resolve(Buffer.alloc(0));
      } else {
        reject(error);
      }
    });
    const body = decoder ? response.pipe(decoder) : response;
    const chunks: Buffer[] = [];
    let size = 0;
    body.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        const tooLarge = withCode(new Error(`The response is larger than ${maxBytes} bytes.`), 'ERR_BODY_TOO_LARGE');
        response.destroy(tooLarge);
        decoder?.destroy(tooLarge);
        return;
      }
      chunks.push(chunk);
    });
    body.on('end', () => resolve(Buffer.concat(chunks, size)));
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
