import { describe, expect, it } from 'vitest';
import { parseInput } from '../inputs/parse-input.ts';
import { simulateInput } from './input.ts';
import { simulateDomain } from './simulate.ts';

const pie = {
  issues: [{ name: 'share', options: Array.from({ length: 101 }, (_, j) => String(j)) }],
  stakeholders: [
    {
      id: 'a',
      role: 'party' as const,
      scores: [Array.from({ length: 101 }, (_, j) => j / 100)],
      reservationValue: 0,
    },
    {
      id: 'b',
      role: 'party' as const,
      scores: [Array.from({ length: 101 }, (_, j) => 1 - j / 100)],
      reservationValue: 0,
    },
  ],
};

describe('simulate use case', () => {
  it('reports the run and its summary, parties named as the user may write them', () => {
    const input = parseInput(simulateInput, { tactic: ['a=linear', 'second=linear'], deadline: '100' });
    const { report, csv } = simulateDomain('pie', pie, [['a'], ['b', 'second']], input);
    expect(report.parties.map((p) => [p.id, p.tactic, p.acceptance])).toEqual([
      ['a', 'linear', 'next'],
      ['b', 'linear', 'next'],
    ]);
    // As in core's SAOP test: 50/50 at turn 101 (round 51).
    expect(report.result).toEqual({
      agreement: {
        package: { share: '50' },
        step: 101,
        round: 51,
        time: 0.505,
        utilities: { a: 0.5, b: 0.5 },
        discounted: { a: 0.5, b: 0.5 },
      },
      ending: 'agreement',
      steps: 102,
    });
    expect(csv().split('\n')).toHaveLength(1 + 102 + 1);
  });

  it('discounts every party when asked, and checks the flags', () => {
    const input = parseInput(simulateInput, { tactic: ['a=linear', 'b=linear'], discount: '0.5' });
    const { report } = simulateDomain('pie', pie, [['a'], ['b']], input);
    expect(report.result!.agreement!.discounted.a).toBeCloseTo(0.5 * Math.pow(0.5, 0.505), 12);
    expect(() => parseInput(simulateInput, { discount: '1.5' })).toThrow(
      'discount "1.5" must be a number above 0 and at most 1',
    );
    expect(() => parseInput(simulateInput, { variant: 'veto' })).toThrow(
      'applies to the single-text protocol only',
    );
    expect(() => parseInput(simulateInput, { protocol: 'auction' })).toThrow(
      'is not one of saop, single-text',
    );
  });
});
