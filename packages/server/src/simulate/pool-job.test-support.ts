import { randomDomain } from '@parley/core/bargaining/random-domain.ts';
import type { MonteCarloJob } from '@parley/app/simulate/simulate.ts';

/**
 * A small SAOP Monte Carlo job for the pool tests: two parties on a random domain, one conceding
 * over a drawn exponent, one bidding at random, with a noisy opponent model.
 */
export const saopJob = (shape: {
  issues: number;
  domainSeed: number;
  seed: number;
  runs: number;
}): MonteCarloJob => ({
  domain: randomDomain({ issues: shape.issues, options: 4, parties: 2, seed: shape.domainSeed }),
  spec: {
    protocol: 'saop',
    deadline: 30,
    seed: shape.seed,
    plays: [
      { tactic: { kind: 'time-dependent', e: { low: 0.1, high: 0.9 } }, acceptance: { kind: 'next' } },
      { tactic: { kind: 'random' }, acceptance: { kind: 'next' } },
    ],
    modelNoise: { low: 0, high: 0.1 },
  },
  runs: shape.runs,
  withTrace: false,
});

/** The job with a first party that cannot play it (the scripted tactic outside a case calendar): its runs throw. */
export const failingJob = (job: MonteCarloJob): MonteCarloJob => ({
  ...job,
  spec: {
    ...job.spec,
    plays: [
      { tactic: { kind: 'scripted', positions: [] }, acceptance: { kind: 'next' } },
      job.spec.plays[1]!,
    ],
  },
});
