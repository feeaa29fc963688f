/** How many requests the extension makes at once for one load, shared by every loader of pages. */

/** The most items the billing endpoints answer per page. */
export const MAX_PER_PAGE = 200;
/** Requests in flight at once for one load (line items, daily spend windows). */
export const MAX_PARALLEL_REQUESTS = 4;
/** Below this `ratelimit-remaining`, one request at a time and nothing asked for ahead. */
export const LOW_RATE_LIMIT = 50;

/** How many requests a load may have in flight now, by the latest rate-limit headers. */
export function parallelRequests(remaining: number | undefined, maxParallel = MAX_PARALLEL_REQUESTS, lowRateLimit = LOW_RATE_LIMIT): number {
  return remaining !== undefined && remaining < lowRateLimit ? 1 : maxParallel;
}
