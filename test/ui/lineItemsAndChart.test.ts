// An invoice's line items grouped by product in the tree, and the spend overview webview.
import * as assert from 'assert';
import { BALANCE_ROW, invoiceRow, month, money, previewRow, productGroups } from './expected';
import { exactly, useWorkbench, VIEW_CONTAINER_TITLE } from './fixture';

/** The spend overview draws this many months. */
const CHART_MONTHS = 12;

describe('Line items and spend overview', () => {
  // The fake's newest invoice has 10,000 line items by default: a size that would dwarf the
  // other bars; the screenshots here should look like a real account.
  const ui = useWorkbench({ fakeApi: { largeInvoiceItems: 40 } });

  before(async () => {
    await ui.setApiToken();
    await ui.waitForTreeItem(exactly(previewRow(ui.fakeApi.api.data.preview)));
    // The balance row comes last and moves the others down: click rows once it is there.
    await ui.waitForTreeItem(BALANCE_ROW);
  });

  it('expands an invoice into its product groups', async () => {
    const invoice = ui.fakeApi.api.data.invoices[0];
    const row = await ui.waitForTreeItem(exactly(invoiceRow(invoice)));
    await row.click();
    await ui.treeItem(exactly(invoiceRow(invoice))).and(ui.page.locator('[aria-expanded="true"]')).waitFor();
    const expected = productGroups(invoice.items);
    assert.ok(expected.length > 1, 'the invoice has several products');
    for (const group of expected) {
      const groupRow = ui.treeItem(exactly(`${group.product} ${group.description}`));
      await groupRow.waitFor();
      assert.strictEqual(await groupRow.getAttribute('aria-level'), '2');
    }
    await ui.resizeSideBar(440);
    await ui.screenshot('8-line-items');
  });

  it('shows the spend overview as a bar chart and a table in a webview', async () => {
    const { preview, invoices } = ui.fakeApi.api.data;
    await ui.runCommand(`${VIEW_CONTAINER_TITLE}: Show Spend Overview`);
    const chart = await ui.waitForFrameWith('svg#chart g.bar');
    const months = [...invoices.slice(0, CHART_MONTHS - 1).reverse(), preview];
    const bars = chart.locator('svg#chart g.bar');
    await bars.nth(CHART_MONTHS - 1).waitFor();
    assert.strictEqual(await bars.count(), CHART_MONTHS);
    const barLabels = await bars.evaluateAll((elements) => elements.map((bar) => bar.getAttribute('aria-label') ?? ''));
    assert.deepStrictEqual(barLabels.slice(0, -1), months.slice(0, -1).map((invoice) => `${month(invoice)}: ${money(invoice.amount)}`));
    assert.ok(barLabels[CHART_MONTHS - 1].startsWith(`${month(preview)}: ${money(preview.amount)} so far`), barLabels[CHART_MONTHS - 1]);

    const tableRows = await chart.locator('table tbody tr').evaluateAll((rows) =>
      rows.map((row) => Array.from(row.querySelectorAll("th, td")).slice(0, 2).map((cell) => cell.textContent?.trim() ?? '')));
    assert.deepStrictEqual(tableRows, [...months].reverse().map((invoice) => [
      invoice === preview ? `${month(invoice)} in progress` : month(invoice),
      money(invoice.amount),
    ]));
    await ui.page.mouse.move(0, 0);
    await ui.screenshot('9-spend-overview-window');
    await ui.screenshot('9-spend-overview-editor', ui.page.locator('.part.editor'));
  });
});
