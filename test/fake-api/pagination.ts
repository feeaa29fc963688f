// `page`/`per_page` handling and the `links.pages` / `meta.total` envelope of list endpoints.

export const DEFAULT_PER_PAGE = 20;
export const MAX_PER_PAGE = 200;

export interface Paging {
  page: number;
  perPage: number;
}

export interface PageLinks {
  first?: string;
  prev?: string;
  next?: string;
  last?: string;
}

export interface Page<T> {
  items: T[];
  /** Absent when everything fits on the first page, as in the real API. */
  links?: { pages: PageLinks };
  meta: { total: number };
}

function integerParam(value: string | null): number | undefined {
  return value !== null && /^-?\d+$/.test(value.trim()) ? Number(value) : undefined;
}

/**
 * Out-of-range values are clamped rather than rejected: per_page into 1..200, page to at least 1;
 * missing or non-numeric values take the defaults (per_page 20, page 1).
 */
export function parsePaging(query: URLSearchParams): Paging {
  const perPage = integerParam(query.get('per_page')) ?? DEFAULT_PER_PAGE;
  const page = integerParam(query.get('page')) ?? 1;
  return { page: Math.max(1, page), perPage: Math.min(MAX_PER_PAGE, Math.max(1, perPage)) };
}

/** In the spec's format: 'https://api.digitalocean.com/v2/customers/my/invoices?page=2&per_page=2'. */
export function pageUrl(origin: string, path: string, page: number, perPage: number): string {
  return `${origin}${path}?page=${page}&per_page=${perPage}`;
}

export function lastPage(total: number, perPage: number): number {
  return Math.max(1, Math.ceil(total / perPage));
}

export function slicePage<T>(all: readonly T[], paging: Paging): T[] {
  const start = (paging.page - 1) * paging.perPage;
  return all.slice(start, start + paging.perPage);
}

export function paginate<T>(all: readonly T[], paging: Paging, origin: string, path: string): Page<T> {
  const last = lastPage(all.length, paging.perPage);
  const page: Page<T> = { items: slicePage(all, paging), meta: { total: all.length } };
  if (last === 1 && paging.page === 1) {
    return page;
  }
  const url = (n: number) => pageUrl(origin, path, n, paging.perPage);
  const pages: PageLinks = {};
  if (paging.page > 1) {
    pages.first = url(1);
    pages.prev = url(paging.page - 1);
  }
  if (paging.page < last) {
    pages.next = url(paging.page + 1);
    pages.last = url(last);
  }
  return { ...page, links: { pages } };
}
