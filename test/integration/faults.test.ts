import * as assert from 'assert';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/extension';
import { FAKE_TOKEN, FakeDoApi, Fault } from '../fake-api/server';
import { extensionApi, markdownText, rows, useApiUrl } from './support';

/** Every place the token must never be: tree rows (label, description, tooltip), log, globalState, settings. */
async function placesTheTokenCouldLeak(api: TestApi): Promise<Record<string, string>> {
  const texts: string[] = [];
  const visit = async (node?: Parameters<TestApi['view']['provider']['getChildren']>[0], depth = 0): Promise<void> => {
    for (const child of await api.view.provider.getChildren(node)) {
      const item = await api.view.provider.getTreeItem(child);
      const tooltip = item.tooltip instanceof vscode.MarkdownString ? markdownText(item.tooltip) : String(item.tooltip ?? '');
      texts.push(String(typeof item.label === 'object' ? item.label.label : item.label ?? ''), String(item.description ?? ''), tooltip);
      if (depth < 1 && (child.kind === 'error' || child.kind === 'notice')) {
        await visit(child, depth + 1);
      }
    }
  };
  await visit();
  const config = vscode.workspace.getConfiguration('digitaloceanInvoices');
  const settings = ['apiUrl', 'pageSize', 'refreshIntervalMinutes', 'monthlyBudget', 'budgetWarningPercent'].map((key) => JSON.stringify(config.inspect(key)));
  return {
    'tree items': texts.join('\n'),
    'log lines': api.logger.recentLines.join('\n'),
    globalState: JSON.stringify(api.globalState.keys().map((key) => [key, api.globalState.get(key)])),
    settings: settings.join('\n'),
    'status bar': `${api.statusBar.item.text}\n${markdownText(api.statusBar.item.tooltip as vscode.MarkdownString | string | undefined)}`,
  };
}

interface FaultCase {
  readonly name: string;
  readonly fault: Fault;
  readonly message: RegExp;
  readonly actions: string[];
}

const CASES: FaultCase[] = [
  { name: '401', fault: { kind: 'status', status: 401 }, message: /rejected the API token/, actions: ['Set API Token', 'Retry', 'Show Log'] },
  { name: '403', fault: { kind: 'status', status: 403 }, message: /billing:read/, actions: ['Set API Token', 'Retry', 'Show Log'] },
  { name: '404', fault: { kind: 'status', status: 404 }, message: /404/, actions: ['Retry', 'Show Log'] },
  { name: '429 beyond the wait cap', fault: { kind: 'status', status: 429, headers: { 'ratelimit-remaining': '0', 'ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600) } }, message: /rate limit/, actions: ['Retry', 'Show Log'] },
  { name: '500', fault: { kind: 'status', status: 500 }, message: /server error \(HTTP 500\)/, actions: ['Retry', 'Show Log'] },
  { name: '503', fault: { kind: 'status', status: 503 }, message: /server error \(HTTP 503\)/, actions: ['Retry', 'Show Log'] },
  { name: '502 with an HTML body', fault: { kind: 'html', status: 502 }, message: /text\/html/, actions: ['Retry', 'Show Log'] },
  { name: 'connection reset', fault: { kind: 'reset' }, message: /Could not reach/, actions: ['Retry', 'Show Log'] },
  { name: 'truncated JSON', fault: { kind: 'truncated' }, message: /invalid response/, actions: ['Retry', 'Show Log'] },
  { name: 'wrong content type', fault: { kind: 'wrongContentType' }, message: /text\/plain/, actions: ['Retry', 'Show Log'] },
];

describe('API faults in the extension host', function () {
  this.timeout(60_000);
  let api: TestApi;
  let fake: FakeDoApi;
  let restoreApiUrl: () => Promise<void>;

  before(async () => {
    fake = new FakeDoApi();
    restoreApiUrl = await useApiUrl(await fake.start());
    api = await extensionApi();
    assert.strictEqual(await api.setToken(FAKE_TOKEN), 'saved');
  });

  after(async () => {
    await api.clearToken();
    await restoreApiUrl();
    await fake.close();
  });

  for (const { name, fault, message, actions } of CASES) {
    it(`${name}: shows an error node with its actions and keeps the data`, async () => {
      fake.reset();
      await vscode.commands.executeCommand('digitaloceanInvoices.refresh');
      const before = api.state.snapshot.items;
      const amountBefore = api.statusBar.item.text;
      assert.ok(before.length > 0);

      fake.addFault(fault);
      await vscode.commands.executeCommand('digitaloceanInvoices.refresh');
      const shown = await rows(api);
      const errorRow = shown.find((row) => row.node.kind === 'error');
      assert.ok(errorRow, 'an error node');
      assert.match(errorRow.label, message);
      const children = await api.view.provider.getChildren(errorRow.node);
      const labels = await Promise.all(children.map(async (child) => String((await api.view.provider.getTreeItem(child)).label)));
      assert.deepStrictEqual(labels, actions);
      assert.deepStrictEqual(api.state.snapshot.items, before, 'data kept');
      assert.strictEqual(api.statusBar.item.text, amountBefore, 'month-to-date kept');
      const listRequests = fake.requests.filter((request) => request.path === '/v2/customers/my/invoices');
      assert.ok(listRequests.length <= 1 + 3, `bounded retries: ${listRequests.length} list requests`);
      assert.ok(!errorRow.label.includes(FAKE_TOKEN));
      const leaks = Object.entries(await placesTheTokenCouldLeak(api)).filter(([, text]) => text.includes(FAKE_TOKEN) || text.includes(FAKE_TOKEN.slice(7, 30)));
      assert.deepStrictEqual(leaks.map(([where]) => where), [], 'the token appears in');
      fake.clearFaults();
    });
  }
});
