import { describe, expect, it } from 'vitest';
import { runOnWorkers } from './monte-carlo-pool.ts';
import { failingJob, saopJob } from './pool-job.test-support.ts';

const job = saopJob({ issues: 5, domainSeed: 5, seed: 7, runs: 60 });

describe('Monte Carlo on worker threads', () => {
  it('gives the same records, in run order, for one, two or three workers', async () => {
    const progress: number[] = [];
    const one = await runOnWorkers(job, { workers: 1 });
    const two = await runOnWorkers(job, { workers: 2, onProgress: (done) => progress.push(done) });
    const three = await runOnWorkers(job, { workers: 3 });
    expect(one.map((r) => r.seed)).toEqual(Array.from({ length: 60 }, (_, i) => 7 + i));
    expect(two).toEqual(one);
    expect(three).toEqual(one);
    // Progress counts up to the total, share by share.
    expect(progress.at(-1)).toBe(60);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    // The runs differ (drawn e, noise and the random tactic): not one record repeated 60 times.
    expect(new Set(one.map((r) => r.agreement?.round ?? -1)).size).toBeGreaterThan(1);
  });

  it('reports a failing run as the error it threw', async () => {
    const bad = failingJob(job);
    await expect(runOnWorkers(bad, { workers: 2 })).rejects.toThrow(
      'the scripted tactic plays SAOP on a case calendar only',
    );
  });
});
