// The sandbox as `npm start` runs it (test/host/sandbox-server.ts), used the way a person tries
// it: the walkthrough on the first start, the sandbox account's data with no token pasted, all
// of it still there after "Developer: Reload Window" (and the walkthrough not again), the
// printed token set and kept over a reload, and the commands that need a dialog: Remove Account through its
// confirmation, Open Billing Page through the browser's "open external website" question, and
// a download through the save dialog, offering only what works in a browser.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SANDBOX_PASTE_TOKEN } from '../host/sandbox-server';
import { money, previewRow } from './expected';
import { exactly, useWorkbench, VIEW_CONTAINER_TITLE, waitUntil } from './fixture';

const WALKTHROUGH_HEADING = 'Get Started with DigitalOcean Invoices';
const WALKTHROUGH_LOG = /Getting started walkthrough: (.*)\./;
/** A third token the fake API accepts, for an account added and removed. */
const WORK_TOKEN = 'dop_v1_' + 'b0a710ad'.repeat(8);

describe('Sandbox (npm start): signed in at once, kept over reloads, dialogs answered', () => {
  // The save dialog suggests the extension host's ~/Downloads or ~: a home of its own here.
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'doi-sandbox-home-'));
  const ui = useWorkbench({ sandbox: true, fakeApi: { largeInvoiceItems: 40, tokens: [WORK_TOKEN] }, env: { HOME: home } });
  after(() => fs.rmSync(home, { recursive: true, force: true }));
  const command = (title: string) => ui.runCommand(`${VIEW_CONTAINER_TITLE}: ${title}`);
  const walkthrough = () => ui.page.locator('.part.editor .gettingStartedContainer').getByText(WALKTHROUGH_HEADING);
  const dialog = () => ui.page.locator('.monaco-dialog-box');
  const header = () => ui.invoicesPane().locator('.pane-header');
  const lastAuthorization = () => ui.fakeApi.api.requests.at(-1)?.authorization;
  /** The input box or quick pick open now, by its title (one widget serves them all in turn). */
  const titled = (title: string) => ui.page.locator('.quick-input-widget .quick-input-title').getByText(title, { exact: true });
  /** What this window's extension host decided about the walkthrough, from the extension's log. */
  const walkthroughDecision = () => waitUntil('the walkthrough decision in the log', async () => WALKTHROUGH_LOG.exec(ui.extensionLog())?.[1]);
  const accountNames = async (): Promise<string[]> => {
    await command('Switch Account');
    const options = ui.page.locator('.quick-input-widget').getByRole('option');
    await options.first().waitFor();
    const names = await options.evaluateAll((rows) => rows.map((row) => row.querySelector('.label-name')?.textContent?.trim() ?? ''));
    await ui.page.keyboard.press('Escape');
    return names;
  };
  const showsSandboxData = async () => {
    const { preview } = ui.fakeApi.api.data;
    assert.strictEqual(await ui.waitForStatusBarText(money(preview.amount)), money(preview.amount));
    await ui.waitForTreeItem(exactly(previewRow(preview)));
  };

  it('opens the Getting Started walkthrough on the first start', async () => {
    await walkthrough().waitFor();
    assert.strictEqual(await walkthroughDecision(), 'opened on the first start');
    for (const step of ['Create a read-only API token', 'Set the token', 'See the month to date', 'Set a monthly budget', 'Open the spend overview']) {
      await ui.page.locator('.part.editor .getting-started-step').getByText(step, { exact: true }).waitFor();
    }
    await ui.screenshot('sandbox-walkthrough');
  });

  it('shows the sandbox account\'s invoices and month to date without a token pasted', async () => {
    await showsSandboxData().catch(async (error: unknown) => {
      // Say so when the cause is that the Environment account is not the one chosen at start.
      await ui.openView();
      if (await ui.invoicesPane().locator('.welcome-view-content').isVisible()) {
        throw new Error('The view asks for a token: the Environment account (DIGITALOCEAN_ACCESS_TOKEN) is not the active one '
          + 'at a first start with no token stored (issue 13, "Accounts and token").', { cause: error });
      }
      throw error;
    });
    await header().getByText('Environment').waitFor();
    await ui.invoicesPane().locator('.welcome-view-content').waitFor({ state: 'hidden' });
    await ui.screenshot('sandbox-start');
  });

  it('keeps them over Developer: Reload Window, and does not open the walkthrough again', async () => {
    await ui.runCommand('View: Close All Editors');
    await walkthrough().waitFor({ state: 'detached' });
    await ui.reloadWindow();
    await showsSandboxData();
    assert.strictEqual(await walkthroughDecision(), 'not opened (shownBefore)');
    assert.strictEqual(await walkthrough().count(), 0);
  });

  it('keeps a token set with Set API Token (the printed one) over a reload', async () => {
    await command('Set API Token');
    await titled('Set DigitalOcean API Token').waitFor();
    await ui.answerInput(SANDBOX_PASTE_TOKEN);
    await ui.inputBox().waitFor({ state: 'hidden' });
    await header().getByText('Default').waitFor();
    await showsSandboxData();
    await ui.reloadWindow();
    await header().getByText('Default').waitFor();
    await showsSandboxData();
    // The Default account's own token, kept in the browser's secret storage, not the environment's.
    await waitUntil('a request with the token set', async () => (lastAuthorization() === `Bearer ${SANDBOX_PASTE_TOKEN}` ? true : undefined));
  });

  it('removes an account through its confirmation dialog', async () => {
    await command('Add Account');
    await titled('Add DigitalOcean Account').waitFor();
    await ui.answerInput('Work');
    await titled('API Token for "Work"').waitFor();
    await ui.answerInput(WORK_TOKEN);
    await ui.inputBox().waitFor({ state: 'hidden' });
    await header().getByText('Work').waitFor();
    await command('Remove Account');
    await ui.page.locator('.quick-input-widget').getByRole('option', { name: /^Work/ }).click();
    await dialog().getByText('Remove the account "Work"?').waitFor();
    await ui.screenshot('sandbox-remove-account');
    await dialog().getByRole('button', { name: 'Remove', exact: true }).click();
    await dialog().waitFor({ state: 'detached' });
    await header().getByText('Work').waitFor({ state: 'detached' });
    assert.ok(!(await accountNames()).includes('Work'), 'Work is gone from the accounts');
  });

  it('asks before Open Billing Page in Browser opens the external website', async () => {
    await command('Open Billing Page in Browser');
    await dialog().getByText('cloud.digitalocean.com').first().waitFor();
    await dialog().getByRole('button', { name: 'Cancel', exact: true }).click();
    await dialog().waitFor({ state: 'detached' });
  });

  it('saves an invoice CSV through the save dialog and offers Open and Reveal in Explorer, not the operating system', async () => {
    const invoice = ui.fakeApi.api.data.invoices[0];
    const file = path.join(ui.server.workspaceDir, 'sandbox-invoice.csv');
    await command('Download Invoice CSV');
    await titled('Download Invoice CSV').waitFor();
    await ui.page.locator('.quick-input-widget').getByRole('option').first().click();
    // The browser's save dialog is VS Code's own: a path in an input box. It fills in the
    // suggested path once it has listed that folder, and lists the folder typed (the empty
    // workspace: only "..") before it takes Enter.
    await titled('Save Invoice CSV').waitFor();
    const listed = ui.page.locator('.quick-input-widget').getByRole('option');
    const dialogShows = (value: RegExp | string, rows?: string) => waitUntil(`the save dialog at ${value}`, async () => {
      const current = await ui.inputBox().inputValue();
      const shown = (await listed.evaluateAll((options) => options.map((option) => option.getAttribute('aria-label')))).join('|');
      return (typeof value === 'string' ? current === value : value.test(current)) && (rows === undefined || shown === rows) ? true : undefined;
    });
    await dialogShows(/DigitalOcean-Invoice-\d{4}-\d{2}\.csv$/);
    await ui.inputBox().fill(file);
    await dialogShows(file, '..');
    await ui.inputBox().press('Enter');
    const saved = ui.notification('Saved sandbox-invoice.csv.');
    await saved.waitFor();
    const buttons = await saved.locator('.notification-list-item-buttons-container .monaco-button').allTextContents();
    assert.deepStrictEqual(buttons.map((text) => text.trim()), ['Open', 'Reveal in Explorer']);
    assert.ok(fs.readFileSync(file, 'utf8').length > 0, `the CSV of ${invoice.invoice_period} is saved`);
    await saved.getByRole('button', { name: 'Reveal in Explorer' }).click();
    await ui.page.locator('.part.sidebar .explorer-folders-view .monaco-list-row.selected').filter({ hasText: 'sandbox-invoice.csv' }).waitFor();
    await ui.screenshot('sandbox-download-revealed');
  });
});
