// Activation benchmark: starts the VS Code server, round after round, with four development
// extensions in a fresh profile: the real extension, an empty one, the floor (an extension that
// registers as many commands and tools as the real one, and does nothing else) and a warm-up
// (another empty one). In each window the probe (test/bench/activationProbe.ts) activates the
// warm-up first, then the three in the round's order, and logs what it measured. Installs the
// VS Code server first when it is missing (as `npm test` does).
//
// The three are timed in the same window, so each round gives paired figures: an activation
// waits for the window (the extension's storage), and that wait moves from one window to the
// next by more than the real extension costs (1.27x and 1.93x in runs of the same day when each
// had a window of its own). The order goes through all six permutations, so none of the three
// comes first or last more often; the warm-up takes what the window's first activation pays.
//
// The extensions are activated once the workbench has settled, as an onStartupFinished
// extension is in use, not in the middle of the workbench's start: there every activation waits
// 25–200 ms for the busy window to answer the extension host, a wait that belongs to neither
// extension. So each has a manifest whose activation event never comes (the real one's folder
// links to this project's dist/, media/ and l10n/; only package.json's activationEvents differ):
// the probe decides when.
// Usage: node out/test/bench/activation.js <out.json>   (DOI_BENCH_ACTIVATION_RUNS rounds, default 24)
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ensureVscodeServer } from '../host/install-vscode-server';
import { outDir, projectRoot } from '../host/paths';
import { runMain } from '../host/proc';
import { startVscodeServer } from '../host/vscode-server';
import { openWorkbench } from '../host/workbench';
import { everyOrder } from './samples';
import { BENCHMARKED_IDS, ORDER_SETTING, PROBE_LINE_PREFIX, ProbeResult, WARMUP_ID } from './probeResult';

/** One extension's figures from one round (one window). */
export interface ActivationSample extends ProbeResult {
  readonly round: number;
}

/** A multiple of 6: every order of the three comes as often. */
export const DEFAULT_ACTIVATION_ROUNDS = 24;
/** Never fired: the probe activates the extension itself. */
const NO_EVENT = 'onCommand:digitaloceanInvoicesBench.neverRun';
/** What the real extension needs besides its manifest. */
const EXTENSION_FILES = ['dist', 'media', 'l10n', 'package.nls.json', 'package.nls.de.json', 'README.md', 'CHANGELOG.md', 'LICENSE'];

/** The commands and language model tools this extension's manifest contributes. */
export function contributions(): { commands: { command: string }[]; languageModelTools: { name: string }[] } {
  return (JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { contributes: ReturnType<typeof contributions> }).contributes;
}

/** A benchmark extension of publisher "bench": its manifest, `extension.js`, README and licence. */
function writeBenchExtension(dir: string, name: string, extra: Record<string, unknown>, code: string, readme: string): void {
  fs.mkdirSync(dir, { recursive: true });
  const manifest = { name, publisher: 'bench', version: '0.0.1', license: 'MIT', engines: { vscode: '^1.100.0' }, main: './extension.js', ...extra };
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  fs.writeFileSync(path.join(dir, 'extension.js'), `${code}exports.deactivate = function () {};\n`);
  fs.writeFileSync(path.join(dir, 'README.md'), readme);
  fs.writeFileSync(path.join(dir, 'LICENSE'), 'MIT\n');
}

/** An extension that does nothing, timing its activate() the way the real one does. */
export function writeEmptyExtension(dir: string, activationEvents = ['onStartupFinished'], name = 'empty-extension'): void {
  writeBenchExtension(dir, name, { activationEvents },
    'exports.activate = function () {\n  const started = performance.now();\n  return { activationMs: performance.now() - started };\n};\n',
    '# Empty extension\n\nThe baseline of the benchmark.\n');
}

/**
 * The floor's ids in place of this extension's (commands, tool names and tool reference names,
 * all starting `digitalocean` + a capital): as long, so that the two can share a window.
 */
const OWN_PREFIX = /digitalocean(?=[A-Z])/g;
const FLOOR_PREFIX = 'benchFloorEx';

/**
 * The floor of this extension's activation: what VS Code asks of it before activation returns and
 * nothing else. It contributes and registers as many commands and language model tools as the
 * real manifest (the host wants them registered when activation returns, see src/extension.ts),
 * each doing nothing, under ids of its own.
 */
export function writeFloorExtension(dir: string, activationEvents: string[]): void {
  const { commands, languageModelTools } = JSON.parse(JSON.stringify(contributions()).replace(OWN_PREFIX, FLOOR_PREFIX)) as ReturnType<typeof contributions>;
  writeBenchExtension(dir, 'floor-extension', { activationEvents, contributes: { commands, languageModelTools } },
    "const vscode = require('vscode');\n" +
      `const commands = ${JSON.stringify(commands.map(({ command }) => command))};\n` +
      `const tools = ${JSON.stringify(languageModelTools.map(({ name }) => name))};\n` +
      'exports.activate = function (context) {\n  const started = performance.now();\n' +
      '  for (const id of commands) context.subscriptions.push(vscode.commands.registerCommand(id, () => undefined));\n' +
      '  for (const name of tools) context.subscriptions.push(vscode.lm.registerTool(name, { invoke: () => undefined }));\n' +
      '  return { activationMs: performance.now() - started };\n};\n',
    '# Floor extension\n\nRegisters as many commands and tools as the real one registers at activation, and nothing else.\n');
}

/** This extension, activated only when asked: links to its files, its manifest with one change. */
function writeRealExtension(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  for (const file of EXTENSION_FILES) {
    if (fs.existsSync(path.join(projectRoot, file))) {
      fs.symlinkSync(path.join(projectRoot, file), path.join(dir, file));
    }
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { activationEvents: string[] };
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ ...manifest, activationEvents: [NO_EVENT] }, null, 2));
}

/** One window with every extension in `extensionsDir`: the probe activates the warm-up, then `order`'s, each once. */
async function sampleRound(extensionsDir: string, order: readonly string[]): Promise<ProbeResult[]> {
  const server = await startVscodeServer({ label: 'bench', settings: { 'digitaloceanInvoices.apiUrl': 'http://127.0.0.1:9', [ORDER_SETTING]: order } });
  const results: ProbeResult[] = [];
  const lines: string[] = [];
  try {
    const workbench = await openWorkbench({
      serverUrl: server.url,
      folder: server.workspaceDir,
      // A folder without a package.json: VS Code loads each extension in it for development.
      extensionDevelopmentPath: extensionsDir,
      extensionTestsPath: path.join(outDir, 'test', 'bench', 'activationProbe.js'),
      onLog: (type, line) => {
        lines.push(`[${type}] ${line}`);
        const at = line.indexOf(PROBE_LINE_PREFIX);
        if (at >= 0) {
          results.push(JSON.parse(line.slice(at + PROBE_LINE_PREFIX.length)) as ProbeResult);
        }
      },
    });
    try {
      await Promise.race([workbench.exitCode, new Promise((resolve) => setTimeout(resolve, 120_000))]);
      // The result lines and the exit travel separately.
      for (let waited = 0; results.length <= order.length && waited < 5000; waited += 100) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      await workbench.close();
    }
  } finally {
    await server.stop();
  }
  const missing = [WARMUP_ID, ...order].filter((id) => !results.some((result) => result.id === id));
  if (missing.length > 0) {
    throw new Error(`no activation figure for ${missing.join(', ')}; the workbench logged:\n${lines.slice(-30).join('\n')}`);
  }
  const early = results.find((result) => result.wasActive);
  if (early) {
    throw new Error(`${early.id} was active before the probe asked: no activation to time`);
  }
  return results;
}

const describe = (result: ProbeResult) =>
  `host ${result.callMs.toFixed(1)} ms, own mark ${result.activationMs?.toFixed(3)} ms, module load ${result.loadMs ?? '?'} ms` +
  (result.readyMs === undefined ? '' : `, started ${result.readyMs.toFixed(1)} ms after activation began`) +
  (result.settled ? `, settled after ${result.settleMs.toFixed(0)} ms` : `, NOT settled after ${result.settleMs.toFixed(0)} ms`);

/**
 * `rounds` windows after a warm-up round, each activating the three extensions (real, empty,
 * floor) after the warm-up extension, the order going through every permutation. Writes the
 * benchmarked extensions' samples to `out` as JSON.
 */
export async function benchActivation(rounds: number, out: string): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'doinvoices-bench-ext-'));
  const [real, empty, floor, warmup] = ['real', 'empty', 'floor', 'warmup'].map((name) => path.join(root, name));
  writeRealExtension(real);
  writeEmptyExtension(empty, [NO_EVENT]);
  writeFloorExtension(floor, [NO_EVENT]);
  writeEmptyExtension(warmup, [NO_EVENT], 'warmup-extension');
  const permutations = everyOrder(BENCHMARKED_IDS);
  const samples: ActivationSample[] = [];
  try {
    for (let round = 0; round <= rounds; round++) {
      const order = permutations[(round + permutations.length - 1) % permutations.length];
      for (const result of await sampleRound(root, order)) {
        console.log(`[bench] activation ${round === 0 ? 'warm-up' : `${round}/${rounds}`} ${result.position}. ${result.id}: ${describe(result)}`);
        if (round > 0 && result.id !== WARMUP_ID) {
          samples.push({ ...result, round });
        }
      }
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
  fs.writeFileSync(out, JSON.stringify(samples, null, 2));
}

if (require.main === module) {
  runMain(async () => {
    await ensureVscodeServer();
    const rounds = Number(process.env.DOI_BENCH_ACTIVATION_RUNS) || DEFAULT_ACTIVATION_ROUNDS;
    await benchActivation(rounds, process.argv[2] ?? path.join(os.tmpdir(), 'doinvoices-activation.json'));
    return 0;
  });
}
