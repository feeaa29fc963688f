// The token box and the accounts, as a user meets them: a wrong token keeps the box open with
// the reason on it (no notification left behind), the same token added as a second account
// switches to the first, Clear API Token says what it did and the view's header lets go of
// the account's name, and the Switch picker marks the account without a token.
import * as assert from 'assert';
import { previewRow } from './expected';
import { exactly, FAKE_TOKEN, useWorkbench, VIEW_CONTAINER_TITLE } from './fixture';

const WORK_TOKEN = 'dop_v1_' + 'c0ffee'.repeat(10) + 'c0ff';
const WRONG_TOKEN = 'dop_v1_' + '9'.repeat(64);

describe('Token box and accounts', () => {
  const ui = useWorkbench({ fakeApi: { tokens: [FAKE_TOKEN, WORK_TOKEN] } });
  const command = (title: string) => ui.runCommand(`${VIEW_CONTAINER_TITLE}: ${title}`);
  const boxMessage = () => ui.page.locator('.quick-input-widget .quick-input-message');
  const toasts = () => ui.page.locator('.notifications-toasts .notification-toast');
  /** Answers the token box, once it has replaced the name box before it (the widget stays, its input changes type). */
  const answerToken = async (token: string) => {
    await ui.page.locator('.quick-input-widget .quick-input-box input[type="password"]').waitFor();
    await ui.answerInput(token);
  };
  const option = (name: string) => ui.page.locator('.quick-input-widget [role="option"]').filter({ hasText: name });
  /** Closes the open picker and waits until it is gone. */
  const closePicker = async () => {
    await ui.page.keyboard.press('Escape');
    await ui.inputBox().waitFor({ state: 'hidden' });
  };
  /** The Invoices view's header: its title and, with several accounts, the active one's name. */
  const header = () => ui.invoicesPane().locator('.pane-header');

  it('keeps the box open with the reason when DigitalOcean refuses a token, and takes the right one', async () => {
    await ui.openView();
    await command('Set API Token');
    await ui.answerInput(WRONG_TOKEN);
    await boxMessage().filter({ hasText: 'DigitalOcean did not accept this token: DigitalOcean rejected the API token (401 Unauthorized)' }).waitFor();
    assert.ok(await ui.inputBox().isVisible(), 'the box stays open');
    await ui.screenshot('token-refused');
    await ui.answerInput(FAKE_TOKEN);
    await ui.inputBox().waitFor({ state: 'hidden' });
    await ui.waitForTreeItem(exactly(previewRow(ui.fakeApi.api.data.preview)));
    // An error or warning, that is: the daily spend may tell of its alerts meanwhile.
    assert.strictEqual(await toasts().filter({ has: ui.page.locator('.codicon-error, .codicon-warning') }).count(), 0, 'no error notification to dismiss');
  });

  it('does not add the same token twice: says so and stays on the account that has it', async () => {
    await command('Add Account');
    await ui.answerInput('Again');
    await answerToken(FAKE_TOKEN);
    await ui.notification('This token is already the token of the account "Default"; switched to it.').waitFor();
    await command('Switch Account');
    await option('Default').waitFor(); // the picker reads the accounts' tokens before it opens
    const options = await ui.page.locator('.quick-input-widget [role="option"]').allTextContents();
    assert.ok(!options.some((text) => text.includes('Again')), options.join(' | '));
    await closePicker();
  });

  it('Clear API Token says what it did, the header lets go of the name, and the Switch picker marks the account', async () => {
    await command('Add Account');
    await ui.answerInput('Work');
    await answerToken(WORK_TOKEN);
    await header().filter({ hasText: 'Work' }).waitFor();
    await command('Clear API Token');
    await ui.notification('The API token of "Work" and its cached data were removed from VS Code.').waitFor();
    await ui.invoicesPane().locator('.welcome-view-content').waitFor();
    await header().filter({ hasNotText: 'Work' }).waitFor();
    await command('Switch Account');
    await option('Work').filter({ hasText: 'active · no API token' }).waitFor();
    assert.ok(!(await option('Default').textContent())?.includes('no API token'));
    await ui.screenshot('switch-picker-no-token');
    await closePicker();
  });
});
