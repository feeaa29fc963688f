import { ApiHttp, CallOptions } from './http';
import { parseInvoicesPage } from './parse';
import { InvoicesPage, PageRef } from './types';

export const INVOICES_PATH = '/v2/customers/my/invoices';

/** DigitalOcean's billing endpoints, as typed calls. */
export class DigitalOceanClient {
  constructor(readonly http: ApiHttp) {}

  /** One page of invoices; every page also carries the invoice preview (month to date). */
  async listInvoices(page: PageRef, call: CallOptions): Promise<InvoicesPage> {
    const response = await this.http.getJson(INVOICES_PATH, { page: page.page, per_page: page.perPage }, call);
    return parseInvoicesPage(response.body, page, response.status);
  }
}
