// With DIGITALOCEAN_ACCESS_TOKEN set (as doctl users have it) and no token stored, the view
// opens with that token's data instead of the welcome text; Set API Token still sets the
// Default account's own token, which then takes over.
import { previewRow } from './expected';
import { exactly, FAKE_TOKEN, useWorkbench } from './fixture';

const OWN_TOKEN = 'dop_v1_' + 'c0ffee'.repeat(10) + 'c0ff';

describe('A token in the environment', () => {
  const ui = useWorkbench({ env: { DIGITALOCEAN_ACCESS_TOKEN: FAKE_TOKEN }, fakeApi: { tokens: [FAKE_TOKEN, OWN_TOKEN] } });
  const header = () => ui.invoicesPane().locator('.pane-header');
  const lastAuthorization = () => ui.fakeApi.api.requests[ui.fakeApi.api.requests.length - 1]?.authorization;

  it('shows the data of the environment\'s token at once, without the welcome text', async () => {
    await ui.waitForTreeItem(exactly(previewRow(ui.fakeApi.api.data.preview)));
    await header().filter({ hasText: 'Environment' }).waitFor();
    await ui.invoicesPane().locator('.welcome-view-content').waitFor({ state: 'hidden' });
  });

  it('still takes a token of its own for the Default account, which then shows', async () => {
    await ui.setApiToken(OWN_TOKEN);
    await header().filter({ hasText: 'Default' }).waitFor();
    await ui.waitForTreeItem(exactly(previewRow(ui.fakeApi.api.data.preview)));
    if (lastAuthorization() !== `Bearer ${OWN_TOKEN}`) {
      throw new Error(`the last request used ${lastAuthorization() === `Bearer ${FAKE_TOKEN}` ? 'the environment\'s token' : 'another token'}`);
    }
  });
});
