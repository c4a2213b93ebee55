import { describe, expect, it } from 'vitest';
import { estimate, wilson } from './measures.ts';
import { pie } from './pie.test-support.ts';
import { simulateRuns, type PartyPlay } from './run.ts';
import { summarise } from './summary.ts';

describe('run summary', () => {
  it('estimates a mean with its 95% normal interval', () => {
    // mean 2, sample variance 1 (values 1, 2, 3), half-width 1.96·√(1/3).
    const e = estimate([1, 2, 3])!;
    expect(e.mean).toBe(2);
    expect(e.high - e.mean).toBeCloseTo(1.96 / Math.sqrt(3), 12);
    expect(estimate([])).toBeNull();
  });

  it('gives a rate its 95% Wilson score interval', () => {
    // 3 of 10: the textbook Wilson interval [0.1078, 0.6032] (Newcombe 1998, table I).
    const w = wilson(3, 10);
    expect(w.mean).toBe(0.3);
    expect(w.low).toBeCloseTo(0.10779, 5);
    expect(w.high).toBeCloseTo(0.60322, 5);
    // 3 of 3: not the degenerate [1, 1] of the normal approximation.
    expect(wilson(3, 3).low).toBeCloseTo(0.4385, 5);
    expect(wilson(3, 3).high).toBe(1);
  });

  it('reports agreement rate, round, utilities and distances to the frontier and the Nash point', () => {
    const linear: PartyPlay = { tactic: { kind: 'time-dependent', e: 1 }, acceptance: { kind: 'next' } };
    const runs = simulateRuns(
      pie(100),
      { protocol: 'saop', deadline: 100, plays: [linear, linear], seed: 1 },
      3,
    );
    const summary = summarise(pie(100), runs);
    // Deterministic tactics: three identical runs agreeing on 50/50 at round 51 (saop.test.ts).
    expect(summary.agreementRate).toEqual(wilson(3, 3));
    expect(summary.agreementRound).toEqual({ mean: 51, low: 51, high: 51, n: 3 });
    expect(summary.utilities.a!.mean).toBe(0.5);
    // The pie's frontier is the whole line u_a + u_b = 1; the Nash point is the 50/50 split.
    expect(summary.distanceToPareto).toEqual({ mean: 0, low: 0, high: 0, n: 3 });
    expect(summary.distanceToNash).toEqual({ mean: 0, low: 0, high: 0, n: 3 });
  });
});
