import { afterAll, describe, expect, it } from 'vitest';
import { isParleyError } from '@parley/model/errors.ts';
import { randomDomain } from '@parley/core/bargaining/random-domain.ts';
import { monteCarloRun } from '@parley/core/simulate/monte-carlo.ts';
import { runInProcess, type MonteCarloJob } from '@parley/app/simulate/simulate.ts';
import { failingJob, saopJob } from './pool-job.test-support.ts';
import { SimulationPool } from './simulation-pool.ts';

const job = saopJob({ issues: 4, domainSeed: 3, seed: 11, runs: 20 });

/** A job long enough that no budget of a few milliseconds covers it, nor the worker's start. */
const long: MonteCarloJob = {
  domain: randomDomain({ issues: 6, options: 6, parties: 3, seed: 1 }),
  spec: { ...job.spec, deadline: 1000, plays: [...job.spec.plays, job.spec.plays[0]!] },
  runs: 200,
  withTrace: false,
};

const refusal = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    if (isParleyError(error)) return [error.code, error.message];
    throw error;
  }
  throw new Error('no refusal');
};

describe('the server simulation pool', () => {
  const pool = new SimulationPool({ workers: 2 });
  afterAll(() => pool.close());

  it('gives the in-process records, the first run traced, for requests beyond its size queued in order', async () => {
    const jobs = [0, 1, 2, 3].map((k) => ({ ...job, spec: { ...job.spec, seed: 11 + 100 * k } }));
    const answers = jobs.map((j) => pool.run(j, 1));
    // Two run, two wait for a worker.
    expect(pool.stats()).toEqual({ workers: 2, running: 2, queued: 2 });
    const records = await Promise.all(answers);
    for (const [k, j] of jobs.entries()) {
      const expected = runInProcess(j);
      expected[0] = monteCarloRun(j.domain, j.spec, 0, true);
      expect(records[k]).toEqual(expected);
    }
    expect(records[0]![0]!.trace!.length).toBe(records[0]![0]!.steps);
    expect(records[0]![1]!.trace).toBeUndefined();
    expect(pool.stats()).toEqual({ workers: 2, running: 0, queued: 0 });
  });

  it('reports a failing run as the error it threw, and goes on', async () => {
    const bad = failingJob(job);
    await expect(pool.run(bad)).rejects.toThrow('the scripted tactic plays SAOP on a case calendar only');
    expect(await pool.run(job)).toEqual(runInProcess(job));
  });
});

describe('a simulation past its budget', () => {
  const pool = new SimulationPool({ workers: 1, budgetMs: 20, maxQueued: 1 });
  afterAll(() => pool.close());

  it('is stopped with a clear message, the next one waits, and one more is refused', async () => {
    const first = pool.run(long);
    const second = pool.run(long);
    expect(await refusal(pool.run(job))).toEqual([
      'unavailable',
      'the server is running 1 simulation and 1 more are waiting: try again in a moment',
    ]);
    const stopped = [
      'over-budget',
      'the simulation ran longer than the 20 ms a request may run on the server, and was stopped: give fewer runs or a nearer deadline (`parley simulate --runs` runs as long as it takes, on every core)',
    ];
    expect(await refusal(first)).toEqual(stopped);
    expect(await refusal(second)).toEqual(stopped);
    // Each stopped worker was dropped; the next simulation starts a fresh one.
    expect(pool.stats()).toEqual({ workers: 0, running: 0, queued: 0 });
  });
});
