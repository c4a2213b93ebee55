import { describe, expect, it } from 'vitest';
import { isParleyError } from '@parley/model/errors.ts';
import { loadTestCase } from '@parley/case-files/cases.test-support.ts';
import { dayToAnalyse, modelInputFor } from './model-input.ts';
import { withRiverModel } from './river-accord.test-support.ts';

const minimal = await loadTestCase('minimal');
const river = withRiverModel(minimal);

function failure(run: () => unknown): [string, string] | undefined {
  try {
    run();
  } catch (error) {
    if (isParleyError(error)) return [error.code, error.message];
    throw error;
  }
  return undefined;
}

describe('modelInputFor', () => {
  it("takes the case's agenda, model and asOf day, with the scenario asked for", () => {
    const input = modelInputFor(river, 'patient-south', 'the river case');
    expect([input.caseId, input.scenario, input.asOf, input.agenda.length]).toEqual([
      'river-accord',
      'patient-south',
      '2030-03-01',
      4,
    ]);
    expect(input.model).toBe(river.model);
  });

  it('names the case when it has no model, and the scenarios when one is unknown', () => {
    expect(failure(() => modelInputFor(minimal, undefined, 'the river case'))).toEqual([
      'invalid-input',
      "the river case: the case has no model.yaml, the analyst's preference model that 'parley deals' needs",
    ]);
    expect(failure(() => modelInputFor(river, 'flood-forever', 'x'))).toEqual([
      'unknown-id',
      'unknown scenario "flood-forever" (the model defines: patient-south)',
    ]);
  });
});

describe('dayToAnalyse', () => {
  it("is the day asked for, else the case's asOf, else the model's last change", () => {
    const input = modelInputFor(river, undefined, 'x');
    expect(dayToAnalyse(input, '2030-02-10')).toBe('2030-02-10');
    expect(dayToAnalyse(input, undefined)).toBe('2030-03-01');
    const { asOf: _asOf, ...undated } = input;
    expect(dayToAnalyse(undated, undefined)).toBe('2030-04-01');
  });
});
