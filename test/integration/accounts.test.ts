import * as assert from 'assert';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/extension';
import { DEFAULT_ACCOUNT_ID } from '../../src/auth/accounts';
import { tokenFingerprint } from '../../src/auth/token';
import { FAKE_TOKEN, FakeDoApi } from '../fake-api/server';
import { describeState, extensionApi, markdownText, setSetting, useApiUrl, waitFor } from './support';

const WORK_TOKEN = 'dop_v1_' + 'c0ffee'.repeat(10) + 'c0ff';

describe('Several accounts, budget and chart in the extension host', function () {
  this.timeout(60_000);
  let api: TestApi;
  let fake: FakeDoApi;
  let restoreApiUrl: () => Promise<void>;

  before(async () => {
    fake = new FakeDoApi({ tokens: [FAKE_TOKEN, WORK_TOKEN] });
    restoreApiUrl = await useApiUrl(await fake.start());
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
    await restoreApiUrl();
    await fake.close();
  });

  const lastAuthorization = () => fake.requests[fake.requests.length - 1]?.authorization;

  it('adds an account, switches to it and fetches with its own token', async () => {
    fake.clearRequests();
    const work = await api.accounts.add('Work', WORK_TOKEN);
    assert.strictEqual(api.accounts.active.id, work.id);
    await waitFor('a request with the Work token', () => lastAuthorization() === `Bearer ${WORK_TOKEN}` && !api.state.snapshot.activity, { detail: () => describeState(api) });
    assert.strictEqual(api.view.treeView.description, 'Work');
    const tooltip = markdownText(api.statusBar.item.tooltip as vscode.MarkdownString);
    assert.match(tooltip, /Work/);
    assert.match(tooltip, /command:digitaloceanInvoices\.switchAccount/);
  });

  it('keeps one cache per account and shows it at once on a switch back', async () => {
    const cached = (token: string) => api.globalState.keys().some((key) => key.endsWith(tokenFingerprint(token)));
    await waitFor('both accounts cached', () => cached(FAKE_TOKEN) && cached(WORK_TOKEN), { detail: () => api.globalState.keys() });
    fake.clearRequests();
    fake.setLatency(400);
    await api.accounts.setActive(DEFAULT_ACCOUNT_ID);
    await waitFor('the Default account\'s cached invoices', () => api.state.snapshot.stale && api.state.snapshot.invoices.length > 0, { detail: () => describeState(api) });
    await waitFor('its refresh', () => !api.state.snapshot.stale && !api.state.snapshot.activity, { detail: () => describeState(api) });
    assert.strictEqual(lastAuthorization(), `Bearer ${FAKE_TOKEN}`);
    fake.setLatency(0);
  });

  it('quick switches end on the last account chosen, without errors', async () => {
    fake.setLatency(300);
    const work = api.accounts.list().find((account) => account.name === 'Work')!;
    await api.accounts.setActive(work.id);
    await api.accounts.setActive(DEFAULT_ACCOUNT_ID);
    await waitFor('settled on Default', () => !api.state.snapshot.activity && !api.state.snapshot.stale && lastAuthorization() === `Bearer ${FAKE_TOKEN}`, { detail: () => describeState(api) });
    fake.setLatency(0);
    assert.strictEqual(api.state.snapshot.error, undefined);
    assert.strictEqual(api.accounts.active.id, DEFAULT_ACCOUNT_ID);
    assert.strictEqual(api.view.treeView.description, 'Default');
  });

  it('colours the status bar at the budget warning share and says when the budget is passed', async () => {
    const preview = Number(fake.data.preview.amount);
    await setSetting('monthlyBudget', Math.max(1, Math.floor(preview * 0.9)));
    await waitFor('the warning colour', () => api.statusBar.item.backgroundColor?.id === 'statusBarItem.warningBackground');
    const tooltip = markdownText(api.statusBar.item.tooltip as vscode.MarkdownString);
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
