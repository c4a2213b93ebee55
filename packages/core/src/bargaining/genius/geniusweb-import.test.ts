import { isParleyError } from '@parley/model/errors.ts';
import { describe, expect, it } from 'vitest';
import { importGeniusWeb } from './geniusweb-import.ts';

const domain = {
  name: 'jobs',
  issuesValues: {
    salary: { values: ['2000', '3000', '4000'] },
    fte: { range: { low: 0.6, high: 1.0, step: 0.2 } },
  },
};
const profile = (name: string, weights: Record<string, number>, extra: object = {}) =>
  JSON.stringify({
    LinearAdditiveUtilitySpace: {
      name,
      domain,
      issueWeights: weights,
      issueUtilities: {
        salary: { DiscreteValueSetUtilities: { valueUtilities: { '2000': 0, '3000': 0.5, '4000': 1 } } },
        fte: { numberutils: { lowValue: 0.6, lowUtility: 1, highValue: 1.0, highUtility: 0 } },
      },
      ...extra,
    },
  });

const errorOf = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    if (isParleyError(error, 'invalid-genius')) return error.message;
    throw error;
  }
  throw new Error('expected an invalid-genius ParleyError');
};

describe('GeniusWeb import', () => {
  it('reads discrete and number utilities, weights and the reservation bid', () => {
    const d = importGeniusWeb([
      {
        file: 'a.json',
        text: profile(
          'employer',
          { salary: 0.25, fte: 0.75 },
          { reservationBid: { issuevalues: { salary: '3000', fte: 1 } } },
        ),
      },
      { file: 'b.json', text: profile('worker', { salary: 0.5, fte: 0.5 }) },
    ]);
    expect(d.issues).toEqual([
      { name: 'salary', options: ['2000', '3000', '4000'] },
      { name: 'fte', options: ['0.6', '0.8', '1'] },
    ]);
    expect(d.stakeholders[0]!.scores[1]![1]).toBeCloseTo(0.75 * 0.5, 12);
    expect(d.stakeholders[0]!.reservationValue).toBeCloseTo(0.25 * 0.5 + 0, 12);
    expect(d.stakeholders[1]!.reservationValue).toBe(0);
    expect(d.stakeholders.map((s) => s.id)).toEqual(['1:employer', '2:worker']);
  });

  it('reports bad JSON, bad shapes, weights and mismatched domains with the file', () => {
    expect(errorOf(() => importGeniusWeb([{ file: 'x.json', text: '{' }]))).toMatch(
      /^x\.json: not valid JSON: /,
    );
    expect(
      errorOf(() =>
        importGeniusWeb([{ file: 'x.json', text: '{"LinearAdditiveUtilitySpace": {"issueWeights": {}}}' }]),
      ),
    ).toMatch(/^x\.json: LinearAdditiveUtilitySpace\.issueUtilities: /);
    expect(
      errorOf(() => importGeniusWeb([{ file: 'x.json', text: profile('p', { salary: 0.5, fte: 0.6 }) }])),
    ).toBe('x.json: issueWeights sum to 1.1, not 1');
    const other = profile('q', { salary: 0.5, fte: 0.5 }).replace('"4000"]', '"5000"]');
    expect(
      errorOf(() =>
        importGeniusWeb([
          { file: 'a.json', text: profile('p', { salary: 0.5, fte: 0.5 }) },
          { file: 'b.json', text: other },
        ]),
      ),
    ).toBe('b.json: its domain differs from the domain of a.json');
  });
});
