// ratelimit-* headers. Like the real API, each request counts for one hour after it is made;
// the limit is reported but not enforced (script a 429 with a 'status' fault instead).

const WINDOW_MS = 3_600_000;

export interface RateLimitState {
  limit: number;
  remaining: number;
  /** Epoch seconds when the oldest counted request expires. */
  reset: number;
}

export class RateLimitWindow {
  private readonly hits: number[] = [];

  constructor(private readonly limit: number) {}

  hit(nowMs: number): RateLimitState {
    while (this.hits.length > 0 && this.hits[0] <= nowMs - WINDOW_MS) {
      this.hits.shift();
    }
    this.hits.push(nowMs);
    return {
      limit: this.limit,
      remaining: Math.max(0, this.limit - this.hits.length),
      reset: Math.ceil((this.hits[0] + WINDOW_MS) / 1000),
    };
  }

  clear(): void {
    this.hits.length = 0;
  }
}
