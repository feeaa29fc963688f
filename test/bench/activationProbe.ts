// Loaded by the extension host as extensionTestsPath for the activation benchmark
// (test/bench/activation.ts): activates the warm-up extension, then the benchmarked extensions
// in the order the bench's setting gives, each once the window has settled (and the one before
// has started), and logs what it measured for each.
import * as vscode from 'vscode';
import { BENCHMARKED_IDS, ORDER_SETTING, PROBE_LINE_PREFIX, ProbeResult, WARMUP_ID } from './probeResult';

const SETTLE_LIMIT_MS = 15_000;
/** Settled: this many round trips to the window in a row, each close to the fastest seen. */
const QUIET_ROUND_TRIPS = 5;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until the extensions the host starts by itself are active and the window answers the
 * extension host as fast as it can: an activation waits for the window (its storage), and
 * during the workbench's start that wait is long and varies from run to run.
 */
async function settle(benchmarked: string): Promise<{ settleMs: number; settled: boolean }> {
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  const startsByItself = (extension: vscode.Extension<unknown>) =>
    extension.id !== benchmarked &&
    ((extension.packageJSON as { activationEvents?: string[] }).activationEvents ?? []).some((event) => event === '*' || event === 'onStartupFinished');
  while (vscode.extensions.all.some((extension) => startsByItself(extension) && !extension.isActive) && elapsed() < SETTLE_LIMIT_MS) {
    await pause(20);
  }
  let fastest = Infinity;
  let quiet = 0;
  for (let round = 0; quiet < QUIET_ROUND_TRIPS && elapsed() < SETTLE_LIMIT_MS; round++) {
    const sent = performance.now();
    await vscode.commands.executeCommand('setContext', 'digitaloceanInvoicesBench.probe', round);
    const roundTrip = performance.now() - sent;
    fastest = Math.min(fastest, roundTrip);
    quiet = roundTrip <= Math.max(1.5 * fastest, fastest + 1) ? quiet + 1 : 0;
    await pause(10);
  }
  return { settleMs: elapsed(), settled: quiet >= QUIET_ROUND_TRIPS };
}

/** The host's own marks around loading an extension's module (VS Code's perf marks, Date.now()). */
function moduleLoadMs(id: string): number | undefined {
  const marks = (globalThis as { MonacoPerformanceMarks?: { getMarks(): { name: string; startTime: number }[] } }).MonacoPerformanceMarks?.getMarks() ?? [];
  const at = (name: string) => marks.find((mark) => mark.name === `code/extHost/${name}/${id}`)?.startTime;
  const [start, end] = [at('willLoadExtensionCode'), at('didLoadExtensionCode')];
  return start !== undefined && end !== undefined ? end - start : undefined;
}

export async function run(): Promise<void> {
  const order = vscode.workspace.getConfiguration().get<string[]>(ORDER_SETTING) ?? BENCHMARKED_IDS;
  for (const [position, id] of [WARMUP_ID, ...order].entries()) {
    const extension = vscode.extensions.getExtension<{ activationMs?: number; api?: () => Promise<unknown> } | undefined>(id);
    if (!extension) {
      continue;
    }
    const { settleMs, settled } = await settle(id);
    const wasActive = extension.isActive;
    const started = performance.now();
    const exports = await extension.activate();
    const callMs = performance.now() - started;
    // Taken after callMs, so that waiting for it never weighs on the activation's figure; and
    // before the next activation, so that this extension's start never weighs on that one's.
    const readyMs = exports?.api ? await exports.api().then(() => performance.now() - started) : undefined;
    const result: ProbeResult = { id, position, activationMs: exports?.activationMs, callMs, loadMs: moduleLoadMs(id), readyMs, wasActive, settleMs, settled };
    console.log(PROBE_LINE_PREFIX + JSON.stringify(result));
  }
}
