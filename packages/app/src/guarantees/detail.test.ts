import { describe, expect, it } from 'vitest';
import { loadTestCase } from '@parley/case-files/cases.test-support.ts';
import { compareGuarantees } from './comparison.ts';
import { guaranteeContextFor } from './context.ts';
import { cellDetail } from './detail.ts';
import { comparisonInput } from './input.ts';

const lakePact = await loadTestCase('lakePact');
const context = guaranteeContextFor(lakePact, []);

/** The detail of the one cell the selection leaves. */
const cell = (fields: Record<string, string>) => {
  const selection = comparisonInput.parse({ runs: 2000, seed: 3, ...fields });
  const [report] = compareGuarantees(lakePact, context, selection).results;
  return cellDetail(context, report!);
};

describe('cellDetail', () => {
  it('puts one cell in words: names, the binding, the chances and the reasoning', () => {
    const detail = cell({ instrument: 'pact-each', attacker: 'nordia', place: 'core' });
    expect(detail).toMatchObject({
      title: 'Lake Pact, each guarantor decides',
      instrument: 'pact-each',
      origin: 'case',
      attacker: 'Nordia',
      event: 'an armed attack',
      where: "Lakeland's core territory",
      status: 'covered',
      guaranteedState: 'Lakeland',
      obligedGuarantors: ['Ostia', 'Westia'],
      obligation: 'obliged by the text alone',
      consultingGuarantors: ['Ostia', 'Westia'],
      canBlock: [],
    });
    expect(detail.levels.map((l) => [l.level, l.possible])).toEqual([
      ['consultation', true],
      ['a request to the UN Security Council', false],
      ['diplomatic support', false],
      ['sanctions', false],
      ['weapons', true],
      ['a no-fly zone', false],
      ['armed force', true],
    ]);
    expect(detail.levels[4]).toMatchObject({ probability: 0.7485, expectedProviders: 0.991 });
    expect(detail.explanation[0]).toBe(
      "The attack is on Lakeland's core territory, which the guarantee covers (it excludes the isles). [pact-each Art. 4]",
    );
    expect(detail.assumptions.map((a) => [a.guarantor, a.entry, a.origin])).toEqual([
      ['nordia', null, null],
      ['ostia', 'neighbours', 'case'],
      ['westia', 'neighbours', 'case'],
    ]);
  });

  it('names who can block, stage by stage, and a named place', () => {
    const detail = cell({ instrument: 'pact-each', attacker: 'nordia', place: 'isles' });
    expect([detail.attacker, detail.where, detail.status]).toEqual(['Nordia', 'the isles', 'out-of-scope']);
    // Under unanimity of all three guarantors the attacker, one of them, is certain to say no.
    const core = cell({ instrument: 'pact-all', attacker: 'nordia', place: 'core' });
    expect(core.canBlock).toEqual([
      {
        stage: "the guarantors' decision",
        blockers: [
          { name: 'Nordia', certain: true },
          { name: 'Ostia', certain: false },
          { name: 'Westia', certain: false },
        ],
      },
    ]);
    expect(core.obligation).toBe('nobody is obliged to assist');
  });
});
