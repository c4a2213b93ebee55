import { describe, expect, it } from 'vitest';
import { foldTerms } from '@parley/core/bargaining/nonlinear/fold-terms.ts';
import type { NegotiationDomain } from '@parley/core/bargaining/outcome-space.ts';
import { parseInput } from '../inputs/parse-input.ts';
import { onAgenda } from '@parley/core/simulate/agenda.ts';
import { foldOnAgenda, foldPositions } from './interactions.ts';
import { simulateInput } from './input.ts';
import { planDomainSimulation, runInProcess } from './simulate.ts';

// Two issues; p values a1 (0.6) and b1 (0.4), q the opposite options (0.6 in all). p's term: −0.5
// when a1 and b1 come together, so to p that pair is worth 0.5, less than a1 with b0 (0.6).
const additive: NegotiationDomain = {
  issues: [
    { name: 'a', options: ['a0', 'a1'] },
    { name: 'b', options: ['b0', 'b1'] },
  ],
  stakeholders: [
    {
      id: 'p',
      role: 'party',
      scores: [
        [0, 0.6],
        [0, 0.4],
      ],
      reservationValue: 0,
    },
    {
      id: 'q',
      role: 'party',
      scores: [
        [0.3, 0.2],
        [0.3, 0.2],
      ],
      reservationValue: 0,
    },
  ],
};
const penalty = {
  value: -0.5,
  bounds: [
    { issue: 0, lo: 1, hi: 1 },
    { issue: 1, lo: 1, hi: 1 },
  ],
  source: 'p.x',
};
const folded = foldTerms(additive, [[penalty], []]);

const play = (withTerms: boolean, seed = 3) => {
  const input = parseInput(simulateInput, {
    tactic: ['p=linear', 'q=linear'],
    deadline: '20',
    seed: String(seed),
  });
  const plan = planDomainSimulation('two', withTerms ? folded.domain : additive, [['p'], ['q']], input, {
    withTrace: true,
    ...(withTerms ? { folded } : {}),
  });
  return plan.finish(runInProcess(plan.job));
};

describe('simulations with interaction terms', () => {
  it('agree on another package once the term counts, reported on the case issues', () => {
    const blind = play(false).report.result!.agreement!;
    const seen = play(true).report.result!.agreement!;
    expect(blind.package).toEqual({ a: 'a1', b: 'b1' });
    expect(blind.utilities).toEqual({ p: 1, q: 0.4 });
    expect(seen.package).toEqual({ a: 'a1', b: 'b0' });
    expect(seen.utilities).toEqual({ p: 0.6, q: 0.5 });
  });

  it('unfold every offer of the trace and the CSV, and repeat a seed exactly', () => {
    const first = play(true, 11);
    const again = play(true, 11);
    expect(again.traces).toEqual(first.traces);
    const offers = first.traces[0]!.trace.filter((e) => e.offer).map((e) => Object.keys(e.offer!).join());
    expect(new Set(offers)).toEqual(new Set(['a,b']));
    expect(first.csv().split('\n')[0]).toBe('run,step,round,time,day,party,action,a,b,responses,u:p,u:q');
  });

  it('keep on an agenda only the terms whose issues are all on it, scaled as the scores are', () => {
    const calendar = { days: ['2022-01-01'], reservationValues: [[0, 0]] };
    // Half of p's weight on the agenda (as if it valued an issue left for later as much).
    const both = onAgenda(additive, calendar, [0, 1], [0.5, 1]).domain;
    const scores = foldOnAgenda(additive, both, [[penalty], []], [0, 1], [0.5, 1]).domain.stakeholders[0]!
      .scores[0]!;
    // a0 + b0, a0 + b1, a1 + b0, a1 + b1: (0.6 + 0.4 − 0.5) / 0.5 for the pair.
    [0, 0.8, 1.2, 1].forEach((x, c) => expect(scores[c]).toBeCloseTo(x, 12));
    const aOnly = onAgenda(additive, calendar, [0], [1, 1]).domain;
    expect(foldOnAgenda(additive, aOnly, [[penalty], []], [0], [1, 1]).domain).toBe(aOnly);
  });

  it('replay recorded positions on a compound issue, the silent member at the best given them', () => {
    // p recorded a1 on day 2: on the compound a + b (a0b0, a0b1, a1b0, a1b1), its best with a1 is a1 + b0.
    const positions = foldPositions(folded, folded.domain.stakeholders[0]!.scores, [
      { issue: 0, day: '2022-01-02', option: 1 },
      { issue: 1, day: '2022-01-05', option: 1 },
    ]);
    expect(positions).toEqual([
      { issue: 0, day: '2022-01-02', option: 2 },
      { issue: 0, day: '2022-01-05', option: 3 },
    ]);
  });
});
