// Small process helpers shared by the test host: spawning with the output logged to a file,
// killing whole process groups, free ports and condition polling.
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';

/** An expected failure: the entry points print its message as one line, without a stack. */
export class HarnessError extends Error {}

/** Last `lines` lines of a text file ('' when it cannot be read). */
export function tail(file: string, lines = 40): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/**
 * The environment for a child npm. When this runs under `npm test`, npm exports its prefixes
 * and the running package's fields; a nested npm would take those as its own configuration.
 */
export function cleanNpmEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    const lower = key.toLowerCase();
    if (
      lower.startsWith('npm_package_') ||
      lower.startsWith('npm_lifecycle_') ||
      ['npm_config_prefix', 'npm_config_local_prefix', 'npm_config_global_prefix'].includes(lower)
    ) {
      continue;
    }
    env[key] = value;
  }
  return { ...env, ...extra };
}

export interface LoggedRunOptions {
  cwd: string;
  logFile: string;
  env?: NodeJS.ProcessEnv;
}

/** Runs a command, appending its output to `logFile`; rejects with the log's tail on failure. */
export function runLogged(command: string, args: string[], options: LoggedRunOptions): Promise<void> {
  const log = fs.openSync(options.logFile, 'a');
  fs.writeSync(log, `\n$ (cd ${options.cwd} && ${command} ${args.join(' ')})\n`);
  return new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', log, log],
    });
    child.on('error', (error) => {
      fs.closeSync(log);
      reject(new HarnessError(`Could not start ${command}: ${error.message}`));
    });
    child.on('exit', (code, signal) => {
      fs.closeSync(log);
      if (code === 0) {
        resolve();
      } else {
        const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
        reject(
          new HarnessError(
            `\`${command} ${args.join(' ')}\` in ${options.cwd} ${how}. Last lines of ${options.logFile}:\n` +
              tail(options.logFile),
          ),
        );
      }
    });
  });
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/**
 * Stops a child started with `detached: true` (its own process group) and everything it
 * started: SIGTERM to the group, SIGKILL after `graceMs`. Resolves once the child has exited.
 */
export async function killGroup(child: ChildProcess, graceMs = 3000): Promise<void> {
  if (child.pid === undefined) {
    return;
  }
  const pid = child.pid;
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // The group is already gone.
    }
  };
  const exit = exited(child) ? Promise.resolve() : new Promise<void>((resolve) => child.once('exit', () => resolve()));
  signalGroup('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), graceMs)));
  const result = await Promise.race([exit.then(() => 'exited' as const), timeout]);
  clearTimeout(timer);
  // Children of the group may outlive its leader; SIGKILL whatever is left either way.
  signalGroup('SIGKILL');
  if (result === 'timeout') {
    await exit;
  }
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') {
          resolve(address.port);
        } else {
          reject(new Error('no port'));
        }
      });
    });
  });
}

/** Polls `condition` every `intervalMs` until it returns true, or rejects after `timeoutMs`. */
export async function pollUntil(
  condition: () => Promise<boolean>,
  what: string,
  timeoutMs: number,
  intervalMs = 200,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) {
      return;
    }
    if (Date.now() > deadline) {
      throw new HarnessError(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Seconds since `start` (a Date.now() value), for progress lines. */
export function secondsSince(start: number): string {
  return `${((Date.now() - start) / 1000).toFixed(1)} s`;
}

/**
 * Runs `main` as a command-line entry point: a HarnessError prints as one line, anything else
 * with its stack; the process exits with `main`'s result (1 on error). `main` stops what it
 * started; exiting here makes sure a forgotten handle cannot keep the process alive.
 */
export function runMain(main: () => Promise<number>): void {
  // A closed output pipe (`| head`) must not crash the process before it has cleaned up.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', () => undefined);
  }
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof HarnessError ? error.message : error);
      process.exit(1);
    },
  );
}
