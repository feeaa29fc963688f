// The F5 loop: .vscode/launch.json, tasks.json and extensions.json fit together and with the
// project's scripts, and the watch build prints what its problem matcher waits for.
import * as assert from 'assert';
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..', '..');

interface LaunchConfiguration {
  name: string;
  type: string;
  args: string[];
  env?: Record<string, string>;
  preLaunchTask?: string;
}

interface Task {
  label: string;
  type?: string;
  script?: string;
  command?: string;
  args?: string[];
  problemMatcher?: string | string[];
  isBackground?: boolean;
  dependsOn?: string[];
}

const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as T;
const configurations = () => readJson<{ configurations: LaunchConfiguration[] }>('.vscode/launch.json').configurations;
const tasks = () => readJson<{ tasks: Task[] }>('.vscode/tasks.json').tasks;
const scripts = () => readJson<{ scripts: Record<string, string> }>('package.json').scripts;

function configuration(name: string): LaunchConfiguration {
  const found = configurations().find((candidate) => candidate.name === name);
  assert.ok(found, `launch configuration "${name}"`);
  assert.strictEqual(found.type, 'extensionHost');
  return found;
}

function task(label: string | undefined): Task {
  const found = tasks().find((candidate) => candidate.label === label);
  assert.ok(found, `task "${label}"`);
  return found;
}

/** The value of a `--name=value` argument. */
function argument(config: LaunchConfiguration, name: string): string | undefined {
  return config.args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
}

describe('the F5 loop (.vscode/)', function () {
  this.timeout(60_000);

  it('"Run Extension" starts after the watch build, which esbuild\'s problem matcher follows', () => {
    const run = configuration('Run Extension');
    assert.strictEqual(argument(run, 'extensionDevelopmentPath'), '${workspaceFolder}');
    const watch = task(run.preLaunchTask);
    assert.deepStrictEqual([watch.type, watch.script, watch.problemMatcher, watch.isBackground], ['npm', 'watch', '$esbuild-watch', true]);
    assert.match(scripts().watch, /esbuild\.js --watch/);
  });

  it('"Extension Tests" runs the compiled integration suite in a profile of its own, after both watch builds', () => {
    const tests = configuration('Extension Tests');
    assert.strictEqual(argument(tests, 'extensionTestsPath'), '${workspaceFolder}/out/test/integration/index');
    assert.ok(fs.existsSync(path.join(ROOT, 'test', 'integration', 'index.ts')));
    // Never the developer's own profile: the suite sets and clears tokens and settings.
    for (const dir of ['user-data-dir', 'extensions-dir']) {
      assert.match(argument(tests, dir) ?? '', /^\$\{workspaceFolder\}\/\.vscode-test\/extension-tests\//, dir);
    }
    assert.deepStrictEqual(tests.env, { DIGITALOCEAN_ACCESS_TOKEN: '', DIGITALOCEAN_TOKEN: '' });
    const prepare = task(tests.preLaunchTask);
    const steps = (prepare.dependsOn ?? []).map(task);
    const watchTests = steps.find((step) => step.script === 'watch-tests');
    assert.ok(steps.some((step) => step.script === 'watch'), 'the esbuild watch');
    assert.ok(watchTests?.isBackground && watchTests.problemMatcher === '$tsc-watch', 'the tsc watch');
    assert.match(scripts()['watch-tests'], /^tsc -p \. --watch/);
  });

  it('starts "Extension Tests" from a fresh profile folder', () => {
    const fresh = task('prepare extension tests').dependsOn?.map(task).find((step) => step.command === 'node');
    assert.ok(fresh?.args, 'a node task that prepares the profile');
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'doinvoices-f5-'));
    try {
      const stale = path.join(cwd, '.vscode-test', 'extension-tests', 'user-data', 'stale.json');
      fs.mkdirSync(path.dirname(stale), { recursive: true });
      fs.writeFileSync(stale, '{}');
      const run = spawnSync(process.execPath, fresh.args, { cwd, encoding: 'utf8' });
      assert.strictEqual(run.status, 0, run.stderr);
      assert.deepStrictEqual(fs.readdirSync(path.join(cwd, '.vscode-test', 'extension-tests')), ['workspace']);
    } finally {
      fs.rmSync(cwd, { recursive: true, force: true });
    }
  });

  it('recommends ESLint and the esbuild problem matchers', () => {
    const { recommendations } = readJson<{ recommendations: string[] }>('.vscode/extensions.json');
    assert.deepStrictEqual([...recommendations].sort(), ['connor4312.esbuild-problem-matchers', 'dbaeumer.vscode-eslint']);
  });

  it('has the watch build print the lines $esbuild-watch begins and ends a build with', async () => {
    // The matcher's background patterns (connor4312.esbuild-problem-matchers).
    const begins = /\[watch\] build started/;
    const ends = /\[watch\] build finished/;
    const child = spawn(process.execPath, ['esbuild.js', '--watch'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    try {
      await new Promise<void>((resolve, reject) => {
        const onData = (chunk: Buffer) => {
          output += chunk.toString();
          if (ends.test(output)) {
            resolve();
          }
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.once('exit', (code) => reject(new Error(`the watch exited (${code}) before a build finished:\n${output}`)));
      });
    } finally {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
    }
    assert.ok(begins.test(output) && output.search(begins) < output.search(ends), output);
    assert.doesNotMatch(output, /\[ERROR\]/);
  });
});
