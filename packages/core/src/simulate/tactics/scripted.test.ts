import { describe, expect, it } from 'vitest';
import type { NegotiationDomain } from '../../bargaining/outcome-space.ts';
import { simulateOnce } from '../run.ts';
import { Scripted } from './scripted.ts';

// Two issues: a's utility is the first issue's share, b's the second's, each 0, 0.25 or 0.5.
const domain: NegotiationDomain = {
  issues: [
    { name: 'x', options: ['0', '1', '2'] },
    { name: 'y', options: ['0', '1', '2'] },
  ],
  stakeholders: [
    {
      id: 'a',
      role: 'party',
      scores: [
        [0, 0.25, 0.5],
        [0.5, 0.25, 0],
      ],
      reservationValue: 0.4,
    },
    {
      id: 'b',
      role: 'party',
      scores: [
        [0.5, 0.25, 0],
        [0, 0.25, 0.5],
      ],
      reservationValue: 0.4,
    },
  ],
};

describe('scripted tactic', () => {
  it('offers, per issue, the last recorded position on or before the day, its best elsewhere', () => {
    const b = new Scripted(domain, 1, [
      { issue: 1, day: '2022-03-10', option: 1 },
      { issue: 0, day: '2022-03-03', option: 1 },
      { issue: 0, day: '2022-03-01', option: 2 },
    ]);
    expect(b.offerOn('2022-02-28')).toEqual([0, 2]);
    expect(b.offerOn('2022-03-01')).toEqual([2, 2]);
    expect(b.offerOn('2022-03-05')).toEqual([1, 2]);
    expect(b.offerOn('2022-03-10')).toEqual([1, 1]);
  });

  it('plays its record on the calendar and accepts what matches its scripted offer', () => {
    const days = Array.from({ length: 8 }, (_, k) => `2022-03-0${k + 1}`);
    const result = simulateOnce(domain, {
      protocol: 'saop',
      deadline: 8,
      seed: 1,
      calendar: { days, reservationValues: days.map(() => [0.4, 0.4]) },
      plays: [
        { tactic: { kind: 'time-dependent', e: 1 }, acceptance: { kind: 'next' } },
        {
          tactic: {
            kind: 'scripted',
            positions: [
              { issue: 0, day: '2022-03-02', option: 1 },
              { issue: 1, day: '2022-03-03', option: 1 },
            ],
          },
          acceptance: { kind: 'next' },
        },
      ],
    });
    const byB = result.trace.filter((e) => e.party === 'b').map((e) => [e.day, e.action, e.offer] as const);
    expect(byB[0]).toEqual(['2022-03-01', 'offer', { x: '0', y: '2' }]);
    expect(byB[1]).toEqual(['2022-03-02', 'offer', { x: '1', y: '2' }]);
    expect(
      byB.slice(2).every(([, action, offer]) => action === 'offer' && offer?.x === '1' && offer.y === '1'),
    ).toBe(true);
    // a (linear, rv 0.4, best 1) wants 0.4 + 0.6·(1 − t); b's [1, 1] gives it 0.5, enough once
    // t ≥ 5/6: its turn on day 8 (t = 14/16). b's rv 0.4 is met (0.5) and so is its script.
    expect(result.agreement?.package).toEqual({ x: '1', y: '1' });
    expect(result.agreement?.day).toBe('2022-03-08');
    expect(result.agreement?.utilities).toEqual([0.5, 0.5]);
  });
});
