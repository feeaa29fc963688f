// Runs a command and stops its whole process group once this guard's stdin closes, that is
// when the test host that started it is gone without stopping it (a crash, SIGKILL, a closed
// output pipe). vscode-server.ts starts the server through it, as the leader of a new group.
// Usage: node out/test/host/process-guard.js [--remove <dir>] <command> [args...]
//   stdin: a pipe from the host. --remove: a temp folder to delete in that case too.
import { spawn } from 'child_process';
import * as fs from 'fs';

const argv = process.argv.slice(2);
const removeDir = argv[0] === '--remove' ? argv.splice(0, 2)[1] : undefined;
const [command, ...args] = argv;
let hostGone = false;

const signalGroup = (signal: NodeJS.Signals) => {
  try {
    process.kill(-process.pid, signal);
  } catch {
    // Nothing left.
  }
};
const finish = () => {
  if (removeDir) {
    fs.rmSync(removeDir, { recursive: true, force: true });
  }
  signalGroup('SIGKILL');
};

const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
child.on('exit', (code, signal) => {
  if (hostGone) {
    finish();
  }
  process.exit(code ?? (signal ? 1 : 0));
});

// The host stops the group with SIGTERM: the command gets it too; this guard stays until the
// command has exited, so the host can wait for that.
process.on('SIGTERM', () => undefined);
process.on('SIGINT', () => undefined);

process.stdin.on('close', () => {
  hostGone = true;
  signalGroup('SIGTERM');
  setTimeout(finish, 5000).unref();
});
process.stdin.resume();
