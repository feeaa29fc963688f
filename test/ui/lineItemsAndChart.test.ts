// An invoice's line items grouped by product or by project in the tree, and the spend overview webview.
import * as assert from 'assert';
import { BALANCE_ROW, invoiceRow, month, money, previewRow, productGroups, projectGroups } from './expected';
import { exactly, useWorkbench, VIEW_CONTAINER_TITLE, waitUntil } from './fixture';
import { drawnAxis, paintedPixels } from './spendChart';

/** The spend overview draws this many months. */
const CHART_MONTHS = 12;

describe('Line items and spend overview', () => {
  // The fake's newest invoice has 10,000 line items by default: a size that would dwarf the
  // other bars; the screenshots here should look like a real account.
  const ui = useWorkbench({ fakeApi: { largeInvoiceItems: 40 } });

  before(async () => {
    await ui.setApiToken();
    await ui.waitForTreeItem(exactly(previewRow(ui.fakeApi.api.data.preview)));
    // The balance row and the daily spend's alerts come last and move the others down: click
    // rows once they are there.
    await ui.waitForTreeItem(BALANCE_ROW);
    await ui.alertsRow().waitFor();
  });

  /**
   * Reads every row of the tree, scrolling, until the groups' rows are all there (the rows
   * under the balance push some of them below the view's fold).
   */
  const groupRowsShown = (expected: { name: string; description: string }[]) => waitUntil('the group rows', async () => {
    const labels = new Set((await ui.collectTreeRows()).map((row) => row.label));
    return expected.every((group) => labels.has(`${group.name} ${group.description}`)) || undefined;
  });

  it('expands an invoice into its product groups', async () => {
    const invoice = ui.fakeApi.api.data.invoices[0];
    const row = await ui.waitForTreeItem(exactly(invoiceRow(invoice)));
    await row.click();
    await ui.treeItem(exactly(invoiceRow(invoice))).and(ui.page.locator('[aria-expanded="true"]')).waitFor();
    const expected = productGroups(invoice.items);
    assert.ok(expected.length > 1, 'the invoice has several products');
    const firstGroup = ui.treeItem(exactly(`${expected[0].name} ${expected[0].description}`));
    await firstGroup.waitFor();
    assert.strictEqual(await firstGroup.getAttribute('aria-level'), '2');
    await ui.resizeSideBar(440);
    await ui.screenshot('8-line-items');
    await groupRowsShown(expected);
  });

  it('switches the expanded invoice to projects and back with the title-bar toggle', async () => {
    const invoice = ui.fakeApi.api.data.invoices[0];
    const action = (title: string) => ui.invoicesPane().locator(`.pane-header .actions a.action-label[aria-label="${title}"]`);
    await ui.invoicesPane().hover();
    await action('Group Line Items by Project').click();
    await groupRowsShown(projectGroups(invoice.items));
    assert.strictEqual(await action('Group Line Items by Project').count(), 0, 'the toggle now offers the other grouping');
    await ui.screenshot('8-line-items-by-project');
    await ui.invoicesPane().hover();
    await action('Group Line Items by Product').click();
    await groupRowsShown(productGroups(invoice.items));
    await action('Group Line Items by Project').waitFor();
  });

  it('shows the spend overview as a chart with a value axis, and the table, in a webview', async () => {
    const { preview, invoices } = ui.fakeApi.api.data;
    await ui.runCommand(`${VIEW_CONTAINER_TITLE}: Show Spend Overview`);
    const chart = await ui.waitForFrameWith('canvas#chart[data-axis]');
    const months = [...invoices.slice(0, CHART_MONTHS - 1).reverse(), preview];
    const axis = await drawnAxis(chart);
    assert.ok(axis.length >= 3 && axis[0] === '$0', axis.join(' | '));
    assert.strictEqual(await chart.locator('canvas#chart').getAttribute('aria-label'),
      `Bar chart of the monthly spend from ${month(months[0])} to ${month(preview)}; value axis from $0 to ${axis[axis.length - 1]}.`);
    assert.ok(await paintedPixels(chart) > 1000, 'Chart.js has drawn on the canvas');

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
