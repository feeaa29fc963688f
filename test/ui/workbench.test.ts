// UI smoke test: the workbench loads the extension and shows its view container.
import * as assert from 'assert';
import { useWorkbench, VIEW_CONTAINER_ID, VIEW_CONTAINER_TITLE } from './fixture';

describe('Workbench', () => {
  const ui = useWorkbench();

  it('shows the DigitalOcean Invoices container in the activity bar', async () => {
    const item = ui.activityBarItem();
    await item.waitFor();
    assert.strictEqual(await item.locator('a.action-label').getAttribute('aria-label'), VIEW_CONTAINER_TITLE);
    const view = await ui.openView();
    assert.strictEqual(await view.getAttribute('id'), `workbench.view.extension.${VIEW_CONTAINER_ID}`);
    await ui.screenshot('workbench-view-container');
  });
});
