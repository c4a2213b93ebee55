import { describe, expect, it } from 'vitest';
import { loadTestCase } from '@parley/case-files/cases.test-support.ts';
import { compareGuarantees } from './comparison.ts';
import { guaranteeContextFor } from './context.ts';
import { comparisonInput } from './input.ts';
import { guaranteesReport } from './report.ts';

const lakePact = await loadTestCase('lakePact');

describe('guaranteesReport', () => {
  it('is the documented JSON: settings, columns, instruments, then every cell', () => {
    const context = guaranteeContextFor(lakePact, []);
    const comparison = compareGuarantees(
      lakePact,
      context,
      comparisonInput.parse({ attacker: 'nordia', runs: 2000, seed: 3 }),
    );
    const report = guaranteesReport('lake-pact', comparison);
    expect(Object.keys(report)).toEqual([
      'case',
      'runs',
      'seed',
      'confidence',
      'columns',
      'instruments',
      'results',
    ]);
    expect([report.case, report.runs, report.seed, report.confidence]).toEqual(['lake-pact', 2000, 3, 0.95]);
    expect(report.columns).toEqual([
      { attacker: 'nordia', place: null, trigger: 'armed-attack' },
      { attacker: 'nordia', place: 'isles', trigger: 'armed-attack' },
    ]);
    expect(report.instruments[1]).toEqual({
      id: 'pact-all',
      title: 'Lake Pact, all guarantors must agree',
      origin: 'case',
      guaranteedState: 'lakeland',
      guarantors: ['nordia', 'ostia', 'westia'],
      decisionRule: 'unanimity-all',
      obligation: 'must-act',
      assistance: ['weapons', 'armed-force'],
      excludes: [],
    });
    expect(report.results.map((r) => [r.instrument, r.status, r.obligation])).toEqual([
      ['pact-each', 'covered', 'unconditional'],
      ['pact-each', 'out-of-scope', 'none'],
      ['pact-all', 'covered', 'none'],
      ['pact-all', 'covered', 'none'],
    ]);
  });
});
