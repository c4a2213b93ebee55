import { describe, expect, it } from 'vitest';
import { isParleyError } from '@parley/model/errors.ts';
import { loadTestCase } from '@parley/case-files/cases.test-support.ts';
import { dealsOnDay } from './day.ts';
import { withRiverModel } from './river-accord.test-support.ts';

const river = withRiverModel(await loadTestCase('minimal'));

describe('dealsOnDay', () => {
  it("analyses the case's asOf day: one package beats no deal for both parties", () => {
    const report = dealsOnDay(river, {}, 'river');
    expect([report.case, report.at, report.scenario, report.issues, report.outcomes]).toEqual([
      'river-accord',
      '2030-03-01',
      null,
      ['monitor', 'dam-moratorium'],
      4,
    ]);
    expect(report.reservationValues).toEqual({
      north: { value: 0.4, event: 'drought', role: 'party' },
      south: { value: 0.5, event: 'drought', role: 'party' },
    });
    const agreement = report.agreement.withGuarantors;
    expect([agreement.open, agreement.binding, agreement.package, agreement.utilities]).toEqual([
      true,
      ['north'],
      { monitor: 'joint', 'dam-moratorium': 'yes' },
      { north: 0.5, south: 0.75 },
    ]);
    expect(agreement.margin).toBeCloseTo(0.1, 12);
    expect(report.pareto).toEqual({ parties: ['north', 'south'], size: 3 });
    const nash = report.solutions.partiesOnly.nash;
    expect('package' in nash && nash.package).toEqual({ monitor: 'joint', 'dam-moratorium': 'yes' });
  });

  it('finds no package once the flood raises what no deal is worth to Southland', () => {
    const report = dealsOnDay(river, { at: '2030-04-01' }, 'river');
    expect([report.agreement.withGuarantors.open, report.agreement.withGuarantors.binding]).toEqual([
      false,
      ['south'],
    ]);
    expect(report.agreement.withGuarantors.margin).toBeCloseTo(-0.05, 12);
    expect(
      dealsOnDay(river, { at: '2030-04-01', scenario: 'patient-south' }, 'river').agreement.partiesOnly.open,
    ).toBe(true);
  });

  it('says which stakeholder has no reservation value yet on an earlier day', () => {
    let error: unknown;
    try {
      dealsOnDay(river, { at: '2030-01-10' }, 'river');
    } catch (e) {
      error = e;
    }
    expect(isParleyError(error, 'invalid-model')).toBe(true);
    expect((error as Error).message).toBe(
      'north has no reservation value before 2030-02-05 (asked for 2030-01-10)',
    );
  });
});
