import * as assert from 'assert';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/extension';
import type { InvoiceNode } from '../../src/views/invoiceNodes';

export const EXTENSION_ID = 'doinvoices.digitalocean-invoices';

export async function extensionApi(): Promise<TestApi> {
  const extension = vscode.extensions.getExtension<TestApi | undefined>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed`);
  const api = await extension.activate();
  assert.ok(api, 'the extension exposes its test API in test mode');
  return api;
}

/** Polls a condition until it holds; fails with `what` after the timeout. */
export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
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
    const tooltip = item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : String(item.tooltip ?? '');
    return { node, item, label: String(item.label ?? ''), description: String(item.description ?? ''), tooltip };
  }));
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('digitaloceanInvoices').update(key, value, vscode.ConfigurationTarget.Global);
}
