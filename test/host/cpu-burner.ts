// Keeps every core busy, as another program on the machine would: one worker thread per core,
// each spinning. The threads belong to the process that starts them, so they end with it
// whatever way it ends; stop() ends them sooner.
import * as os from 'os';
import { Worker } from 'worker_threads';

export interface CpuBurner {
  readonly threads: number;
  /** Terminates every spinning thread; resolves once they are gone. Idempotent. */
  stop(): Promise<void>;
}

// A bare loop: V8 checks for termination at its back edge, so terminate() ends it.
const SPIN = 'for (;;) {}';

export function startCpuBurner(threads = os.availableParallelism()): CpuBurner {
  const workers = Array.from({ length: threads }, () => new Worker(SPIN, { eval: true }));
  let stopped: Promise<void> | undefined;
  return {
    threads,
    stop: () => (stopped ??= Promise.all(workers.map((worker) => worker.terminate())).then(() => undefined)),
  };
}
