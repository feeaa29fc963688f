import * as assert from 'assert';
import * as vscode from 'vscode';
import { invoiceRow } from '../../src/invoices/invoiceNodes';
import { DEFAULT_ACCOUNT_ID } from '../../src/session/accounts';
import { tokenFingerprint } from '../../src/session/token';
import { FAKE_TOKEN } from '../fake-api/server';
import { describeState, markdownText, setSetting, useFakeApiSession, waitFor } from './support';

const WORK_TOKEN = 'dop_v1_' + 'c0ffee'.repeat(10) + 'c0ff';

describe('Several accounts, budget and chart in the extension host', function () {
  this.timeout(60_000);
  const session = useFakeApiSession({ fake: { tokens: [FAKE_TOKEN, WORK_TOKEN] } });

  after(async () => {
    for (const account of session.api.accounts.list().filter((candidate) => candidate.id !== DEFAULT_ACCOUNT_ID && !candidate.fromEnvironment)) {
      await session.api.accounts.remove(account.id);
    }
    await session.api.accounts.setActive(DEFAULT_ACCOUNT_ID);
    await setSetting('monthlyBudget', undefined);
  });

  const lastAuthorization = () => session.fake.requests[session.fake.requests.length - 1]?.authorization;

  it('adds an account, switches to it and fetches with its own token', async () => {
    session.fake.clearRequests();
    const work = await session.api.accounts.add('Work', WORK_TOKEN);
    assert.strictEqual(session.api.accounts.active.id, work.id);
    await waitFor('a request with the Work token', () => lastAuthorization() === `Bearer ${WORK_TOKEN}` && !session.api.state.snapshot.activity, { detail: () => describeState(session.api) });
    assert.strictEqual(session.api.view.treeView.description, 'Work');
    const tooltip = markdownText(session.api.statusBar.item.tooltip as vscode.MarkdownString);
    assert.match(tooltip, /Work/);
    assert.match(tooltip, /command:digitaloceanInvoices\.switchAccount/);
  });

  it('keeps one cache per account and shows it at once on a switch back', async () => {
    const cached = (token: string) => session.api.globalState.keys().some((key) => key.endsWith(tokenFingerprint(token)));
    await waitFor('both accounts cached', () => cached(FAKE_TOKEN) && cached(WORK_TOKEN), { detail: () => session.api.globalState.keys() });
    session.fake.clearRequests();
    session.fake.hold(); // the cached state stays until it has been seen
    await session.api.accounts.setActive(DEFAULT_ACCOUNT_ID);
    await waitFor('the Default account\'s cached invoices', () => session.api.state.snapshot.stale && session.api.state.snapshot.items.length > 0, { detail: () => describeState(session.api) });
    session.fake.release();
    await waitFor('its refresh', () => !session.api.state.snapshot.stale && !session.api.state.snapshot.activity, { detail: () => describeState(session.api) });
    assert.strictEqual(lastAuthorization(), `Bearer ${FAKE_TOKEN}`);
  });

  it('quick switches end on the last account chosen, without errors', async () => {
    session.fake.hold(); // Work's requests are still on their way when Default is chosen
    const work = session.api.accounts.list().find((account) => account.name === 'Work')!;
    await session.api.accounts.setActive(work.id);
    await session.api.accounts.setActive(DEFAULT_ACCOUNT_ID);
    session.fake.release();
    await waitFor('settled on Default', () => !session.api.state.snapshot.activity && !session.api.state.snapshot.stale && lastAuthorization() === `Bearer ${FAKE_TOKEN}`, { detail: () => describeState(session.api) });
    assert.strictEqual(session.api.state.snapshot.error, undefined);
    assert.strictEqual(session.api.accounts.active.id, DEFAULT_ACCOUNT_ID);
    assert.strictEqual(session.api.view.treeView.description, 'Default');
  });

  it("closes the previous account's invoice summaries on a switch, and keeps the new account's", async () => {
    const openSummaries = () => session.api.container.summaries.current?.panels.parts ?? [];
    const settled = () => !session.api.state.snapshot.activity && !session.api.state.snapshot.stale && session.api.state.snapshot.items.length > 0;
    await waitFor('Default settled', settled, { detail: () => describeState(session.api) });
    const defaultPanel = await vscode.commands.executeCommand<vscode.WebviewPanel>('digitaloceanInvoices.showInvoiceSummary', invoiceRow(session.api.state.snapshot.items[0], false));
    let defaultClosed = false;
    defaultPanel.onDidDispose(() => (defaultClosed = true));
    const work = session.api.accounts.list().find((account) => account.name === 'Work')!;
    await session.api.accounts.setActive(work.id);
    await waitFor("Default's summary closed", () => defaultClosed && openSummaries().length === 0, { detail: () => openSummaries().length });
    await waitFor('Work settled', () => settled() && lastAuthorization() === `Bearer ${WORK_TOKEN}`, { detail: () => describeState(session.api) });
    session.fake.clearRequests();
    const workInvoice = session.api.state.snapshot.items[0];
    const workPanel = await vscode.commands.executeCommand<vscode.WebviewPanel>('digitaloceanInvoices.showInvoiceSummary', invoiceRow(workInvoice, false));
    assert.deepStrictEqual(session.fake.requests.map((request) => [request.path, request.authorization]), [[`/v2/customers/my/invoices/${workInvoice.invoiceUuid}/summary`, `Bearer ${WORK_TOKEN}`]]);
    await session.api.accounts.rename(work.id, 'Work team');
    await waitFor('the rename in the session', () => session.api.session.state.account.name === 'Work team');
    assert.deepStrictEqual(openSummaries().map((part) => part.host.panel), [workPanel], 'a rename keeps the account, and its summary');
    await session.api.accounts.setActive(DEFAULT_ACCOUNT_ID);
    await waitFor("Work's summary closed", () => openSummaries().length === 0, { detail: () => openSummaries().length });
    await session.api.accounts.rename(work.id, 'Work');
  });

  it('colours the status bar at the budget warning share and says when the budget is passed', async () => {
    const notified = () => session.api.globalState.get<Record<string, string>>('digitaloceanInvoices.budgetNotified')?.[DEFAULT_ACCOUNT_ID];
    assert.notStrictEqual(notified(), session.fake.data.preview.invoice_period, 'not notified before');
    await waitFor('no refresh on its way', () => !session.api.state.snapshot.activity);
    const refreshes = session.fake.requests.length;
    const preview = Number(session.fake.data.preview.amount);
    await setSetting('monthlyBudget', Math.max(1, Math.floor(preview * 0.9)));
    await waitFor('the warning colour', () => session.api.statusBar.item.backgroundColor?.id === 'statusBarItem.warningBackground');
    const tooltip = markdownText(session.api.statusBar.item.tooltip as vscode.MarkdownString);
    assert.match(tooltip, /Projected month-end total/);
    assert.match(tooltip, /Month-to-date usage is over the budget/);
    // At once, not with the next refresh.
    await waitFor('one budget notification recorded', () => notified() === session.fake.data.preview.invoice_period);
    assert.strictEqual(session.fake.requests.length, refreshes, 'no refresh was needed');
    await setSetting('monthlyBudget', preview * 100);
    await waitFor('the normal colour', () => session.api.statusBar.item.backgroundColor === undefined);
  });

  it('opens the spend overview webview', async () => {
    await vscode.commands.executeCommand('digitaloceanInvoices.showSpendOverview');
    await waitFor('the panel', () => vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) => tab.label === 'DigitalOcean Spend Overview')));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
