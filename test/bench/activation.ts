// Activation benchmark: starts the VS Code server with the real extension, then with an empty
// extension generated in a temp folder, each as the development extension of a fresh profile,
// and reads what test/bench/activationProbe.ts logs. Figures are steadiest on an idle machine.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { outDir, projectRoot } from '../host/paths';
import { runMain } from '../host/proc';
import { startVscodeServer } from '../host/vscode-server';
import { openWorkbench } from '../host/workbench';

export interface ActivationSample {
  readonly id: string;
  /** The extension's own performance.now() around activate()'s body. */
  readonly activationMs?: number;
  /** extension.activate() as the probe saw it: loading the module, activate() and the host's bookkeeping. */
  readonly callMs: number;
  readonly wasActive: boolean;
}

/** An extension that does nothing, activated like the real one (onStartupFinished), timing itself the same way. */
export function writeEmptyExtension(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  const manifest = {
    name: 'empty-extension', publisher: 'bench', version: '0.0.1', license: 'MIT', engines: { vscode: '^1.100.0' },
    activationEvents: ['onStartupFinished'], main: './extension.js',
  };
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  fs.writeFileSync(
    path.join(dir, 'extension.js'),
    'exports.activate = function () {\n  const started = performance.now();\n  return { activationMs: performance.now() - started };\n};\n' +
      'exports.deactivate = function () {};\n',
  );
  fs.writeFileSync(path.join(dir, 'README.md'), '# Empty extension\n\nThe baseline of the benchmark.\n');
  fs.writeFileSync(path.join(dir, 'LICENSE'), 'MIT\n');
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
        // The workbench reformats the host's console arguments: look for the JSON itself.
        const json = /\{"id":.*"wasActive":(true|false)\}/.exec(line);
        if (json) {
          result = JSON.parse(json[0]) as ActivationSample;
        }
      },
    });
    try {
      await Promise.race([workbench.exitCode, new Promise((resolve) => setTimeout(resolve, 120_000))]);
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
  return result;
}

/** Alternates the two extensions `runs` times; writes every sample to `out` as JSON. */
export async function benchActivation(runs: number, out: string): Promise<void> {
  const emptyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'doinvoices-empty-ext-'));
  writeEmptyExtension(emptyDir);
  const samples: ActivationSample[] = [];
  try {
    for (let n = 0; n < runs; n++) {
      for (const dir of [projectRoot, emptyDir]) {
        const result = await sample(dir);
        console.log(`[bench] activation ${result.id}: ${JSON.stringify(result)}`);
        samples.push(result);
      }
    }
  } finally {
    fs.rmSync(emptyDir, { recursive: true, force: true });
  }
  fs.writeFileSync(out, JSON.stringify(samples, null, 2));
}

if (require.main === module) {
  runMain(() => benchActivation(Number(process.env.DOI_BENCH_ACTIVATION_RUNS) || 7, process.argv[2] ?? path.join(os.tmpdir(), 'doinvoices-activation.json')).then(() => 0));
}
