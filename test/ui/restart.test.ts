// After a restart the last known invoices and month-to-date show at once, marked as not
// refreshed yet, while the first refresh is still on its way (the fake API holds it). The token comes from
// DIGITALOCEAN_ACCESS_TOKEN (the read-only "Environment" account): the browser workbench keeps
// secrets in memory only, so a pasted token would not survive the reload here, as it does in
// VS Code desktop's keychain.
import { CACHE_PREFIXES, STATE_KEYS } from '../../src/storage/keys';
import { money, previewRow } from './expected';
import { exactly, FAKE_TOKEN, useWorkbench, VIEW_CONTAINER_TITLE } from './fixture';

describe('Restart: cached invoices show at once', () => {
  const ui = useWorkbench({ fakeApi: { largeInvoiceItems: 40 }, env: { DIGITALOCEAN_ACCESS_TOKEN: FAKE_TOKEN } });

  it('switches to the Environment account and shows its invoices', async () => {
    await ui.openView();
    await ui.runCommand(`${VIEW_CONTAINER_TITLE}: Switch Account`);
    await ui.page.locator('.quick-input-widget').getByRole('option', { name: /^Environment/ }).click();
    const { preview } = ui.fakeApi.api.data;
    await ui.waitForStatusBarText(money(preview.amount));
    await ui.waitForTreeItem(exactly(previewRow(preview)));
    // The reload reads what the workbench stored: wait until the shown data is there.
    await ui.waitForStoredState('the account shown and its caches', (state) => {
      const shown = state[STATE_KEYS.lastAccount];
      return typeof shown === 'string' && Object.values(CACHE_PREFIXES).every((prefix) => state[prefix + shown] !== undefined);
    });
  });

  it('after a reload shows the cached invoices and amount before the slow first refresh completes', async () => {
    const { preview } = ui.fakeApi.api.data;
    // The API answers nothing until the cached state has been seen: no timer to race.
    ui.fakeApi.api.hold();
    await ui.reloadWindow();
    await ui.openView();
    const stale = ui.invoicesPane().getByText(/Showing data from .*; not refreshed yet\./);
    await stale.waitFor();
    await ui.waitForTreeItem(exactly(previewRow(preview)));
    await ui.waitForStatusBarText(money(preview.amount));
    await ui.screenshot('restart-cached');

    // The message goes when the refresh has completed; the rows stay.
    ui.fakeApi.api.release();
    await stale.waitFor({ state: 'hidden' });
    await ui.waitForTreeItem(exactly(previewRow(preview)));
  });
});
