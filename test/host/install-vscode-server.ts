// Installs the VS Code server (the `vscode-reh-web` build carried by the code-server npm
// package) into .vscode-test/vscode-server, once. See /work/shared/notes/vscode-server-host.md.
// Usage: node out/test/host/install-vscode-server.js
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { cacheDir, serverInstallDir, serverMain, vscodeDir } from './paths';
import { cleanNpmEnv, HarnessError, runLogged, runMain, secondsSince } from './proc';

export const CODE_SERVER_VERSION = '4.100.3';
export const REQUIRED_NODE_MAJOR = 20;
export const CHROMIUM_PATH = '/usr/bin/chromium';
const DEBIAN_PACKAGES = 'chromium libkrb5-dev ripgrep openssl';
/** Written last: its absence means the install never finished and is redone. */
const markerFile = path.join(serverInstallDir, '.install-complete');
const logFile = path.join(cacheDir, 'install-vscode-server.log');

function onPath(command: string): string | undefined {
  try {
    return execFileSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Every missing prerequisite, as one line each; `forInstall` adds what only the install needs. */
export function missingPrerequisites(forInstall: boolean): string[] {
  const problems: string[] = [];
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== REQUIRED_NODE_MAJOR) {
    problems.push(
      `Node ${process.versions.node} is running, but code-server@${CODE_SERVER_VERSION} (VS Code server 1.100.3) ` +
        `requires Node ${REQUIRED_NODE_MAJOR}: run the tests with Node ${REQUIRED_NODE_MAJOR}.x.`,
    );
  }
  const apt = `run "apt-get install -y ${DEBIAN_PACKAGES}" as root.`;
  if (!fs.existsSync(CHROMIUM_PATH)) {
    problems.push(`Missing Debian package chromium (${CHROMIUM_PATH}): ${apt}`);
  }
  if (!onPath('rg')) {
    problems.push(`Missing Debian package ripgrep (rg on PATH): ${apt}`);
  }
  if (!onPath('openssl')) {
    problems.push(`Missing Debian package openssl (the proxy test makes its certificates with it): ${apt}`);
  }
  if (!forInstall) {
    return problems;
  }
  if (!fs.existsSync('/usr/include/krb5.h')) {
    problems.push(`Missing Debian package libkrb5-dev (/usr/include/krb5.h): ${apt}`);
  }
  for (const tool of ['make', 'g++', 'python3']) {
    if (!onPath(tool)) {
      problems.push(
        `Missing ${tool} (needed to build the server's native modules): run "apt-get install -y make g++ python3" as root.`,
      );
    }
  }
  return problems;
}

export function isServerInstalled(): boolean {
  return fs.existsSync(markerFile) && fs.existsSync(serverMain);
}

async function install(): Promise<void> {
  const started = Date.now();
  const step = async (what: string, command: string, args: string[], cwd: string, env = cleanNpmEnv()) => {
    const stepStart = Date.now();
    console.log(`[install] ${what}...`);
    await runLogged(command, args, { cwd, logFile, env });
    console.log(`[install] ${what}: done in ${secondsSince(stepStart)}`);
  };

  // A folder without the marker is the remains of an interrupted install: start over.
  fs.rmSync(serverInstallDir, { recursive: true, force: true });
  fs.mkdirSync(serverInstallDir, { recursive: true });
  fs.writeFileSync(logFile, `install of code-server@${CODE_SERVER_VERSION} started ${new Date().toISOString()}\n`);
  // Its own package.json, so npm installs here and not into the project above.
  fs.writeFileSync(
    path.join(serverInstallDir, 'package.json'),
    JSON.stringify({ name: 'vscode-server-cache', private: true }, null, 2) + '\n',
  );
  console.log(`[install] Installing the VS Code server into ${serverInstallDir} (log: ${logFile})`);

  await step(`npm install code-server@${CODE_SERVER_VERSION} (without its scripts)`, 'npm', [
    'install', '--ignore-scripts', '--no-audit', '--no-fund', `code-server@${CODE_SERVER_VERSION}`,
  ], serverInstallDir);
  await step('npm install the VS Code server dependencies', 'npm', [
    'install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund',
  ], vscodeDir);
  // @vscode/ripgrep's postinstall downloads rg from GitHub unless bin/ exists: use Debian's.
  const ripgrepBin = path.join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
  fs.mkdirSync(ripgrepBin, { recursive: true });
  fs.symlinkSync(onPath('rg') as string, path.join(ripgrepBin, 'rg'));
  // npm_config_yes lets node-pty's `npx node-gyp` run without a prompt.
  await step('npm rebuild the native modules', 'npm', ['rebuild'], vscodeDir, cleanNpmEnv({ npm_config_yes: 'true' }));
  fs.symlinkSync('node_modules', path.join(vscodeDir, 'node_modules.asar'));
  await step('npm install the built-in extensions\' dependencies', 'npm', [
    'install', '--omit=dev', '--no-audit', '--no-fund',
  ], path.join(vscodeDir, 'extensions'));
  // code-server's own CLI would also want `npm rebuild argon2`; server-main.js does not.

  fs.writeFileSync(markerFile, JSON.stringify({ codeServer: CODE_SERVER_VERSION, installed: new Date().toISOString() }) + '\n');
  console.log(`[install] VS Code server installed in ${secondsSince(started)}`);
}

/** Checks the prerequisites and installs the server unless a complete install is there. */
export async function ensureVscodeServer(): Promise<void> {
  const problems = missingPrerequisites(!isServerInstalled());
  if (problems.length > 0) {
    throw new HarnessError(problems.join('\n'));
  }
  if (isServerInstalled()) {
    return;
  }
  await install();
}

if (require.main === module) {
  runMain(async () => {
    const wasInstalled = isServerInstalled();
    await ensureVscodeServer();
    if (wasInstalled) {
      console.log(`[install] VS Code server already installed in ${serverInstallDir}`);
    }
    return 0;
  });
}
