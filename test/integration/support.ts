import * as assert from 'assert';
import * as vscode from 'vscode';
import type { TestApi, TestExports } from '../../src/extension';
import type { InvoiceNode } from '../../src/invoices/invoiceNodes';
import { FAKE_TOKEN, FakeApiOptions, FakeDoApi } from '../fake-api/server';

export const EXTENSION_ID = 'doinvoices.digitalocean-invoices';

export async function extensionApi(): Promise<TestApi> {
  const extension = vscode.extensions.getExtension<TestExports | undefined>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed`);
  const testExports = await extension.activate();
  assert.ok(testExports, 'the extension exposes its test API in test mode');
  return testExports.api();
}

/** Polls a condition until it holds; fails with `what` (and `detail()`, if given) after the timeout. */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  options: { timeoutMs?: number; detail?: () => unknown } = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  for (;;) {
    const value = await probe();
    if (value) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${what}${options.detail ? `: ${JSON.stringify(options.detail())}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The state in a form that fits an error message. */
export function describeState(api: TestApi): unknown {
  const { items, preview, ...rest } = api.state.snapshot;
  return { ...rest, invoices: items.length, preview: preview?.amount, balance: api.balance.snapshot.balance?.monthToDateBalance, active: api.accounts.active.id, accounts: api.accounts.list().map((account) => account.id) };
}

export interface RenderedRow {
  readonly node: InvoiceNode;
  readonly item: vscode.TreeItem;
  readonly label: string;
  readonly description: string;
  readonly tooltip: string;
}

/** The view's top-level rows, as VS Code gets them from the provider. */
export async function rows(api: TestApi): Promise<RenderedRow[]> {
  const nodes = await api.view.provider.getChildren();
  return Promise.all(nodes.map(async (node) => {
    const item = await api.view.provider.getTreeItem(node);
    const tooltip = item.tooltip instanceof vscode.MarkdownString ? markdownText(item.tooltip) : String(item.tooltip ?? '');
    return { node, item, label: String(item.label ?? ''), description: String(item.description ?? ''), tooltip };
  }));
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('digitaloceanInvoices').update(key, value, vscode.ConfigurationTarget.Global);
}

/**
 * The text of a MarkdownString built with appendText (which escapes spaces and punctuation),
 * with the spaces and hyphens that do not break (kept inside terms) read as plain ones.
 */
export function markdownText(value: string | vscode.MarkdownString | undefined): string {
  const raw = typeof value === 'string' ? value : value?.value ?? '';
  return raw.replace(/&nbsp;|\u00a0/g, ' ').replace(/\u2011/g, '-').replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1');
}

/** Points the extension at a fake API for one suite and restores the previous URL after it. */
export async function useApiUrl(url: string): Promise<() => Promise<void>> {
  const previous = vscode.workspace.getConfiguration('digitaloceanInvoices').inspect<string>('apiUrl')?.globalValue;
  await setSetting('apiUrl', url);
  return () => setSetting('apiUrl', previous);
}

export interface FakeApiSession {
  readonly api: TestApi;
  readonly fake: FakeDoApi;
}

/**
 * For one suite: starts a fake DigitalOcean API in the extension host, points the extension
 * at it and (unless `token` is false) signs in with a token it accepts; afterwards clears
 * the token, restores apiUrl and stops the fake.
 */
export function useFakeApiSession(options: { fake?: FakeApiOptions; token?: string | false } = {}): FakeApiSession {
  let api: TestApi | undefined;
  let fake: FakeDoApi | undefined;
  let restoreApiUrl: (() => Promise<void>) | undefined;
  before(async () => {
    fake = new FakeDoApi(options.fake);
    restoreApiUrl = await useApiUrl(await fake.start());
    api = await extensionApi();
    await api.clearToken();
    if (options.token !== false) {
      assert.strictEqual(await api.setToken(options.token ?? FAKE_TOKEN), 'saved');
    }
  });
  afterEach(() => fake?.release()); // a test that failed while holding leaves no request held
  after(async () => {
    await api?.clearToken();
    await restoreApiUrl?.();
    await fake?.close();
  });
  return {
    get api() {
      assert.ok(api, 'used before the suite started');
      return api;
    },
    get fake() {
      assert.ok(fake, 'used before the suite started');
      return fake;
    },
  };
}
