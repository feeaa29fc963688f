import * as assert from 'assert';
import { Invoice } from '../../../src/api/types';
import { renderChartPage } from '../../../src/spendOverview/chartHtml';
import { buildChartModel } from '../../../src/spendOverview/chartModel';

function invoice(period: string, amount: string): Invoice {
  return { invoiceUuid: `uuid-${period}`, invoiceId: period.replace('-', ''), amount, period };
}

const INVOICES = Array.from({ length: 20 }, (_, index) => {
  const month = new Date(Date.UTC(2026, 9 - index, 1));
  return invoice(`${month.getUTCFullYear()}-${String(month.getUTCMonth() + 1).padStart(2, '0')}`, `${100 + index}.25`);
});
const PREVIEW: Invoice = { ...invoice('2026-11', '80.00'), invoiceUuid: 'preview-uuid' };
const PROJECTION = { actualCents: 8000n, projectedCents: 10000n, elapsedShare: 0.8 };

describe('spend chart', () => {
  it('draws the last 12 months oldest first, with the month in progress and its projection', () => {
    const model = buildChartModel(INVOICES, PREVIEW, PROJECTION, 0n, 12);
    assert.strictEqual(model.bars.length, 12);
    assert.strictEqual(model.bars[11].period, '2026-11');
    assert.strictEqual(model.bars[11].inProgress, true);
    assert.strictEqual(model.bars[11].projectedCents, 10000n);
    assert.strictEqual(model.bars[10].period, '2026-10');
    assert.strictEqual(model.bars[0].period, '2025-12');
    assert.strictEqual(model.hiddenMonths, 9);
    assert.strictEqual(model.maxCents, 11025n); // 2025-12: 110.25
  });

  it('shows more months when asked, and the budget in the scale', () => {
    const model = buildChartModel(INVOICES, PREVIEW, PROJECTION, 50000n, Number.MAX_SAFE_INTEGER);
    assert.strictEqual(model.bars.length, 21);
    assert.strictEqual(model.hiddenMonths, 0);
    assert.strictEqual(model.maxCents, 50000n);
  });

  it('leaves out malformed amounts and periods', () => {
    const model = buildChartModel([invoice('2026-01', 'abc'), invoice('January', '1.00'), invoice('2026-02', '2.00')], undefined, undefined, 0n, 12);
    assert.deepStrictEqual(model.bars.map((bar) => bar.period), ['2026-02']);
  });

  it('renders an accessible page with a strict CSP and nothing remote', () => {
    const model = buildChartModel(INVOICES, PREVIEW, PROJECTION, 12000n, 12);
    const html = renderChartPage({
      model, locale: 'en', nonce: 'NONCE123', cspSource: 'https://webview.source', scriptUri: 'https://webview.source/media/spendChart.js',
      styleUri: 'https://webview.source/media/spendChart.css', title: 'DigitalOcean Spend Overview',
    });
    assert.match(html, /default-src 'none'; style-src https:\/\/webview\.source; script-src 'nonce-NONCE123'/);
    assert.match(html, /<script nonce="NONCE123" src="https:\/\/webview\.source\/media\/spendChart\.js">/);
    const urls = html.match(/https?:\/\/[^\s"')]+/g) ?? [];
    assert.ok(urls.every((url) => url.startsWith('https://webview.source')), urls.join());
    assert.ok(!/<script>(?!<)/.test(html), 'no inline script without nonce');
    assert.strictEqual((html.match(/role="button" tabindex="0"/g) ?? []).length, 12);
    assert.match(html, /aria-label="November 2026: \$80\.00 so far, projected \$100\.00 \(month in progress\)"/);
    assert.match(html, /<th scope="row">October 2026<\/th>\s*<td>\$100\.25<\/td>/);
    assert.match(html, /class="budget"/);
    assert.match(html, /9 older months are loaded but not drawn/);
  });

  it('escapes text from the API', () => {
    const model = buildChartModel([{ ...invoice('2026-01', '1.00'), invoiceUuid: '"><script>alert(1)</script>' }], undefined, undefined, 0n, 12);
    const html = renderChartPage({ model, locale: 'en', nonce: 'n', cspSource: 'x', scriptUri: 'x', styleUri: 'x', title: 't' });
    assert.ok(!html.includes('<script>alert(1)'));
  });
});
