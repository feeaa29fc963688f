import * as assert from 'assert';
import { InvoiceSummary } from '../../../src/api/types';
import { renderSummaryError, renderSummaryLoading, renderSummaryPage, SummaryPage, summaryTitle } from '../../../src/invoices/summary/summaryHtml';
import { panelDocument, PanelPage } from '../../../src/webview/panelDocument';

const SUMMARY: InvoiceSummary = {
  invoiceUuid: '22737513-0ea7-4206-8ceb-98a575af7681',
  invoiceId: '123456789',
  billingPeriod: '2020-01',
  amount: '27.13',
  userName: 'Sammy Shark',
  userCompany: 'DigitalOcean',
  userEmail: 'sammy@digitalocean.com',
  billingAddress: { addressLine1: '101 Shark Row', addressLine2: ' ', city: 'Atlantis', region: 'OC', postalCode: '12345', countryIso2Code: 'US' },
  productCharges: {
    name: 'Product usage charges',
    amount: '12.34',
    items: [{ name: 'Spaces Subscription', amount: '10.00', count: '1' }, { name: 'Database Clusters', amount: '2.34', count: '1' }],
  },
  overages: { name: 'Overages', amount: '3.45' },
  taxes: { name: 'Taxes', amount: '4.56' },
  creditsAndAdjustments: { name: 'Credits & adjustments', amount: '6.78' },
};

const ASSETS = { styleUri: 'https://webview.source/media/invoiceSummary.css', scriptUri: 'https://webview.source/media/webview/invoiceSummary.js' };

/** The document as the panel sets it. */
function documentOf(panelPage: PanelPage): string {
  return panelDocument({ ...panelPage, locale: 'en', nonce: 'NONCE123', cspSource: 'https://webview.source' });
}

function page(overrides: Partial<SummaryPage> = {}): string {
  return documentOf(renderSummaryPage({ summary: SUMMARY, inProgress: false, locale: 'en', assets: ASSETS, canDownload: true, ...overrides }));
}

describe('invoice summary page', () => {
  it('names the panel by month, and the preview as such', () => {
    assert.strictEqual(summaryTitle('2020-01', false, 'en'), 'Invoice January 2020');
    assert.strictEqual(summaryTitle('2026-03', true, 'en'), 'Invoice Preview March 2026');
    assert.strictEqual(summaryTitle('garbage', false, 'en'), 'Invoice garbage');
  });

  it('shows who is billed, every charge with its items, and the total', () => {
    const html = page();
    assert.match(html, /<h1>Invoice January 2020<\/h1>/);
    assert.match(html, /<dt>Billing period<\/dt><dd>January 2020<\/dd>/);
    assert.match(html, /<dt>Invoice id<\/dt><dd>123456789<\/dd>/);
    assert.match(html, /<dt>Name<\/dt><dd>Sammy Shark<\/dd>/);
    assert.match(html, /<dt>Company<\/dt><dd>DigitalOcean<\/dd>/);
    assert.match(html, /<dt>Email<\/dt><dd>sammy@digitalocean\.com<\/dd>/);
    assert.match(html, /<address>101 Shark Row<br>12345 Atlantis OC<br>US<\/address>/, 'a blank address line is left out');
    assert.match(html, /<th scope="row" colspan="2">Product usage charges<\/th><td class="amount">\$12\.34<\/td>/);
    assert.match(html, /<th scope="row">Spaces Subscription<\/th>\s*<td class="count">1<\/td>\s*<td class="amount">\$10\.00<\/td>/);
    assert.match(html, /<th scope="row">Database Clusters<\/th>\s*<td class="count">1<\/td>\s*<td class="amount">\$2\.34<\/td>/);
    assert.match(html, />Overages<\/th><td class="amount">\$3\.45</);
    assert.match(html, />Taxes<\/th><td class="amount">\$4\.56</);
    assert.match(html, />Credits &#38; adjustments<\/th><td class="amount">\$6\.78</);
    assert.match(html, /<tfoot><tr class="total"><th scope="row" colspan="2">Total<\/th><td class="amount">\$27\.13<\/td>/);
    assert.match(html, /data-command="downloadPdf"/);
    assert.match(html, /<caption class="visually-hidden">Charges of Invoice January 2020<\/caption>/);
  });

  it('has a strict CSP with a nonce and loads nothing remote', () => {
    const html = page();
    assert.match(html, /content="default-src 'none'; style-src https:\/\/webview\.source; script-src 'nonce-NONCE123';"/);
    assert.match(html, /<script nonce="NONCE123" src="https:\/\/webview\.source\/media\/webview\/invoiceSummary\.js"><\/script>/);
    assert.strictEqual((html.match(/<script/g) ?? []).length, 1);
    const urls = html.match(/https?:\/\/[^\s"')<]+/g) ?? [];
    assert.ok(urls.every((url) => url.startsWith('https://webview.source')), urls.join());
    assert.ok(!/\sstyle=/.test(html), 'no inline styles');
    assert.ok(!/\son[a-z]+=/i.test(html), 'no inline event handlers');
  });

  it('marks the month in progress and offers no downloads for it', () => {
    const html = page({ inProgress: true, canDownload: false });
    assert.match(html, /<h1>Invoice Preview January 2020<\/h1>/);
    assert.match(html, /amounts are month to date/);
    assert.match(html, />Total so far</);
    assert.ok(!html.includes('data-command'));
    assert.strictEqual((html.match(/<script nonce="NONCE123"/g) ?? []).length, 1, 'only the script that keeps the state for a reload');
  });

  it('shows a loading state while the summary is on its way, and a failure with Retry', () => {
    const loading = documentOf(renderSummaryLoading('Invoice Preview March 2026', ASSETS));
    assert.match(loading, /<main aria-busy="true">\s*<h1>Invoice Preview March 2026<\/h1>\s*<p class="loading" role="status">Loading the invoice summary…<\/p>/);
    assert.match(loading, /script-src 'nonce-NONCE123';/);
    const failed = documentOf(renderSummaryError('Invoice March 2026', 'Could not load <it>: 404', ASSETS));
    assert.match(failed, /<p class="error" role="alert">Could not load &#60;it&#62;: 404<\/p>/);
    assert.match(failed, /<button type="button" data-command="retry">Retry<\/button>/);
  });

  it('escapes text from the API', () => {
    const hostile = '<img src=x onerror="alert(1)">&\'';
    const html = page({
      summary: {
        ...SUMMARY, userName: hostile, userCompany: '</dd><script>alert(1)</script>', invoiceId: '"><b>',
        productCharges: { name: hostile, amount: '1.00', items: [{ name: '<b>bold</b>', amount: '1.00', count: '<i>2</i>' }] },
        billingAddress: { ...SUMMARY.billingAddress!, city: '<u>City</u>' },
      },
    });
    assert.ok(!html.includes('<img'));
    assert.ok(!html.includes('<b>'));
    assert.ok(!html.includes('<i>'));
    assert.ok(!html.includes('<u>'));
    assert.ok(!html.includes('<script>alert'));
    assert.ok(html.includes('&#60;img src=x onerror=&#34;alert(1)&#34;&#62;&#38;&#39;'));
  });

  it('leaves out absent sections and keeps malformed amounts readable', () => {
    const html = page({
      summary: {
        ...SUMMARY, amount: 'abc', userCompany: '', billingAddress: undefined, productCharges: undefined,
        overages: undefined, taxes: { name: '', amount: '' }, creditsAndAdjustments: undefined,
      },
    });
    assert.ok(!html.includes('<dt>Company</dt>'));
    assert.ok(!html.includes('Billing address'));
    assert.ok(!html.includes('Overages'));
    assert.match(html, />Taxes<\/th><td class="amount">—</, 'a nameless charge gets its section name');
    assert.match(html, />Total<\/th><td class="amount">abc</);
  });

  it('says so when nothing is charged', () => {
    const html = page({ summary: { ...SUMMARY, productCharges: undefined, overages: undefined, taxes: undefined, creditsAndAdjustments: undefined } });
    assert.match(html, /No charges listed\./);
  });
});
