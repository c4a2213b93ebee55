import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { ParleyError, type ErrorCode } from '@parley/model/errors.ts';
import { monteCarloRun, type RunRecord } from '@parley/core/simulate/monte-carlo.ts';
import type { Case } from '@parley/model/case.ts';
import type { PairFrontierInput } from '@parley/app/deals/input.ts';
import { pairFrontier, type PairFrontierReport } from '@parley/app/deals/pair-frontier.ts';
import type { MonteCarloJob } from '@parley/app/simulate/simulate.ts';

/**
 * The worker side of the Monte Carlo pools (monte-carlo-pool.ts for the CLI, simulation-pool.ts
 * for the server): it asks for shares of run indices and answers each with its records (pure core
 * code does the runs). The pools start this very module as the worker's entry — from the
 * TypeScript source under tsx, or from the bundle — and `workerData` marks the thread as one of
 * their workers. The job comes once in `workerData` (the CLI's one job) or with a share (the
 * server's long-lived workers, one request after another). The server's workers also draw the
 * utility space a simulation is shown in (a second's analysis on the embedded case).
 */

export const WORKER_MARK = 'parleyMonteCarloWorker';

/** This module's URL: the pools' worker entry (the bundle file once bundled). */
export const WORKER_URL = import.meta.url;

/** What a worker starts with: its mark, and the job when it has one for life. */
export interface WorkerStart {
  [WORKER_MARK]: true;
  job?: MonteCarloJob;
}

/** The arguments of app pairFrontier: two parties' frontier on a day of the case. */
export interface FrontierTask {
  caseData: Case;
  input: PairFrontierInput;
  caseName: string;
}

/**
 * Pool → worker: a share of runs (of a new job, when it comes with one; runs below `traced` keep
 * their trace even when the job keeps none), a frontier, or the end. Worker → pool: records, the
 * frontier, or a failure.
 */
export type ToWorker =
  | { from: number; to: number; job?: MonteCarloJob; traced?: number }
  | { frontier: FrontierTask }
  | { stop: true };
export type FromWorker =
  | { ready: true }
  | { from: number; records: RunRecord[] }
  | { frontier: PairFrontierReport }
  | { failed: { code?: ErrorCode; message: string } };

/** A worker's failure as the pool rethrows it: a ParleyError keeps its code. */
export const failureOf = ({ code, message }: { code?: ErrorCode; message: string }): Error =>
  code ? new ParleyError(code, message) : new Error(message);

if (!isMainThread && (workerData as Partial<WorkerStart> | null)?.[WORKER_MARK]) {
  let job = (workerData as WorkerStart).job;
  const port = parentPort!;
  port.on('message', (message: ToWorker) => {
    if ('stop' in message) {
      port.close();
      return;
    }
    try {
      if ('frontier' in message) {
        const { caseData, input, caseName } = message.frontier;
        port.postMessage({ frontier: pairFrontier(caseData, input, caseName) } satisfies FromWorker);
        return;
      }
      job = message.job ?? job;
      if (!job) throw new Error('a Monte Carlo worker was given runs without a job');
      const traced = message.traced ?? 0;
      const records: RunRecord[] = [];
      for (let i = message.from; i < message.to; i++)
        records.push(monteCarloRun(job.domain, job.spec, i, job.withTrace || i < traced));
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
