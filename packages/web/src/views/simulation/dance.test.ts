import { describe, expect, it } from 'vitest';
import type { SimulationReport } from '@parley/app/simulate/simulate.ts';
import type { TraceEntry } from '@parley/core/simulate/trace.ts';
import { agreementPoint, danceMoves, percent, roundCounts, tacticSpec } from './dance.ts';

const offer = { monitor: 'joint', 'dam-moratorium': 'yes' };
const trace: TraceEntry[] = [
  { step: 0, round: 1, time: 0, party: 'north', action: 'offer', offer, utilities: { north: 1, south: 0 } },
  {
    step: 1,
    round: 1,
    time: 0.5,
    party: 'south',
    action: 'offer',
    offer,
    utilities: { north: 0.5, south: 0.75 },
  },
  {
    step: 2,
    round: 2,
    time: 0.75,
    party: 'north',
    action: 'accept',
    responses: { south: 'accept', north: 'accept' },
    offer,
    utilities: { north: 0.5, south: 0.75 },
  },
  { step: 3, round: 2, time: 0.9, party: 'mediator', action: 'propose', offer, utilities: { north: 0.2 } },
];

describe('the dance in the utility space', () => {
  it('keeps the offers with both utilities, in the space asked for', () => {
    expect(danceMoves(trace, 'south', 'north')).toEqual([
      { step: 0, round: 1, party: 'north', action: 'offer', x: 0, y: 1 },
      { step: 1, round: 1, party: 'south', action: 'offer', x: 0.75, y: 0.5 },
    ]);
  });

  it('places the agreement of a run, or none', () => {
    const agreed = {
      result: {
        agreement: { step: 2, round: 2, day: '2030-03-02', utilities: { north: 0.5, south: 0.75 } },
        ending: 'agreement',
        steps: 3,
      },
    } as unknown as SimulationReport;
    expect(agreementPoint(agreed, 'north', 'south')).toEqual({
      x: 0.5,
      y: 0.75,
      step: 2,
      round: 2,
      day: '2030-03-02',
    });
    expect(agreementPoint({} as SimulationReport, 'north', 'south')).toBeNull();
  });

  it('counts agreements by round with the empty rounds between', () => {
    expect(roundCounts([{ round: 4 }, { round: null }, { round: 2 }, { round: 4 }])).toEqual([
      { round: 2, count: 1 },
      { round: 3, count: 0 },
      { round: 4, count: 2 },
    ]);
    expect(roundCounts([{ round: null }])).toEqual([]);
  });

  it('writes tactics as the CLI reads them', () => {
    expect(tacticSpec('boulware', ' 0.1..0.5 ')).toBe('boulware:0.1..0.5');
    expect(tacticSpec('linear', '3')).toBe('linear');
    expect(tacticSpec('conceder', '')).toBe('conceder');
    expect(tacticSpec('tit-for-tat', 'absolute')).toBe('tit-for-tat:absolute');
    expect(percent(0.975)).toBe('97.5%');
  });
});
