// Rows with amounts in the side bar: the amount stays visible in a narrow side bar (every row
// that has one shows it first, at the default width and at 180 px, with long line item
// descriptions and the largest amounts of the fake account, its 10,000-item invoice), and a
// line item's context menu copies its description.
import * as assert from 'assert';
import { BALANCE_ROW, invoiceRow, previewRow } from './expected';
import { exactly, useWorkbench } from './fixture';

/** A label that is an amount and nothing else: "$1,234.56", "-$5.00". */
const AMOUNT = /^-?\$[\d,]+\.\d\d$/;

interface RowFit {
  readonly name: string;
  readonly label: string;
  /** The label (the amount) ends inside the row. */
  readonly labelShown: boolean;
  /** The description ends inside the row too. */
  readonly descriptionShown: boolean;
}

describe('Rows with amounts', () => {
  const ui = useWorkbench();

  before(async () => {
    await ui.setApiToken();
    await ui.waitForTreeItem(exactly(previewRow(ui.fakeApi.api.data.preview)));
    await ui.waitForTreeItem(BALANCE_ROW);
    // The daily spend's alerts come in last and move the rows below them: click once they are there.
    await ui.alertsRow().waitFor();
    const invoice = ui.fakeApi.api.data.invoices[0];
    await (await ui.waitForTreeItem(exactly(invoiceRow(invoice)))).click();
    // The first product group, once the items are loaded (a "Loading line items…" row stands there before).
    const firstGroup = ui.invoicesPane().locator('.monaco-list-row[aria-level="2"][aria-label$=" items"]').first();
    await firstGroup.click();
    await ui.invoicesPane().locator('.monaco-list-row[aria-level="3"]').first().waitFor();
  });

  /** The rendered rows that carry an amount, and whether their label and description fit. */
  async function amountRows(): Promise<RowFit[]> {
    const rows = await ui.invoicesPane().locator('.monaco-list-row[role="treeitem"]').evaluateAll((elements) => elements.map((row) => {
      const label = row.querySelector('.label-name');
      const description = row.querySelector('.label-description');
      const box = row.querySelector('.monaco-icon-label-container')?.getBoundingClientRect();
      const fits = (element: Element | null) => !!element && !!box && element.getBoundingClientRect().right <= box.right + 0.5;
      return { name: row.getAttribute('aria-label') ?? '', label: label?.textContent ?? '', labelShown: fits(label), descriptionShown: fits(description) };
    }));
    // Rows whose label is an amount: months, the balance, product groups and line items. (The
    // daily spend's alert rows are sentences that name an amount; they are not among them.)
    return rows.filter((row) => AMOUNT.test(row.label));
  }

  async function checkWidth(width: number | undefined): Promise<RowFit[]> {
    if (width) {
      await ui.resizeSideBar(width);
    }
    const rows = await amountRows();
    const amountOnlyInDescription = await ui.invoicesPane().locator('.monaco-list-row[role="treeitem"]').evaluateAll((elements) => elements
      .filter((row) => !/\$/.test(row.querySelector('.label-name')?.textContent ?? '') && /\$/.test(row.querySelector('.label-description')?.textContent ?? ''))
      .map((row) => row.getAttribute('aria-label') ?? ''));
    assert.deepStrictEqual(amountOnlyInDescription, [], 'rows that keep their amount behind the label');
    const levels = await ui.invoicesPane().locator('.monaco-list-row[role="treeitem"]').evaluateAll((elements) => new Set(elements.map((row) => row.getAttribute('aria-level'))).size);
    assert.ok(rows.length >= 10 && levels === 3, `months, groups and items are shown (${rows.length} rows with amounts)`);
    assert.deepStrictEqual(rows.filter((row) => !row.labelShown).map((row) => row.name), [], 'rows whose amount is cut off');
    await ui.screenshot(`narrow-side-bar-${width ?? 'default'}`, ui.page.locator('.part.sidebar'));
    return rows;
  }

  it('shows every amount at the default width', async () => {
    await checkWidth(undefined);
  });

  it('shows every amount at 180 px, where long descriptions are cut after it', async () => {
    const rows = await checkWidth(180);
    assert.ok(rows.some((row) => !row.descriptionShown), 'the side bar is narrow enough to cut descriptions');
    assert.ok(rows.some((row) => row.label === '$202,169.83' || row.label.length >= 11), `a large amount is among them: ${rows.map((row) => row.label).join(', ')}`);
  });

  it('copies a line item\'s description from its context menu', async () => {
    // The browser lets a page write to the clipboard only with this permission, and only while it has the focus.
    await ui.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(ui.page.url()).origin });
    await ui.page.bringToFront();
    const row = ui.invoicesPane().locator('.monaco-list-row[aria-level="3"]').first();
    const description = ((await row.getAttribute('aria-label')) ?? '').replace(/, [^,]+$/, '');
    await row.click({ button: 'right' });
    // The menu takes the keyboard at once; a mouse click that follows the right-click too quickly may be dropped.
    const entry = ui.page.locator('.context-view .action-item').filter({ hasText: 'Copy Line Item Description' });
    await entry.hover();
    await entry.and(ui.page.locator('.focused')).waitFor();
    await ui.page.keyboard.press('Enter');
    await ui.page.locator('.part.statusbar').filter({ hasText: `Copied the description ${description}.` }).waitFor();
    assert.strictEqual(await ui.page.evaluate(() => navigator.clipboard.readText()), description);
  });
});
