// After a restart the last known invoices and month-to-date show at once, marked as not
// refreshed yet, while the first refresh is still on its way. The token comes from
// DIGITALOCEAN_ACCESS_TOKEN (the read-only "Environment" account): the browser workbench keeps
// secrets in memory only, so a pasted token would not survive the reload here, as it does in
// VS Code desktop's keychain.
import { money, previewRow } from './expected';
import { exactly, FAKE_TOKEN, useWorkbench, VIEW_CONTAINER_TITLE } from './fixture';

const SLOW_API_MS = 6_000;

describe('Restart: cached invoices show at once', () => {
  const ui = useWorkbench({ fakeApi: { largeInvoiceItems: 40 }, env: { DIGITALOCEAN_ACCESS_TOKEN: FAKE_TOKEN } });

  it('switches to the Environment account and shows its invoices', async () => {
    await ui.openView();
    await ui.runCommand(`${VIEW_CONTAINER_TITLE}: Switch Account`);
    await ui.page.locator('.quick-input-widget').getByRole('option', { name: /^Environment/ }).click();
    const { preview } = ui.fakeApi.api.data;
    await ui.waitForStatusBarText(money(preview.amount));
    await ui.waitForTreeItem(exactly(previewRow(preview)));
  });

  it('after a reload shows the cached invoices and amount before the slow first refresh completes', async () => {
    const { preview } = ui.fakeApi.api.data;
    ui.fakeApi.api.setLatency(SLOW_API_MS);
    await ui.reloadWindow();
    await ui.openView();
    const stale = ui.invoicesPane().getByText(/Showing data from .*; not refreshed yet\./);
    await stale.waitFor();
    await ui.waitForTreeItem(exactly(previewRow(preview)));
    await ui.waitForStatusBarText(money(preview.amount));
    await ui.screenshot('restart-cached');

    // The message goes when the refresh has completed; the rows stay.
    await stale.waitFor({ state: 'hidden', timeout: SLOW_API_MS + 20_000 });
    await ui.waitForTreeItem(exactly(previewRow(preview)));
  });
});
