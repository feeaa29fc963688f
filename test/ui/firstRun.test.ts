// A new user's first minutes, in a fresh profile: the welcome view, setting the token from
// the palette, the invoices and month-to-date spend, a refresh that brings a new amount, and
// a rejected token that shows an error row without hiding what was loaded.
import * as assert from 'assert';
import { BALANCE_ROW, invoiceRow, money, previewRow } from './expected';
import { exactly, FAKE_TOKEN, useWorkbench, VIEW_CONTAINER_TITLE } from './fixture';

const INVOICES_PATH = '/v2/customers/my/invoices';

describe('First run: token, invoices, month-to-date, refresh and errors', () => {
  // A newest invoice of usual size (the fake's default has 10,000 line items) for the screenshots.
  const ui = useWorkbench({ viewport: { width: 960, height: 600 }, fakeApi: { largeInvoiceItems: 40 } });
  const command = (title: string) => ui.runCommand(`${VIEW_CONTAINER_TITLE}: ${title}`);

  it('shows the welcome text and its Set API Token button in the DigitalOcean view', async () => {
    await ui.activityBarItem().click();
    await ui.openView();
    const welcome = ui.invoicesPane().locator('.welcome-view-content');
    await welcome.getByText('The extension needs a DigitalOcean API token with the billing:read scope').waitFor();
    await welcome.getByRole('button', { name: 'Set API Token', exact: true }).waitFor();
    await ui.screenshot('1-welcome');
  });

  it('takes the token from the palette in a password box', async () => {
    await command('Set API Token');
    const input = ui.inputBox();
    await input.waitFor();
    assert.strictEqual(await input.getAttribute('type'), 'password');
    await input.fill(FAKE_TOKEN);
    await ui.screenshot('2-token-input');
    await input.press('Enter');
    await input.waitFor({ state: 'hidden' });
  });

  it('lists the month in progress and the newest invoices with their amounts', async () => {
    const { preview, invoices } = ui.fakeApi.api.data;
    await ui.waitForTreeItem(exactly(previewRow(preview)));
    await ui.waitForTreeItem(BALANCE_ROW);
    for (const invoice of invoices.slice(0, 5)) {
      await ui.treeItem(exactly(invoiceRow(invoice))).waitFor();
    }
    const rows = (await ui.renderedTreeRows()).map((row) => row.label);
    const first = rows.indexOf(previewRow(preview));
    assert.deepStrictEqual(rows.slice(first, first + 4), [previewRow(preview), ...invoices.slice(0, 3).map(invoiceRow)], 'newest first');
    await ui.invoicesPane().locator('.welcome-view-content').waitFor({ state: 'hidden' });
  });

  it('shows the month-to-date amount in the status bar', async () => {
    const text = await ui.waitForStatusBarText(money(ui.fakeApi.api.data.preview.amount));
    assert.strictEqual(text, money(ui.fakeApi.api.data.preview.amount));
    await ui.resizeSideBar(520);
    await ui.screenshot('3-invoices');
  });

  it('shows the new month-to-date amount in the status bar and the tree after Refresh', async () => {
    const before = money(ui.fakeApi.api.data.preview.amount);
    ui.fakeApi.api.setPreviewAmount('1234.56');
    const { preview } = ui.fakeApi.api.data;
    assert.notStrictEqual(money(preview.amount), before);
    await command('Refresh');
    assert.strictEqual(await ui.waitForStatusBarText('$1,234.56'), '$1,234.56');
    await ui.waitForTreeItem(exactly(previewRow(preview)));
    await ui.screenshot('6-refreshed');
  });

  it('shows a rejected token as an error row with Set API Token, Retry and Show Log, keeping the invoices', async () => {
    const { preview, invoices } = ui.fakeApi.api.data;
    ui.fakeApi.api.addFault({ kind: 'status', status: 401, path: INVOICES_PATH });
    await command('Refresh');
    const error = await ui.waitForTreeItem(/^DigitalOcean rejected the API token \(401 Unauthorized\)/);
    assert.strictEqual(await error.getAttribute('aria-expanded'), 'true');
    await ui.treeItem(/^Show Log$/).waitFor();
    const rows = (await ui.renderedTreeRows()).map((row) => row.label);
    const at = rows.findIndex((label) => label.startsWith('DigitalOcean rejected the API token'));
    assert.deepStrictEqual(rows.slice(at + 1, at + 4), ['Set API Token', 'Retry', 'Show Log']);
    await ui.treeItem(exactly(previewRow(preview))).waitFor();
    await ui.treeItem(exactly(invoiceRow(invoices[0]))).waitFor();
    assert.strictEqual(await ui.waitForStatusBarText(money(preview.amount)), money(preview.amount));
    await ui.screenshot('7-error');
    await ui.screenshot('7-error-view', ui.invoicesPane());
  });

  it('clears the error row with its Retry action once the API accepts the token again', async () => {
    ui.fakeApi.api.clearFaults();
    await ui.treeItem(/^Retry$/).click();
    await ui.treeItem(/^DigitalOcean rejected the API token/).waitFor({ state: 'detached' });
    await ui.treeItem(exactly(previewRow(ui.fakeApi.api.data.preview))).waitFor();
  });
});
