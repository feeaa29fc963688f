// `npm test`: every check of the project, in order, ending with one line `N passed, N failed`.
//   install the VS Code server (once) · type check (tsc, emits out/) · lint · build (esbuild)
//   · unit tests (mocha) · integration suite (extension host; again in German, and through a
//   proxy) · UI tests (Playwright)
// N counts tests across the mocha stages; a failed stage without tests (tsc, lint, build,
// install) counts as 1 failed, and so does every stage skipped because a stage it needs failed,
// and every mocha stage that ran no test (see test/host/stage-result.ts). The summary ends with
// the ten slowest tests, from the durations each mocha stage records (test/host/test-durations.ts)
// in test-results/test-durations.jsonl.
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { COUNTS_FILE_ENV, readCountsFile, TestCounts } from './host/mocha-report';
import { projectRoot, testResultsDir } from './host/paths';
import { secondsSince } from './host/proc';
import { judgeStage } from './host/stage-result';
import { DURATIONS_FILE_ENV, formatSlowest, readDurations, slowest, STAGE_ENV } from './host/test-durations';

interface Stage {
  name: string;
  command: string[];
  /** Stages that must have passed for this one to run. */
  needs: string[];
  /** A mocha stage: its counts come through COUNTS_FILE_ENV. */
  counted: boolean;
  env?: NodeJS.ProcessEnv;
}

interface StageResult {
  name: string;
  status: 'passed' | 'failed' | 'skipped';
  counts: TestCounts;
  seconds: number;
  note?: string;
}

const durationsFile = path.join(testResultsDir, 'test-durations.jsonl');
const SLOWEST_SHOWN = 10;

const bin = (tool: string) => path.join(projectRoot, 'node_modules', '.bin', tool);
const node = (script: string) => [process.execPath, path.join(projectRoot, script)];

const STAGES: Stage[] = [
  { name: 'install VS Code server', command: node('out/test/host/install-vscode-server.js'), needs: [], counted: false },
  { name: 'type check', command: [bin('tsc'), '-p', '.'], needs: [], counted: false },
  // The project's own scripts: `eslint src test …` and `node esbuild.js`.
  { name: 'lint', command: ['npm', 'run', '--silent', 'lint'], needs: [], counted: false },
  { name: 'build', command: ['npm', 'run', '--silent', 'build'], needs: [], counted: false },
  {
    name: 'unit tests',
    command: [bin('mocha'), '--reporter', path.join(projectRoot, 'out/test/host/counts-reporter.js')],
    needs: ['type check'],
    counted: true,
  },
  {
    name: 'integration tests',
    command: node('out/test/host/run-integration.js'),
    needs: ['install VS Code server', 'type check', 'build'],
    counted: true,
  },
  {
    // The same host with VS Code's display language set to German: the l10n bundles load.
    name: 'integration tests in German',
    command: node('out/test/host/run-integration.js'),
    needs: ['install VS Code server', 'type check', 'build'],
    counted: true,
    env: { DOI_DISPLAY_LANGUAGE: 'de', DOI_TEST_GREP: 'German' },
  },
  {
    // VS Code's http.proxy set and the default apiUrl: a CONNECT proxy on loopback leads it to the fake.
    name: 'integration tests through a proxy',
    command: node('out/test/host/run-integration.js'),
    needs: ['install VS Code server', 'type check', 'build'],
    counted: true,
    env: { DOI_THROUGH_PROXY: '1' },
  },
  {
    name: 'UI tests',
    command: node('out/test/host/run-ui.js'),
    needs: ['install VS Code server', 'type check', 'build'],
    counted: true,
  },
];

/** A command word as shown in the log: `node`, or a path relative to the project. */
function display(part: string): string {
  if (part === process.execPath) {
    return 'node';
  }
  return part.startsWith(projectRoot + path.sep) ? path.relative(projectRoot, part) : part;
}

let current: ChildProcess | undefined;
let interrupted: NodeJS.Signals | undefined;

function runStage(stage: Stage, countsFile: string): Promise<number> {
  fs.rmSync(countsFile, { force: true });
  return new Promise((resolve) => {
    const [command, ...args] = stage.command;
    // Its own process group: a Ctrl-C reaches it once, forwarded from here, so its cleanup runs.
    const child = spawn(command, args, {
      cwd: projectRoot,
      stdio: ['ignore', 'inherit', 'inherit'],
      detached: true,
      env: { ...process.env, ...stage.env, [COUNTS_FILE_ENV]: countsFile, [DURATIONS_FILE_ENV]: durationsFile, [STAGE_ENV]: stage.name },
    });
    current = child;
    child.on('error', (error) => {
      console.error(`[run-all] could not start ${command}: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      current = undefined;
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

function onSignal(signal: NodeJS.Signals) {
  if (interrupted) {
    return;
  }
  interrupted = signal;
  console.error(`[run-all] ${signal}: stopping the running stage, skipping the rest.`);
  if (current?.pid) {
    try {
      process.kill(-current.pid, signal);
    } catch {
      // Already gone.
    }
  }
}

async function main(): Promise<number> {
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const countsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'doinvoices-run-all-')), 'counts.json');
  fs.mkdirSync(testResultsDir, { recursive: true });
  fs.rmSync(durationsFile, { force: true });
  const results: StageResult[] = [];
  const started = Date.now();
  for (const stage of STAGES) {
    const blockers = stage.needs.filter((need) => results.find((result) => result.name === need)?.status !== 'passed');
    if (interrupted || blockers.length > 0) {
      const note = interrupted ? `interrupted (${interrupted})` : `skipped: needs ${blockers.join(', ')}`;
      console.log(`\n[run-all] ${stage.name}: ${note}`);
      results.push({ name: stage.name, status: 'skipped', counts: { passed: 0, failed: 1, pending: 0 }, seconds: 0, note });
      continue;
    }
    console.log(`\n[run-all] ${stage.name}: ${stage.command.map(display).join(' ')}`);
    const stageStart = Date.now();
    const code = await runStage(stage, countsFile);
    const seconds = (Date.now() - stageStart) / 1000;
    const { status, counts, note } = judgeStage(stage.counted, code, stage.counted ? readCountsFile(countsFile) : undefined);
    results.push({ name: stage.name, status, counts, seconds, note });
    console.log(`[run-all] ${stage.name}: ${status} in ${seconds.toFixed(1)} s`);
  }
  fs.rmSync(path.dirname(countsFile), { recursive: true, force: true });

  console.log(`\n[run-all] summary (${secondsSince(started)}):`);
  const nameWidth = Math.max(...results.map((result) => result.name.length));
  for (const result of results) {
    const tests = result.counts.passed + result.counts.failed > 0 ? ` ${result.counts.passed} passed, ${result.counts.failed} failed` : '';
    const pending = result.counts.pending ? ` (${result.counts.pending} pending)` : '';
    console.log(
      `  ${result.status.padEnd(7)} ${result.name.padEnd(nameWidth)} ${result.seconds.toFixed(1).padStart(6)} s${tests}${pending}` +
        (result.note ? ` — ${result.note}` : ''),
    );
  }
  const slow = slowest(readDurations(durationsFile), SLOWEST_SHOWN);
  if (slow.length > 0) {
    console.log(`\n[run-all] the ${slow.length} slowest tests (all durations: ${path.relative(projectRoot, durationsFile)}):`);
    formatSlowest(slow).forEach((line) => console.log(line));
  }
  const passed = results.reduce((sum, result) => sum + result.counts.passed, 0);
  const failed = results.reduce((sum, result) => sum + result.counts.failed, 0);
  console.log(`${passed} passed, ${failed} failed`);
  if (interrupted) {
    return interrupted === 'SIGINT' ? 130 : 143;
  }
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
