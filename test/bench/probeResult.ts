// What test/bench/activationProbe.ts (in the extension host) reports to test/bench/activation.ts
// (in Node): shared without importing `vscode`.
export const PROBE_LINE_PREFIX = '[bench-activation] ';
export const REAL_ID = 'doinvoices.digitalocean-invoices';
export const EMPTY_ID = 'bench.empty-extension';
/** The floor: an extension that only registers as many commands and tools as this one contributes. */
export const FLOOR_ID = 'bench.floor-extension';
export const BENCHMARKED_IDS = [REAL_ID, EMPTY_ID, FLOOR_ID];
/** An empty extension activated first in every window, so that no benchmarked one is the window's first. */
export const WARMUP_ID = 'bench.warmup-extension';
/** The setting (user settings of the bench's server) that gives the probe the order of a round. */
export const ORDER_SETTING = 'digitaloceanInvoicesBench.order';

export interface ProbeResult {
  readonly id: string;
  /** Where the extension came in the window's order of activations (0: the warm-up). */
  readonly position: number;
  /** The extension's own performance.now() around activate()'s body. */
  readonly activationMs?: number;
  /** extension.activate() as the probe saw it: loading the module, activate() and the host's bookkeeping. */
  readonly callMs: number;
  /** Loading the extension's module, from the host's own marks (whole milliseconds). */
  readonly loadMs?: number;
  /**
   * From the start of extension.activate() until the extension has started what activate()
   * left for after it (its test exports' api() resolves): the container, views and status bar.
   */
  readonly readyMs?: number;
  readonly wasActive: boolean;
  /** How long the probe waited for the workbench to settle, and whether it did before the limit. */
  readonly settleMs: number;
  readonly settled: boolean;
}
