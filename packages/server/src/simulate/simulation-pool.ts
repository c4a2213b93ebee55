import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { ParleyError } from '@parley/model/errors.ts';
import type { RunRecord } from '@parley/core/simulate/monte-carlo.ts';
import type { PairFrontierReport } from '@parley/app/deals/pair-frontier.ts';
import type { MonteCarloJob } from '@parley/app/simulate/simulate.ts';
import { startWorker } from './monte-carlo-pool.ts';
import {
  failureOf,
  WORKER_MARK,
  type FrontierTask,
  type FromWorker,
  type ToWorker,
} from './monte-carlo-worker.ts';

/**
 * The server's simulations, off its event loop: a few long-lived worker threads, one simulation
 * (or the frontier it is drawn against) each at a time, the others waiting their turn in order. A simulation that runs past its budget
 * has its worker stopped (terminated mid-run: pure code cannot be interrupted otherwise) and
 * replaced; a full queue is refused at once rather than left to wait without end.
 */

export interface SimulationPoolOptions {
  /** Worker threads (default: the machine's available parallelism, at most MAX_POOL_WORKERS). */
  workers?: number;
  /** Milliseconds one simulation may run on its worker, its start included (default 30 s). */
  budgetMs?: number;
  /** Simulations that may wait for a worker (default 32); one more is refused as unavailable. */
  maxQueued?: number;
}

/** Workers at most by default: each is a thread with its own heap, and the loop needs a core too. */
export const MAX_POOL_WORKERS = 4;
export const DEFAULT_BUDGET_MS = 30_000;
export const DEFAULT_MAX_QUEUED = 32;

interface Task {
  message: ToWorker;
  resolve(answer: FromWorker): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  task?: Task;
  timer?: ReturnType<typeof setTimeout>;
}

export class SimulationPool {
  readonly size: number;
  private readonly budgetMs: number;
  private readonly maxQueued: number;
  private readonly slots = new Set<Slot>();
  private readonly queue: Task[] = [];
  private closed = false;

  constructor(options: SimulationPoolOptions = {}) {
    this.size = Math.max(1, options.workers ?? Math.min(MAX_POOL_WORKERS, availableParallelism()));
    this.budgetMs = options.budgetMs ?? DEFAULT_BUDGET_MS;
    this.maxQueued = options.maxQueued ?? DEFAULT_MAX_QUEUED;
  }

  /** The job's runs in index order; runs below `traced` keep their trace. */
  async run(job: MonteCarloJob, traced = 0): Promise<RunRecord[]> {
    const answer = await this.submit({ from: 0, to: job.runs, job, traced });
    if (!('records' in answer)) throw new Error('a simulation worker answered runs without records');
    return answer.records;
  }

  /** App pairFrontier, on a worker. */
  async frontier(task: FrontierTask): Promise<PairFrontierReport> {
    const answer = await this.submit({ frontier: task });
    if (!('frontier' in answer)) throw new Error('a simulation worker answered a frontier without one');
    return answer.frontier;
  }

  private submit(message: ToWorker): Promise<FromWorker> {
    if (this.closed) return Promise.reject(new ParleyError('unavailable', 'the server is shutting down'));
    if (this.queue.length >= this.maxQueued)
      return Promise.reject(
        new ParleyError(
          'unavailable',
          `the server is running ${this.size} simulation${this.size === 1 ? '' : 's'} and ${this.queue.length} more are waiting: try again in a moment`,
        ),
      );
    return new Promise((resolve, reject) => {
      this.queue.push({ message, resolve, reject });
      this.dispatch();
    });
  }

  /** Simulations running and waiting, and the workers started. */
  stats() {
    const running = [...this.slots].filter((s) => s.task).length;
    return { workers: this.slots.size, running, queued: this.queue.length };
  }

  /** Stops every worker; what was waiting or running is refused. */
  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0))
      task.reject(new ParleyError('unavailable', 'the server is shutting down'));
    const slots = [...this.slots];
    this.slots.clear();
    for (const slot of slots)
      this.settle(slot)?.reject(new ParleyError('unavailable', 'the server is shutting down'));
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  /** Gives waiting simulations to idle workers, starting workers up to the pool's size. */
  private dispatch() {
    while (this.queue.length > 0) {
      let slot = [...this.slots].find((s) => !s.task);
      if (!slot) {
        if (this.slots.size >= this.size) return;
        slot = this.start();
      }
      const task = this.queue.shift()!;
      slot.task = task;
      slot.timer = setTimeout(() => this.overBudget(slot), this.budgetMs);
      slot.worker.postMessage(task.message);
    }
  }

  private start(): Slot {
    const slot: Slot = { worker: startWorker({ [WORKER_MARK]: true }) };
    // An idle worker does not keep the process alive; a request waiting on one keeps its socket.
    slot.worker.unref();
    slot.worker.on('message', (message: FromWorker) => {
      if ('ready' in message) return;
      const task = this.settle(slot);
      if ('failed' in message) task?.reject(failureOf(message.failed));
      else task?.resolve(message);
      this.dispatch();
    });
    const lost = (error: Error) => {
      if (!this.slots.delete(slot)) return;
      this.settle(slot)?.reject(error);
      void slot.worker.terminate();
      this.dispatch();
    };
    slot.worker.on('error', lost);
    slot.worker.on('exit', (code) => lost(new Error(`a simulation worker stopped with exit code ${code}`)));
    this.slots.add(slot);
    return slot;
  }

  /** The slot's task, taken off it with its timer. */
  private settle(slot: Slot): Task | undefined {
    const task = slot.task;
    clearTimeout(slot.timer);
    slot.task = undefined;
    slot.timer = undefined;
    return task;
  }

  private overBudget(slot: Slot) {
    const task = this.settle(slot);
    this.slots.delete(slot);
    void slot.worker.terminate();
    task?.reject(
      new ParleyError(
        'over-budget',
        `the simulation ran longer than the ${seconds(this.budgetMs)} a request may run on the server, and was stopped: give fewer runs or a nearer deadline (\`parley simulate --runs\` runs as long as it takes, on every core)`,
      ),
    );
    this.dispatch();
  }
}

const seconds = (ms: number) => (ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`);

let shared: SimulationPool | undefined;

/** The process's one pool: the bound is the machine's cores, however many apps share them. */
export function simulationPool(): SimulationPool {
  shared ??= new SimulationPool();
  return shared;
}
