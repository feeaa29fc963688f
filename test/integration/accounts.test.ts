import * as assert from 'assert';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/extension';
import { DEFAULT_ACCOUNT_ID } from '../../src/auth/accounts';
import { tokenFingerprint } from '../../src/auth/token';
import { FAKE_TOKEN, FakeDoApi } from '../fake-api/server';
import { extensionApi, setSetting, waitFor } from './support';

const WORK_TOKEN = 'dop_v1_' + 'c0ffee'.repeat(10) + 'c0ff';

describe('Several accounts, budget and chart in the extension host', function () {
  this.timeout(60_000);
  let api: TestApi;
  let fake: FakeDoApi;

  before(async () => {
    fake = new FakeDoApi({ tokens: [FAKE_TOKEN, WORK_TOKEN] });
    await setSetting('apiUrl', await fake.start());
    api = await extensionApi();
    assert.strictEqual(await api.setToken(FAKE_TOKEN), 'saved');
  });

  after(async () => {
    for (const account of api.accounts.list().filter((candidate) => candidate.id !== DEFAULT_ACCOUNT_ID && !candidate.fromEnvironment)) {
      await api.accounts.remove(account.id);
    }
    await api.accounts.setActive(DEFAULT_ACCOUNT_ID);
    await api.clearToken();
    await setSetting('monthlyBudget', undefined);
    await fake.close();
  });

  const lastAuthorization = () => fake.requests[fake.requests.length - 1]?.authorization;

  it('adds an account, switches to it and fetches with its own token', async () => {
    fake.clearRequests();
    const work = await api.accounts.add('Work', WORK_TOKEN);
    assert.strictEqual(api.accounts.active.id, work.id);
    await waitFor('a request with the Work token', () => lastAuthorization() === `Bearer ${WORK_TOKEN}` && !api.state.snapshot.activity);
    assert.strictEqual(api.view.treeView.description, 'Work');
    const tooltip = api.statusBar.item.tooltip as vscode.MarkdownString;
    assert.match(tooltip.value, /Work/);
    assert.match(tooltip.value, /command:digitaloceanInvoices\.switchAccount/);
  });

  it('keeps one cache per account and shows it at once on a switch back', async () => {
    const keys = api.globalState.keys();
    assert.ok(keys.some((key) => key.endsWith(tokenFingerprint(FAKE_TOKEN))));
    assert.ok(keys.some((key) => key.endsWith(tokenFingerprint(WORK_TOKEN))));
    fake.clearRequests();
    fake.setLatency(400);
    await api.accounts.setActive(DEFAULT_ACCOUNT_ID);
    await waitFor('the Default account\'s cached invoices', () => api.state.snapshot.stale && api.state.snapshot.invoices.length > 0);
    await waitFor('its refresh', () => !api.state.snapshot.stale && !api.state.snapshot.activity);
    assert.strictEqual(lastAuthorization(), `Bearer ${FAKE_TOKEN}`);
    fake.setLatency(0);
  });

  it('a switch cancels the old account\'s request and drops its result', async () => {
    fake.setLatency(300);
    const work = api.accounts.list().find((account) => account.name === 'Work')!;
    await api.accounts.setActive(work.id);
    await waitFor('the Work refresh to start', () => api.state.snapshot.activity === 'refreshing');
    await api.accounts.setActive(DEFAULT_ACCOUNT_ID);
    await waitFor('settled', () => !api.state.snapshot.activity && !api.state.snapshot.stale);
    fake.setLatency(0);
    assert.strictEqual(api.state.snapshot.error, undefined);
    assert.strictEqual(api.accounts.active.id, DEFAULT_ACCOUNT_ID);
    assert.strictEqual(api.view.treeView.description, 'Default');
  });

  it('colours the status bar at the budget warning share and says when the budget is passed', async () => {
    const preview = Number(fake.data.preview.amount);
    await setSetting('monthlyBudget', Math.max(1, Math.floor(preview * 0.9)));
    await waitFor('the warning colour', () => api.statusBar.item.backgroundColor?.id === 'statusBarItem.warningBackground');
    const tooltip = (api.statusBar.item.tooltip as vscode.MarkdownString).value;
    assert.match(tooltip, /Projected month-end total/);
    assert.match(tooltip, /Month-to-date spend is over the budget/);
    await vscode.commands.executeCommand('digitaloceanInvoices.refresh');
    await waitFor('one budget notification recorded', () => {
      const notified = api.globalState.get<Record<string, string>>('digitaloceanInvoices.budgetNotified');
      return notified?.[DEFAULT_ACCOUNT_ID] === fake.data.preview.invoice_period;
    });
    await setSetting('monthlyBudget', preview * 100);
    await waitFor('the normal colour', () => api.statusBar.item.backgroundColor === undefined);
  });

  it('opens the spend overview webview', async () => {
    await vscode.commands.executeCommand('digitaloceanInvoices.showSpendOverview');
    await waitFor('the panel', () => vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) => tab.label === 'DigitalOcean Spend Overview')));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
