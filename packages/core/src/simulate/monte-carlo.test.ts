import { describe, expect, it } from 'vitest';
import { randomDomain } from '../bargaining/random-domain.ts';
import {
  agreementCurve,
  drawSpec,
  monteCarloRun,
  monteCarloRuns,
  type MonteCarloSpec,
} from './monte-carlo.ts';
import { simulateOnce } from './run.ts';

const domain = randomDomain({ issues: 4, options: 5, parties: 2, seed: 3 });
const spec: MonteCarloSpec = {
  protocol: 'saop',
  deadline: 40,
  seed: 11,
  plays: [
    { tactic: { kind: 'time-dependent', e: { low: 0.1, high: 0.4 } }, acceptance: { kind: 'next' } },
    { tactic: { kind: 'time-dependent', e: 2 }, acceptance: { kind: 'next' } },
  ],
  modelNoise: { low: 0, high: 0.05 },
};

describe('Monte Carlo runs', () => {
  it('draws each run its parameters from its own seed, within the ranges', () => {
    const drawn = Array.from({ length: 50 }, (_, i) => drawSpec(spec, 11 + i));
    for (const d of drawn) {
      const e = (d.plays[0]!.tactic as { e: number }).e;
      expect(e).toBeGreaterThanOrEqual(0.1);
      expect(e).toBeLessThan(0.4);
      expect(d.plays[1]!.tactic).toEqual({ kind: 'time-dependent', e: 2 });
      expect(d.modelNoise).toBeGreaterThan(0);
      expect(d.modelNoise).toBeLessThan(0.05);
    }
    expect(drawSpec(spec, 12)).toEqual(drawSpec(spec, 12));
    expect(drawSpec(spec, 12).plays[0]).not.toEqual(drawSpec(spec, 13).plays[0]);
  });

  it('makes run i a function of the spec and i alone, whatever share it is computed in', () => {
    const all = monteCarloRuns(domain, spec, 0, 12);
    const split = [...monteCarloRuns(domain, spec, 0, 5), ...monteCarloRuns(domain, spec, 5, 12)];
    expect(split).toEqual(all);
    expect(all.map((r) => r.seed)).toEqual([11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22]);
    // Run 3 replays alone with seed 14 and its drawn spec.
    const alone = simulateOnce(domain, drawSpec(spec, 14), 14);
    expect(monteCarloRun(domain, spec, 3).agreement).toEqual(alone.agreement);
  });

  it('with fixed parameters and no noise, run i is the plain seeded run of seed + i', () => {
    const random = { tactic: { kind: 'random' as const }, acceptance: { kind: 'next' as const } };
    const fixed: MonteCarloSpec = { protocol: 'saop', deadline: 40, seed: 11, plays: [random, random] };
    const plain = simulateOnce(
      domain,
      { protocol: 'saop', deadline: 40, seed: 11, plays: [random, random] },
      13,
    );
    expect(monteCarloRun(domain, fixed, 2, true).trace).toEqual(plain.trace);
  });

  it('gives the agreement probability by round as a cumulative share', () => {
    const at = (round: number | null) => ({
      agreement: round === null ? null : ({ round } as never),
    });
    expect(agreementCurve([at(2), at(null), at(2), at(4)], 5)).toEqual([0, 0.5, 0.5, 0.75, 0.75]);
  });
});
