import * as assert from 'assert';
import * as vscode from 'vscode';
import { FAKE_TOKEN, FAKE_TOKEN_WITHOUT_ACCOUNT_SCOPE } from '../fake-api/server';
import { describeState, markdownText, rows, setSetting, useFakeApiSession, waitFor } from './support';

const INSIGHTS = /\/v2\/billing\/do:team:[^/]+\/insights\//;

describe('Daily spend insights in the extension host', function () {
  this.timeout(60_000);
  const session = useFakeApiSession({ fake: { tokens: [FAKE_TOKEN] } });
  const insightsRequests = () => session.fake.requests.filter((request) => INSIGHTS.test(request.path));
  const accountRequests = () => session.fake.requests.filter((request) => request.path === '/v2/account');

  after(() => setSetting('anomalyJumpPercent', undefined));

  it('fetches the recent days once a day: a refresh asks again for neither them nor the team', async () => {
    await waitFor('the recent days', () => session.api.container.insights.snapshot.recent !== undefined && !session.api.container.insights.snapshot.loading,
      { detail: () => describeState(session.api) });
    const [days, team] = [insightsRequests().length, accountRequests().length];
    assert.ok(days >= 1 && team === 1, `${days} insights and ${team} account requests`);
    await vscode.commands.executeCommand('digitaloceanInvoices.refresh');
    await vscode.commands.executeCommand('digitaloceanInvoices.refresh');
    assert.deepStrictEqual([insightsRequests().length, accountRequests().length], [days, team]);
  });

  it('shows the alerts as rows under the balance, records them once, and follows the threshold setting', async () => {
    const alertRows = async () => {
      const group = (await rows(session.api)).find((row) => row.node.kind === 'links');
      const children = group ? await session.api.view.provider.getChildren(group.node) : [];
      return Promise.all(children.map(async (node) => {
        const item = await session.api.view.provider.getTreeItem(node);
        return { node, item, label: String(item.label ?? '') };
      }));
    };
    const shown = await waitFor('alert rows', async () => {
      const found = await alertRows();
      return found.length > 0 && found;
    });
    const all = await rows(session.api);
    assert.strictEqual(all[0].node.kind, 'balance');
    assert.strictEqual(all[1].node.kind, 'links', 'alerts stand right under the balance, in one row');
    assert.match(all[1].label, new RegExp(`^${shown.length} changes in daily spend$`));
    assert.ok(shown.some((row) => /rose/.test(row.label)), 'the fake\'s spike is a day-over-day jump');
    assert.ok(shown.some((row) => /^New/.test(row.label)), 'the new SKU of the fake is named');
    assert.strictEqual(shown[0].item.command?.command, 'digitaloceanInvoices.showDailySpend');
    const recorded = () => session.api.globalState.get<Record<string, Record<string, string>>>('digitaloceanInvoices.alertsShown')?.[session.api.accounts.active.id] ?? {};
    await waitFor('the alerts recorded as shown', () => Object.keys(recorded()).length >= shown.length, { detail: () => [recorded(), session.api.logger.recentLines.filter((line) => !line.includes('GET '))] });
    const before = JSON.stringify(recorded());
    await vscode.commands.executeCommand('digitaloceanInvoices.refresh');
    assert.strictEqual(JSON.stringify(recorded()), before, 'nothing new to notify');

    await setSetting('anomalyJumpPercent', 0);
    await waitFor('no jump alerts once turned off', async () => !(await alertRows()).some((row) => /rose/.test(row.label)));
  });

  it('adds the daily figures to the status bar tooltip', async () => {
    const tooltip = await waitFor('the daily figures', () => {
      const text = markdownText(session.api.statusBar.item.tooltip as vscode.MarkdownString);
      return /7-day average/.test(text) && text;
    });
    assert.match(tooltip, /Yesterday/);
    assert.match(tooltip, /Month-end forecast at the run rate/);
    assert.match(tooltip, /Projected month-end total/);
    assert.match(tooltip, /Year to date/);
  });

  it('says which scope is missing when the token lacks account:read, and the invoices stay', async () => {
    assert.strictEqual(await session.api.setToken(FAKE_TOKEN_WITHOUT_ACCOUNT_SCOPE), 'saved');
    await waitFor('the scope named', () => session.api.container.insights.snapshot.error?.kind === 'missingScope');
    const tooltip = markdownText(session.api.statusBar.item.tooltip as vscode.MarkdownString);
    assert.match(tooltip, /account:read/);
    await waitFor('the invoices', () => session.api.state.snapshot.items.length > 0 && !session.api.state.snapshot.activity);
    assert.strictEqual(session.api.state.snapshot.error, undefined);
  });
});
