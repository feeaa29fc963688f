// How many requests a client keeps in flight, seen from the client and from the fake API.
import { Transport, nodeTransport } from '../../src/api/transport';
import { RecordedRequest } from '../fake-api/server';

/** A transport that counts the requests in flight: from sending until the body has been read. */
export function countingTransport() {
  const stats = { inFlight: 0, max: 0, started: 0 };
  const transport: Transport = async (request) => {
    stats.started++;
    stats.inFlight++;
    stats.max = Math.max(stats.max, stats.inFlight);
    try {
      const response = await nodeTransport(request);
      return { ...response, body: () => response.body().finally(() => stats.inFlight--) };
    } catch (error) {
      stats.inFlight--;
      throw error;
    }
  };
  return { stats, transport };
}

/**
 * The most requests the fake was serving at once, from its arrival times: with a latency of
 * `latencyMs` each request is open for at least that long after it arrives.
 */
export function serverConcurrency(requests: readonly RecordedRequest[], latencyMs: number): number {
  const window = latencyMs - 2;
  return Math.max(...requests.map((request) => requests.filter((other) => other.at <= request.at && request.at < other.at + window).length));
}
