import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { RunRecord } from '@parley/core/simulate/monte-carlo.ts';
import { runInProcess, type MonteCarloJob } from '@parley/app/simulate/simulate.ts';
import {
  failureOf,
  WORKER_MARK,
  WORKER_URL,
  type FromWorker,
  type ToWorker,
  type WorkerStart,
} from './monte-carlo-worker.ts';

/**
 * One large Monte Carlo (`parley simulate --runs`) spread over worker threads. Workers ask for
 * shares of run indices as they finish (so a slow share does not hold the others up); records come
 * back by index and are put in order, and since a run depends only on the job and its index (core
 * monte-carlo.ts) the result is the same for any number of workers. One worker, or one run, stays
 * in this thread. The server's many small simulations go to simulation-pool.ts instead.
 */

export interface PoolOptions {
  /** Worker threads (default: the machine's available parallelism). */
  workers?: number;
  /** Called with the number of runs done so far, after each share. */
  onProgress?: (done: number, total: number) => void;
}

export const defaultWorkers = () => availableParallelism();

/** Runs per share: small enough to balance and report progress, large enough to amortise messages. */
const shareSize = (runs: number, workers: number) =>
  Math.max(1, Math.min(200, Math.ceil(runs / (workers * 8))));

export async function runOnWorkers(job: MonteCarloJob, options: PoolOptions = {}): Promise<RunRecord[]> {
  const workers = Math.max(1, Math.min(options.workers ?? defaultWorkers(), job.runs));
  if (workers === 1) {
    const records = runInProcess(job);
    options.onProgress?.(job.runs, job.runs);
    return records;
  }
  const size = shareSize(job.runs, workers);
  const records = new Array<RunRecord>(job.runs);
  let next = 0;
  let done = 0;
  const threads: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let finished = 0;
      const give = (worker: Worker) => {
        if (next >= job.runs) {
          worker.postMessage({ stop: true } satisfies ToWorker);
          if (++finished === workers) resolve();
          return;
        }
        const from = next;
        next = Math.min(job.runs, next + size);
        worker.postMessage({ from, to: next } satisfies ToWorker);
      };
      for (let w = 0; w < workers; w++) {
        const worker = startWorker({ [WORKER_MARK]: true, job });
        threads.push(worker);
        worker.on('message', (message: FromWorker) => {
          if ('failed' in message) {
            reject(failureOf(message.failed));
            return;
          }
          if ('records' in message) {
            message.records.forEach((r, k) => (records[message.from + k] = r));
            done += message.records.length;
            options.onProgress?.(done, job.runs);
          }
          give(worker);
        });
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (code !== 0) reject(new Error(`a Monte Carlo worker stopped with exit code ${code}`));
        });
      }
    });
  } finally {
    await Promise.all(threads.map((t) => t.terminate()));
  }
  return records;
}

/**
 * A worker whose entry is monte-carlo-worker.ts. From the bundle the module's file is plain
 * JavaScript; from the TypeScript source (tsx, vitest) the worker first registers tsx's loader,
 * which a worker thread does not inherit.
 */
export function startWorker(workerData: WorkerStart): Worker {
  if (!WORKER_URL.endsWith('.ts')) return new Worker(new URL(WORKER_URL), { workerData });
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(WORKER_URL)}); });`;
  return new Worker(boot, { eval: true, workerData });
}
