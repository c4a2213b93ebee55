import { describe, expect, it } from 'vitest';
import { loadTestCase } from '@parley/case-files/cases.test-support.ts';
import { adjustedWinner } from './adjusted-winner.ts';
import { withRiverModel } from './river-accord.test-support.ts';

describe('adjustedWinner', () => {
  it('gives each party its issue and splits the moratorium until both have 60 points', async () => {
    const report = adjustedWinner(withRiverModel(await loadTestCase('minimal')), {}, 'river');
    expect(report.parties).toEqual(['north', 'south']);
    expect(report.items.map((i) => [i.issue, i.pointsA, i.pointsB, i.shareA, i.outcome])).toEqual([
      ['monitor', 50, 25, 1, 'north: joint'],
      ['dam-moratorium', 50, 75, 0.2, "split: 20.0% toward north's no"],
    ]);
    expect([report.pointsA, report.pointsB, report.split]).toEqual([60, 60, 'dam-moratorium']);
  });
});
