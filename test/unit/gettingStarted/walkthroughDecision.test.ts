import * as assert from 'assert';
import { walkthroughDecision } from '../../../src/gettingStarted/walkthroughDecision';
import { STATE_KEYS } from '../../../src/storage/keys';
import { memoryStore } from '../../support/clientHarness';

describe('when the walkthrough opens', () => {
  it('opens on the first start after the install, in a fresh profile', () => {
    assert.strictEqual(walkthroughDecision(memoryStore(), true), 'open');
  });

  it('does not open again once shown, whatever the setting', async () => {
    const store = memoryStore();
    await store.update(STATE_KEYS.walkthroughShown, true);
    assert.strictEqual(walkthroughDecision(store, true), 'shownBefore');
    assert.strictEqual(walkthroughDecision(store, false), 'shownBefore');
  });

  for (const key of [STATE_KEYS.accounts, STATE_KEYS.activeAccount, STATE_KEYS.lastAccount]) {
    it(`does not open after an update from a version without it (${key} stored)`, async () => {
      const store = memoryStore();
      await store.update(key, key === STATE_KEYS.accounts ? [{ id: 'default', name: 'Default' }] : 'default');
      assert.strictEqual(walkthroughDecision(store, true), 'updated');
    });
  }

  it('does not open when VS Code is told not to open walkthroughs on install', () => {
    assert.strictEqual(walkthroughDecision(memoryStore(), false), 'turnedOff');
  });

  it('opens when only unrelated data was stored (a download folder, caches)', async () => {
    const store = memoryStore();
    await store.update(STATE_KEYS.lastDownloadFolder, '/tmp');
    assert.strictEqual(walkthroughDecision(store, true), 'open');
  });
});
