import { DigitalOceanClient } from '../api/client';
import { Invoice, InvoicesPage } from '../api/types';
import { ListPage, ListSnapshot, PagedList, SessionStateEnvironment } from '../paging/pagedList';
import { l10n } from '../util/l10n';

/** What the invoices list holds beside the invoices: the month in progress. */
export interface InvoiceExtra {
  readonly preview?: Invoice;
}

export type InvoiceList = PagedList<Invoice, InvoiceExtra>;
export type InvoiceSnapshot = ListSnapshot<Invoice, InvoiceExtra>;

export interface InvoiceListOptions extends SessionStateEnvironment {
  readonly client: DigitalOceanClient;
  readonly pageSize: () => number;
}

/** The session account's invoices, newest first, with the invoice preview that every page carries. */
export function createInvoiceList(options: InvoiceListOptions): InvoiceList {
  return new PagedList<Invoice, InvoiceExtra>({
    ...options,
    fetchPage: (page, call) => options.client.listInvoices(page, call).then(asListPage),
    keyOf: (invoice) => invoice.invoiceUuid,
    stuckMessage: () => l10n.t('The API returned a page with no new invoices; loading stopped.'),
    what: 'invoices',
    cacheSection: 'invoices',
    extraKeys: ['preview'],
  });
}

/** A page of invoices as the list keeps it; a page without a preview keeps the one already shown. */
export function asListPage(page: InvoicesPage): ListPage<Invoice, InvoiceExtra> {
  return { items: page.invoices, total: page.total, next: page.next, pagingProblem: page.pagingProblem, extra: page.preview ? { preview: page.preview } : {} };
}
