import type { Response } from 'node-fetch';
import { Readable } from 'stream';

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

/** The encodings asked for (node-fetch decodes them): a page of 200 line items shrinks about tenfold. */
const ACCEPT_ENCODING = 'gzip, br';
const READABLE_ENCODINGS = new Set(['identity', 'gzip', 'br']);

/** node-fetch's error types, given the codes of Node's own errors that the log and messages show. */
const CODE_OF_TYPE: ReadonlyMap<string | undefined, string> = new Map([['aborted', 'ABORT_ERR'], ['max-size', 'ERR_BODY_TOO_LARGE']]);

/**
 * GET with node-fetch, which goes over Node's http and https modules. VS Code patches those to
 * honour the user's proxy settings as long as no agent of one's own is passed, so none is.
 * Redirects are returned, never followed: the token stays with the configured API.
 */
/**
 * node-fetch and the Node modules under it are loaded with the first request, not with the
 * extension: activation does not wait for them (the bundle keeps them, evaluated on demand).
 */
let loadingFetch: Promise<typeof import('node-fetch').default> | undefined;
const loadFetch = () => (loadingFetch ??= import('node-fetch').then((module) => module.default));

export const nodeTransport: Transport = async (request) => {
  let response: Response;
  try {
    const fetch = await loadFetch();
    response = await fetch(request.url, {
      headers: { ...request.headers, 'Accept-Encoding': ACCEPT_ENCODING },
      signal: request.signal,
      redirect: 'manual',
      size: request.maxBodyBytes,
    });
  } catch (error) {
    throw withNodeCode(error);
  }
  // Read at once, so that a connection failing before the caller asks still settles it.
  const body = readBody(response);
  body.catch(() => undefined);
  return {
    status: response.status,
    header: (name) => response.headers.get(name) ?? undefined,
    body: () => body,
  };
};

async function readBody(response: Response): Promise<Buffer> {
  // node-fetch gives this header in lower case, and passes a body it cannot decode through as is.
  const encoding = response.headers.get('content-encoding') ?? 'identity';
  if (!READABLE_ENCODINGS.has(encoding)) {
    (response.body as Readable | null)?.destroy(); // the rest of it is of no use
    throw Object.assign(new Error(`The response is encoded as "${encoding}", which was not asked for.`), { code: 'ERR_CONTENT_ENCODING' });
  }
  try {
    return Buffer.from(await response.arrayBuffer());
  } catch (error) {
    // An empty body (a proxy's error page) is no compressed stream: it is empty.
    if (encoding !== 'identity' && response.headers.get('content-length') === '0') {
      return Buffer.alloc(0);
    }
    throw withNodeCode(error);
  }
}

function withNodeCode(error: unknown): unknown {
  const { code, type } = error as { code?: string; type?: string };
  const nodeCode = CODE_OF_TYPE.get(type);
  return code || !nodeCode ? error : Object.assign(error as object, { code: nodeCode });
}
