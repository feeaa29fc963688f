import { BillingAddress, Charge, InvoiceSummary } from '../../api/types';
import { escapeHtml as escape } from '../../util/html';
import { formatAmount } from '../../util/money';
import { formatPeriod } from '../../util/period';
import { l10n } from '../../util/l10n';
import { PanelPage } from '../../webview/panelDocument';

/** The summary page's own files, as webview URIs. */
export interface SummaryAssets {
  readonly styleUri: string;
  readonly scriptUri: string;
}

export interface SummaryPage {
  readonly summary: InvoiceSummary;
  /** The month in progress (the invoice preview): amounts are month to date. */
  readonly inProgress: boolean;
  readonly locale: string;
  readonly assets: SummaryAssets;
  /** Offer the PDF and CSV download buttons (closed invoices only). */
  readonly canDownload: boolean;
}

/** The panel's title: "Invoice December 2019" or "Invoice Preview March 2026". */
export function summaryTitle(period: string, inProgress: boolean, locale: string): string {
  const month = formatPeriod(period, locale);
  return inProgress ? l10n.t('Invoice Preview {0}', month) : l10n.t('Invoice {0}', month);
}

function addressLines(address: BillingAddress | undefined): string[] {
  if (!address) {
    return [];
  }
  const cityLine = [address.postalCode, address.city, address.region].map((part) => part.trim()).filter(Boolean).join(' ');
  return [address.addressLine1, address.addressLine2, cityLine, address.countryIso2Code].map((line) => line.trim()).filter(Boolean);
}

function summaryPage(title: string, assets: SummaryAssets, body: string): PanelPage {
  return { title, body, styles: [assets.styleUri], scripts: [assets.scriptUri] };
}

/** While the summary is on its way (the preview's takes a second or two). */
export function renderSummaryLoading(title: string, assets: SummaryAssets): PanelPage {
  return summaryPage(title, assets, `<main aria-busy="true">
<h1>${escape(title)}</h1>
<p class="loading" role="status">${escape(l10n.t('Loading the invoice summary…'))}</p>
</main>`);
}

/** The summary could not be loaded: why, and a way to try again. */
export function renderSummaryError(title: string, message: string, assets: SummaryAssets): PanelPage {
  return summaryPage(title, assets, `<main>
<h1>${escape(title)}</h1>
<p class="error" role="alert">${escape(message)}</p>
<p class="actions"><button type="button" data-command="retry">${escape(l10n.t('Retry'))}</button></p>
</main>`);
}

/** The page: who is billed, then every charge in one accessible table. */
export function renderSummaryPage(page: SummaryPage): PanelPage {
  const { summary, locale } = page;
  const money = (amount: string) => escape(formatAmount(amount, locale));
  const title = summaryTitle(summary.billingPeriod, page.inProgress, locale);
  const field = (name: string, value: string | undefined) =>
    value?.trim() ? `<dt>${escape(name)}</dt><dd>${escape(value)}</dd>` : '';
  const address = addressLines(summary.billingAddress);
  const billedTo = [
    field(l10n.t('Name'), summary.userName),
    field(l10n.t('Company'), summary.userCompany),
    field(l10n.t('Email'), summary.userEmail),
    address.length > 0 ? `<dt>${escape(l10n.t('Billing address'))}</dt><dd><address>${address.map(escape).join('<br>')}</address></dd>` : '',
  ].join('\n');
  const details = [
    field(l10n.t('Billing period'), formatPeriod(summary.billingPeriod, locale)),
    field(l10n.t('Invoice id'), summary.invoiceId),
    field(l10n.t('Invoice uuid'), summary.invoiceUuid),
  ].join('\n');

  const sectionRow = (fallbackName: string, charge: Charge | undefined) => charge
    ? `<tr class="section"><th scope="row" colspan="2">${escape(charge.name.trim() || fallbackName)}</th><td class="amount">${money(charge.amount)}</td></tr>`
    : '';
  const products = summary.productCharges;
  const productItems = (products?.items ?? []).map((item) => `<tr class="item">
  <th scope="row">${escape(item.name.trim() || l10n.t('(unnamed product)'))}</th>
  <td class="count">${escape(item.count)}</td>
  <td class="amount">${money(item.amount)}</td>
</tr>`);
  const chargeRows = [
    sectionRow(l10n.t('Product usage charges'), products),
    ...productItems,
    sectionRow(l10n.t('Overages'), summary.overages),
    sectionRow(l10n.t('Taxes'), summary.taxes),
    sectionRow(l10n.t('Credits and adjustments'), summary.creditsAndAdjustments),
  ].filter(Boolean);
  const totalLabel = page.inProgress ? l10n.t('Total so far') : l10n.t('Total');
  const downloads = page.canDownload
    ? `<p class="actions">
<button type="button" data-command="downloadPdf">${escape(l10n.t('Download PDF'))}</button>
<button type="button" data-command="downloadCsv">${escape(l10n.t('Download CSV'))}</button>
</p>`
    : '';

  const body = `<main>
<h1>${escape(title)}</h1>
${page.inProgress ? `<p class="note">${escape(l10n.t('The month is still in progress: the amounts are month to date and will change.'))}</p>` : ''}
${downloads}
<section aria-labelledby="details-heading">
<h2 id="details-heading">${escape(l10n.t('Invoice details'))}</h2>
<dl>
${details}
</dl>
</section>
<section aria-labelledby="billed-heading">
<h2 id="billed-heading">${escape(l10n.t('Billed to'))}</h2>
<dl>
${billedTo}
</dl>
</section>
<section aria-labelledby="charges-heading">
<h2 id="charges-heading">${escape(l10n.t('Charges'))}</h2>
<table>
<caption class="visually-hidden">${escape(l10n.t('Charges of {0}', title))}</caption>
<thead><tr><th scope="col">${escape(l10n.t('Charge'))}</th><th scope="col" class="count">${escape(l10n.t('Count'))}</th><th scope="col" class="amount">${escape(l10n.t('Amount'))}</th></tr></thead>
<tbody>
${chargeRows.length > 0 ? chargeRows.join('\n') : `<tr><td colspan="3">${escape(l10n.t('No charges listed.'))}</td></tr>`}
</tbody>
<tfoot><tr class="total"><th scope="row" colspan="2">${escape(totalLabel)}</th><td class="amount">${money(summary.amount)}</td></tr></tfoot>
</table>
</section>
</main>`;
  return summaryPage(title, page.assets, body);
}
