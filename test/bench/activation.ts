// Activation benchmark: starts the VS Code server with the real extension, then with an empty
// extension, then with the floor (an extension that registers the real one's commands and tools
// and does nothing else), each as the development extension of a fresh profile, and reads what
// test/bench/activationProbe.ts logs. Installs the VS Code server first when it is missing
// (as `npm test` does).
//
// The extensions are activated by the probe once the workbench has settled, as an
// onStartupFinished extension is in use, not in the middle of the workbench's start: there every
// activation waits 25–200 ms for the busy window to answer the extension host, a wait that
// belongs to neither extension and swamped the difference between them. So each runs from a
// folder of its own whose manifest names an activation event that never comes (the real one's
// folder links to this project's dist/, media/ and l10n/; only package.json's activationEvents
// differ): the probe decides when.
// Usage: node out/test/bench/activation.js <out.json>   (DOI_BENCH_ACTIVATION_RUNS rounds, default 11)
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ensureVscodeServer } from '../host/install-vscode-server';
import { outDir, projectRoot } from '../host/paths';
import { runMain } from '../host/proc';
import { startVscodeServer } from '../host/vscode-server';
import { openWorkbench } from '../host/workbench';
import { PROBE_LINE_PREFIX, ProbeResult } from './probeResult';

export type ActivationSample = ProbeResult;

export const DEFAULT_ACTIVATION_ROUNDS = 11;
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
export function writeEmptyExtension(dir: string, activationEvents = ['onStartupFinished']): void {
  writeBenchExtension(dir, 'empty-extension', { activationEvents },
    'exports.activate = function () {\n  const started = performance.now();\n  return { activationMs: performance.now() - started };\n};\n',
    '# Empty extension\n\nThe baseline of the benchmark.\n');
}

/**
 * The floor of this extension's activation: what VS Code asks of it before activation returns and
 * nothing else. It registers every command and language model tool the real manifest contributes
 * (the host wants them when activation returns, see src/extension.ts), each doing nothing.
 */
export function writeFloorExtension(dir: string, activationEvents: string[]): void {
  const { commands, languageModelTools } = contributions();
  writeBenchExtension(dir, 'floor-extension', { activationEvents, contributes: { commands, languageModelTools } },
    "const vscode = require('vscode');\n" +
      `const commands = ${JSON.stringify(commands.map(({ command }) => command))};\n` +
      `const tools = ${JSON.stringify(languageModelTools.map(({ name }) => name))};\n` +
      'exports.activate = function (context) {\n  const started = performance.now();\n' +
      '  for (const id of commands) context.subscriptions.push(vscode.commands.registerCommand(id, () => undefined));\n' +
      '  for (const name of tools) context.subscriptions.push(vscode.lm.registerTool(name, { invoke: () => undefined }));\n' +
      '  return { activationMs: performance.now() - started };\n};\n',
    '# Floor extension\n\nRegisters what the real one registers at activation, and nothing else.\n');
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

async function sample(extensionDir: string): Promise<ActivationSample> {
  const server = await startVscodeServer({ label: 'bench', settings: { 'digitaloceanInvoices.apiUrl': 'http://127.0.0.1:9' } });
  let result: ActivationSample | undefined;
  const lines: string[] = [];
  try {
    const workbench = await openWorkbench({
      serverUrl: server.url,
      folder: server.workspaceDir,
      extensionDevelopmentPath: extensionDir,
      extensionTestsPath: path.join(outDir, 'test', 'bench', 'activationProbe.js'),
      onLog: (type, line) => {
        lines.push(`[${type}] ${line}`);
        const at = line.indexOf(PROBE_LINE_PREFIX);
        if (at >= 0) {
          result = JSON.parse(line.slice(at + PROBE_LINE_PREFIX.length)) as ActivationSample;
        }
      },
    });
    try {
      await Promise.race([workbench.exitCode, new Promise((resolve) => setTimeout(resolve, 120_000))]);
      // The result line and the exit travel separately.
      for (let waited = 0; !result && waited < 5000; waited += 100) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      await workbench.close();
    }
  } finally {
    await server.stop();
  }
  if (!result) {
    throw new Error(`no activation figure from ${extensionDir}; the workbench logged:\n${lines.slice(-30).join('\n')}`);
  }
  if (result.wasActive) {
    throw new Error(`${result.id} was active before the probe asked: no activation to time`);
  }
  return result;
}

const describe = (result: ActivationSample) =>
  `host ${result.callMs.toFixed(1)} ms, own mark ${result.activationMs?.toFixed(3)} ms, module load ${result.loadMs ?? '?'} ms` +
  (result.readyMs === undefined ? '' : `, started ${result.readyMs.toFixed(1)} ms after activation began`) +
  (result.settled ? `, settled after ${result.settleMs.toFixed(0)} ms` : `, NOT settled after ${result.settleMs.toFixed(0)} ms`);

/**
 * `rounds` samples of each extension (real, empty, floor) after a warm-up round, in turn, the
 * order turning from one round to the next, so a machine that slows down or speeds up during
 * the run weighs on all of them alike. Writes the samples to `out` as JSON.
 */
export async function benchActivation(rounds: number, out: string): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'doinvoices-bench-ext-'));
  const dirs = ['real', 'empty', 'floor'].map((name) => path.join(root, name));
  writeRealExtension(dirs[0]);
  writeEmptyExtension(dirs[1], [NO_EVENT]);
  writeFloorExtension(dirs[2], [NO_EVENT]);
  const samples: ActivationSample[] = [];
  try {
    for (let round = 0; round <= rounds; round++) {
      const turn = round % dirs.length;
      for (const dir of [...dirs.slice(turn), ...dirs.slice(0, turn)]) {
        const result = await sample(dir);
        console.log(`[bench] activation ${round === 0 ? 'warm-up' : `${round}/${rounds}`} ${result.id}: ${describe(result)}`);
        if (round > 0) {
          samples.push(result);
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
