import { describe, expect, it } from 'vitest';
import { isParleyError } from '@parley/model/errors.ts';
import { loadTestCase } from '@parley/case-files/cases.test-support.ts';
import { withRiverModel } from './river-accord.test-support.ts';
import { assumptionSensitivity } from './sensitivity.ts';

const river = withRiverModel(await loadTestCase('minimal'));

describe('assumptionSensitivity', () => {
  it("finds the reservation value at which Northland's margin is gone", () => {
    const result = assumptionSensitivity(
      river,
      { assumption: 'north.reservation.drought', at: '2030-03-01' },
      'river',
    );
    expect([result.value, result.open, result.flipsTo, result.at]).toEqual([
      0.4,
      true,
      'closed',
      '2030-03-01',
    ]);
    expect(result.margin).toBeCloseTo(0.1, 12);
    expect(result.up.threshold).toBeCloseTo(0.5, 6);
    expect(result.down).toEqual({ direction: 'down', searchedTo: 0 });
    expect(result.nearest?.direction).toBe('up');
  });

  it('names the command that lists the assumptions when the path is unknown', () => {
    let error: unknown;
    try {
      assumptionSensitivity(river, { assumption: 'north.weight' }, 'cases/river');
    } catch (e) {
      error = e;
    }
    expect(isParleyError(error, 'unknown-id')).toBe(true);
    expect((error as Error).message).toBe(
      `no assumption "north.weight" in the model (run 'parley deals assumptions cases/river' to list them)`,
    );
  });
});
