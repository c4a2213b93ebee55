import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { ParleyError, type ErrorCode } from '@parley/model/errors.ts';
import { monteCarloRuns } from '@parley/core/simulate/monte-carlo.ts';
import type { MonteCarloJob } from '@parley/app/simulate/simulate.ts';

/**
 * The worker side of the Monte Carlo pool (monte-carlo-pool.ts): it receives the job once, then
 * asks for shares of run indices and answers each with its records (pure core code does the
 * runs). The pool starts this very module as the worker's entry — from the TypeScript source
 * under tsx, or from the bundle — and `workerData` marks the thread as one of its workers.
 */

export const WORKER_MARK = 'parleyMonteCarloWorker';

/** This module's URL: the pool's worker entry (the bundle file once bundled). */
export const WORKER_URL = import.meta.url;

/** Pool → worker: a share of runs, or the end. Worker → pool: records, or a failure. */
export type ToWorker = { from: number; to: number } | { stop: true };
export type FromWorker =
  | { ready: true }
  | { from: number; records: ReturnType<typeof monteCarloRuns> }
  | { failed: { code?: ErrorCode; message: string } };

if (!isMainThread && (workerData as Record<string, unknown> | null)?.[WORKER_MARK]) {
  const job = (workerData as { job: MonteCarloJob }).job;
  const port = parentPort!;
  port.on('message', (message: ToWorker) => {
    if ('stop' in message) {
      port.close();
      return;
    }
    try {
      const records = monteCarloRuns(job.domain, job.spec, message.from, message.to, job.withTrace);
      port.postMessage({ from: message.from, records } satisfies FromWorker);
    } catch (error) {
      const failed =
        error instanceof ParleyError
          ? { code: error.code, message: error.message }
          : { message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
      port.postMessage({ failed } satisfies FromWorker);
    }
  });
  port.postMessage({ ready: true } satisfies FromWorker);
}
