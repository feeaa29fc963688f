// "Load more…" until every invoice of the account is in the view, each exactly once. A small
// page size gives several pages, and the list is longer than the view, so rows are collected
// by scrolling the (virtualized) tree.
import * as assert from 'assert';
import { BALANCE_ROW, INVOICE_ROW, invoiceRow, previewRow } from './expected';
import { exactly, useWorkbench } from './fixture';

const PAGE_SIZE = 6;

describe('Load more', () => {
  const ui = useWorkbench({ settings: { 'digitaloceanInvoices.pageSize': PAGE_SIZE } });

  /** The tree row that has the keyboard focus. */
  const focusedRow = () => ui.invoicesPane().locator('.monaco-list-row.focused');

  it('Enter on "Load more…" keeps the focus in the list, on the first invoice it loaded', async () => {
    const { preview, invoices } = ui.fakeApi.api.data;
    await ui.setApiToken();
    await ui.waitForTreeItem(exactly(previewRow(preview)));
    const balance = await ui.waitForTreeItem(BALANCE_ROW);
    await balance.click(); // the tree has the focus now (the balance row neither expands nor runs a command)
    await ui.page.keyboard.press('End');
    await focusedRow().and(ui.page.locator('[aria-label^="Load more…"]')).waitFor();
    await ui.page.keyboard.press('Enter');
    await focusedRow().and(ui.page.locator(`[aria-label="${invoiceRow(invoices[PAGE_SIZE])}"]`)).waitFor();
    await ui.page.keyboard.press('ArrowDown');
    await focusedRow().and(ui.page.locator(`[aria-label="${invoiceRow(invoices[PAGE_SIZE + 1])}"]`)).waitFor();
  });

  it('loads every invoice page by page and lists each invoice once', async () => {
    const { preview, invoices } = ui.fakeApi.api.data;
    const total = invoices.length;

    const progress: string[] = [];
    for (;;) {
      const last = await ui.scrollTreeToEnd();
      const label = (await last.getAttribute('aria-label')) ?? '';
      if (!label.startsWith('Load more…')) {
        break;
      }
      progress.push(label);
      const index = await last.getAttribute('data-index');
      await last.click();
      // The clicked row turns into "Loading…", then into the first invoice of the new page.
      await ui.invoicesPane().locator(`.monaco-list-row[data-index="${index}"]:not([aria-label^="Load"])`).first().waitFor();
    }
    // The test before loaded page 2.
    const loaded = Array.from({ length: Math.ceil(total / PAGE_SIZE) - 2 }, (_, page) => `Load more… ${(page + 2) * PAGE_SIZE} of ${total} loaded`);
    assert.deepStrictEqual(progress, loaded);
    await ui.screenshot('4-all-loaded');

    const rows = await ui.collectTreeRows();
    assert.deepStrictEqual(rows.map((row) => row.index), rows.map((_, index) => index), 'every row seen');
    // The invoice rows ("October 2026, $12.34"), without the balance and the daily spend's alert rows above them.
    const labels = rows.map((row) => row.label).filter((label) => INVOICE_ROW.test(label));
    assert.deepStrictEqual(labels, [previewRow(preview), ...invoices.map(invoiceRow)]);
    assert.strictEqual(new Set(labels).size, total + 1, 'no invoice twice');
    assert.ok(rows.length > (await ui.renderedTreeRows()).length, 'the list is longer than the view');
  });
});
