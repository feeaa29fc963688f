// Runs a command with every core kept busy (test/host/cpu-burner.ts): the burner starts before
// the command and stops when it ends; exits with the command's code.
// Usage: node out/test/host/under-load.js <command> [args...]
//   `npm run test:stress` is `npm test`'s run-all under it; DOI_BURN_THREADS overrides the
//   number of spinning threads (default: one per core).
import { spawn } from 'child_process';
import { startCpuBurner } from './cpu-burner';
import { HarnessError, runMain, secondsSince } from './proc';

async function underLoad(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (!command) {
    throw new HarnessError('usage: node out/test/host/under-load.js <command> [args...]');
  }
  const burner = startCpuBurner(Number(process.env.DOI_BURN_THREADS) || undefined);
  const started = Date.now();
  console.log(`[under-load] ${burner.threads} spinning thread(s) started; running ${[command, ...args].join(' ')}`);
  try {
    return await new Promise<number>((resolve) => {
      // Same process group: a Ctrl-C in the terminal reaches the command itself, which stops
      // what it started; this process only waits for it. A signal sent to this process alone
      // is passed on.
      const child = spawn(command, args, { stdio: 'inherit' });
      const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
      const handlers = (['SIGINT', 'SIGTERM', 'SIGHUP'] as const).map((signal) => {
        const handler = signal === 'SIGINT' ? () => undefined : forward(signal);
        process.on(signal, handler);
        return () => process.off(signal, handler);
      });
      child.on('error', (error) => {
        console.error(`[under-load] could not start ${command}: ${error.message}`);
        resolve(1);
      });
      child.on('exit', (code, signal) => {
        handlers.forEach((remove) => remove());
        resolve(code ?? (signal ? 1 : 0));
      });
    });
  } finally {
    await burner.stop();
    console.log(`[under-load] spinning threads stopped after ${secondsSince(started)}`);
  }
}

if (require.main === module) {
  runMain(() => underLoad(process.argv.slice(2)));
}
