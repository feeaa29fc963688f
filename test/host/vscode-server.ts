// Starts the VS Code server (installed by install-vscode-server.ts) on a free 127.0.0.1 port
// with a throw-away profile: user data, server data, extensions and an empty workspace folder.
// Tests run it with the smoke-test driver (no modal dialog can block them); a person's window
// (npm start) runs without it and with the key service, so that secrets survive a reload.
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { startKeyService } from './key-service';
import { serverMain, testResultsDir } from './paths';
import { freePort, HarnessError, killGroup, pollUntil, tail } from './proc';

/** User settings every test profile starts with (see the notes for why each is needed). */
export const BASE_SETTINGS: Readonly<Record<string, unknown>> = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'telemetry.telemetryLevel': 'off',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
};

/**
 * Machine settings (<user data>/Machine/settings.json): a remote window, as the browser
 * workbench is, reads machine-scoped settings from there, not from the user's settings.
 */
export const BASE_MACHINE_SETTINGS: Readonly<Record<string, unknown>> = {
  // The extension opens its walkthrough on a first start only when this allows it; the sandbox turns it on.
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
};

export interface ServerOptions {
  /** Added to (or replacing) BASE_SETTINGS in User/settings.json. */
  settings?: Record<string, unknown>;
  /** Added to (or replacing) BASE_MACHINE_SETTINGS in Machine/settings.json (machine-scoped settings). */
  machineSettings?: Record<string, unknown>;
  /** Extra environment for the server; the extension hosts it starts inherit it. */
  env?: NodeJS.ProcessEnv;
  /** Names the log file test-results/logs/vscode-server-<label>-<port>.log. */
  label?: string;
  /** Where the workbench is opened (the key service's port when it runs); default: a free port. */
  port?: number;
  startTimeoutMs?: number;
  /**
   * VS Code's smoke-test driver (default true): the workbench then refuses every modal dialog
   * (a modal message resolves to undefined, an external link opens without asking), so that
   * no test can hang on one. A window for a person needs it off.
   */
  smokeTestDriver?: boolean;
  /** Answer the workbench's key requests (see key-service.ts), so secrets survive a reload. Default false. */
  persistSecrets?: boolean;
}

export interface VscodeServer {
  /** http://127.0.0.1:<port>, where the workbench is opened (the key service when it runs). */
  url: string;
  port: number;
  /** The empty folder to open as the workspace. */
  workspaceDir: string;
  userDataDir: string;
  logFile: string;
  /** How long the server took to answer. */
  startSeconds: number;
  /** Resolves when the server process exits, for whatever reason. */
  exited: Promise<void>;
  /** Kills the server's whole process group and removes the temp folders. Idempotent. */
  stop(): Promise<void>;
}

export async function startVscodeServer(options: ServerOptions = {}): Promise<VscodeServer> {
  if (!fs.existsSync(serverMain)) {
    throw new HarnessError(`The VS Code server is not installed (${serverMain}): run "node out/test/host/install-vscode-server.js".`);
  }
  const started = Date.now();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'doinvoices-vscode-'));
  const userDataDir = path.join(root, 'user-data');
  const serverDataDir = path.join(root, 'server-data');
  const extensionsDir = path.join(root, 'extensions');
  const workspaceDir = path.join(root, 'workspace');
  for (const dir of [path.join(userDataDir, 'User'), path.join(userDataDir, 'Machine'), serverDataDir, extensionsDir, workspaceDir]) {
    fs.mkdirSync(dir, { recursive: true });
  }
  const writeSettings = (file: string, settings: Record<string, unknown>) => fs.writeFileSync(file, JSON.stringify(settings, null, 2) + '\n');
  writeSettings(path.join(userDataDir, 'User', 'settings.json'), { ...BASE_SETTINGS, ...options.settings });
  writeSettings(path.join(userDataDir, 'Machine', 'settings.json'), { ...BASE_MACHINE_SETTINGS, ...options.machineSettings });

  const persistSecrets = options.persistSecrets ?? false;
  const frontPort = options.port ?? (await freePort());
  // Behind the key service the server itself listens on another free port.
  const port = persistSecrets ? await freePort() : frontPort;
  const serverUrl = `http://127.0.0.1:${port}`;
  fs.mkdirSync(path.join(testResultsDir, 'logs'), { recursive: true });
  const logFile = path.join(testResultsDir, 'logs', `vscode-server-${options.label ? `${options.label}-` : ''}${frontPort}.log`);
  const log = fs.openSync(logFile, 'w');
  // Its own process group (detached), so stop() reaches the extension hosts and watchers too;
  // started through the guard, which stops that group should this process die without stop().
  const child = spawn(
    process.execPath,
    [
      path.join(__dirname, 'process-guard.js'),
      '--remove', root,
      process.execPath,
      serverMain,
      '--host', '127.0.0.1',
      '--port', String(port),
      '--without-connection-token',
      '--accept-server-license-terms',
      '--disable-telemetry',
      ...(options.smokeTestDriver ?? true ? ['--enable-smoke-test-driver'] : []),
      '--user-data-dir', userDataDir,
      '--server-data-dir', serverDataDir,
      '--extensions-dir', extensionsDir,
    ],
    { detached: true, stdio: ['pipe', log, log], env: { ...process.env, ...options.env } },
  );
  fs.closeSync(log);
  let exitedEarly = false;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => (exitedEarly = true));

  let closeKeyService = async () => undefined as void;
  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      await closeKeyService();
      await killGroup(child);
      fs.rmSync(root, { recursive: true, force: true });
    })());

  try {
    await pollUntil(
      async () => {
        if (exitedEarly) {
          throw new HarnessError(`The VS Code server exited during start. Last lines of ${logFile}:\n${tail(logFile)}`);
        }
        try {
          const response = await fetch(`${serverUrl}/version`, { signal: AbortSignal.timeout(2000) });
          return response.ok;
        } catch {
          return false;
        }
      },
      `the VS Code server on ${serverUrl} (log: ${logFile})`,
      options.startTimeoutMs ?? 60_000,
    );
    if (persistSecrets) {
      const keyService = await startKeyService(port, frontPort);
      closeKeyService = keyService.close;
    }
  } catch (error) {
    await stop();
    throw error;
  }
  const url = `http://127.0.0.1:${frontPort}`;
  return { url, port: frontPort, workspaceDir, userDataDir, logFile, exited, startSeconds: (Date.now() - started) / 1000, stop };
}
