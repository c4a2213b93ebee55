import { describe, expect, it } from 'vitest';
import { loadTestCase } from '@parley/case-files/cases.test-support.ts';
import { modelAssumptions } from './assumptions.ts';
import { withRiverModel } from './river-accord.test-support.ts';

describe('modelAssumptions', () => {
  it('lists every number of the model by its path, an unbounded weight ending in null', async () => {
    const list = modelAssumptions(withRiverModel(await loadTestCase('minimal')), 'river');
    expect(list.map((a) => a.path)).toEqual([
      'north.monitor.weight',
      'north.monitor.scores.joint',
      'north.monitor.scores.league',
      'north.dam-moratorium.weight',
      'north.dam-moratorium.scores.no',
      'north.dam-moratorium.scores.yes',
      'north.reservation.drought',
      'south.monitor.weight',
      'south.monitor.scores.league',
      'south.monitor.scores.joint',
      'south.dam-moratorium.weight',
      'south.dam-moratorium.scores.yes',
      'south.dam-moratorium.scores.no',
      'south.reservation.drought',
      'south.reservation.flood',
    ]);
    expect(list[10]).toEqual({
      path: 'south.dam-moratorium.weight',
      value: 3,
      rationale: 'an invented judgement for the tests',
      min: 0,
      max: null,
    });
    expect(list[14]).toMatchObject({ value: 0.8, min: 0, max: 1 });
  });
});
