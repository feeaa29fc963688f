// Loaded by the extension host as extensionTestsPath for the activation benchmark: activates
// whichever of the benchmarked extensions is installed and logs what it measured.
import * as vscode from 'vscode';

export const PROBE_LINE_PREFIX = '[bench-activation] ';
export const BENCHMARKED_IDS = ['doinvoices.digitalocean-invoices', 'bench.empty-extension'];

export async function run(): Promise<void> {
  for (const id of BENCHMARKED_IDS) {
    const extension = vscode.extensions.getExtension<{ activationMs?: number } | undefined>(id);
    if (!extension) {
      continue;
    }
    const wasActive = extension.isActive;
    const started = performance.now();
    const exports = await extension.activate();
    const callMs = performance.now() - started;
    console.log(PROBE_LINE_PREFIX + JSON.stringify({ id, activationMs: exports?.activationMs, callMs, wasActive }));
  }
}
