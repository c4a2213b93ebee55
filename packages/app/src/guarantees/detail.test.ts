import { describe, expect, it } from 'vitest';
import { loadTestCase, testLibrary } from '@parley/case-files/cases.test-support.ts';
import { compareGuarantees } from './comparison.ts';
import { guaranteeContextFor } from './context.ts';
import { cellDetail } from './detail.ts';
import { comparisonInput } from './input.ts';

const cases = { lakePact: await loadTestCase('lakePact'), embedded: await loadTestCase('embedded') };
const contexts = {
  lakePact: guaranteeContextFor(cases.lakePact, []),
  embedded: guaranteeContextFor(cases.embedded, await testLibrary()),
};

/** The detail of the one cell the selection leaves. */
const cell = (name: keyof typeof cases, fields: Record<string, string>) => {
  const selection = comparisonInput.parse({ runs: 2000, seed: 3, ...fields });
  const [report] = compareGuarantees(cases[name], contexts[name], selection).results;
  return cellDetail(contexts[name], report!);
};

describe('cellDetail', () => {
  it('puts one cell in words: names, the binding, the chances and the reasoning', () => {
    const detail = cell('lakePact', { instrument: 'pact-each', attacker: 'nordia', place: 'core' });
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
    const detail = cell('embedded', {
      instrument: 'draft-2022-04-15-russia',
      attacker: 'ru',
      place: 'crimea',
    });
    expect([detail.attacker, detail.where, detail.status]).toEqual([
      'Russian Federation',
      'Crimea',
      'out-of-scope',
    ]);
    const core = cell('embedded', {
      instrument: 'draft-2022-04-15-russia',
      attacker: 'ru',
      place: 'core',
    });
    expect(core.canBlock[0]).toMatchObject({
      stage: "the guarantors' decision",
      blockers: expect.arrayContaining([{ name: 'Russian Federation', certain: true }]),
    });
    expect(core.obligation).toBe('nobody is obliged to assist');
  });
});
