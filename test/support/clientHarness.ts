import { DigitalOceanClient } from '../../src/api/client';
import { Clock } from '../../src/api/clock';
import { ApiHttp, ApiHttpOptions } from '../../src/api/http';
import { KeyValueStore } from '../../src/storage/accountCache';
import { LogSink, Logger } from '../../src/util/logger';
import { Redactor } from '../../src/util/redact';

/** A clock whose sleeps return at once and move its time forward; it records every wait. */
export class ManualClock implements Clock {
  readonly sleeps: number[] = [];
  constructor(public time = Date.UTC(2026, 10, 24, 12, 0, 0)) {}
  now(): number {
    return this.time;
  }
  random(): number {
    return 0.5;
  }
  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.sleeps.push(ms);
    this.time += ms;
    if (signal?.aborted) {
      throw new Error('aborted');
    }
  }
}

/** A LogOutputChannel stand-in that keeps every line it was given. */
export function recordingSink(): LogSink & { readonly lines: string[] } {
  const lines: string[] = [];
  const record = (message: string) => {
    lines.push(message);
  };
  return { lines, trace: record, debug: record, info: record, warn: record, error: record, show: () => undefined };
}

export function memoryStore(): KeyValueStore & { readonly values: Map<string, unknown> } {
  const values = new Map<string, unknown>();
  return {
    values,
    get: <T>(key: string) => values.get(key) as T | undefined,
    update: async (key: string, value: unknown) => {
      if (value === undefined) {
        values.delete(key);
      } else {
        values.set(key, JSON.parse(JSON.stringify(value)));
      }
    },
  };
}

export interface ClientHarness {
  readonly client: DigitalOceanClient;
  readonly http: ApiHttp;
  readonly clock: ManualClock;
  readonly logger: Logger;
  readonly sink: ReturnType<typeof recordingSink>;
}

export function makeClient(baseUrl: string, options: Partial<ApiHttpOptions> = {}): ClientHarness {
  const clock = new ManualClock();
  const sink = recordingSink();
  const logger = new Logger(sink, new Redactor());
  const http = new ApiHttp({ baseUrl: () => baseUrl, userAgent: 'digitalocean-invoices-tests/1.0', logger, clock, timeoutMs: 2_000, ...options });
  return { client: new DigitalOceanClient(http), http, clock, logger, sink };
}
