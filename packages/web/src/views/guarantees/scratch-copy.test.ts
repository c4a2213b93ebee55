import { describe, expect, it } from 'vitest';
import type { ScenarioReport } from '@parley/core/guarantees/assess.ts';
import type { GuaranteeInstrument } from '@parley/model/schema/guarantee.ts';
import { cellWords, changedParts, clausesOf, withClauses } from './scratch-copy.ts';

const instrument = {
  id: 'pact',
  decisionRule: 'unanimity-all',
  excludes: ['isles'],
  consultation: { triggers: ['armed-attack'], days: 3, withGuaranteedState: true },
  guarantors: ['a', 'b'],
} as unknown as GuaranteeInstrument;

const cell = (fields: Partial<ScenarioReport>) =>
  ({
    status: 'covered',
    anyHelp: { probability: 0.5, interval: [0, 1] },
    canBlock: [],
    ...fields,
  }) as ScenarioReport;

describe('a scratch copy', () => {
  it('reads the clauses of the recorded instrument', () => {
    expect(clausesOf(instrument)).toEqual({ decisionRule: 'unanimity-all', days: 3, excludes: ['isles'] });
  });

  it('changes only the clauses, dropping an emptied list and a cleared window', () => {
    expect(withClauses(instrument, { decisionRule: 'majority', days: undefined, excludes: [] })).toEqual({
      id: 'pact',
      decisionRule: 'majority',
      consultation: { triggers: ['armed-attack'], withGuaranteedState: true },
      guarantors: ['a', 'b'],
    });
    const { consultation: _none, ...without } = instrument;
    expect(withClauses(without, { decisionRule: 'individual', days: 9, excludes: ['isles'] })).toEqual({
      ...without,
      decisionRule: 'individual',
    });
  });

  it('names what changed between two cells, in words', () => {
    const original = cell({
      canBlock: [{ actor: 'ru', stage: 'guarantors', certain: true }],
      anyHelp: { probability: 0, interval: [0, 0] },
    });
    expect(cellWords(original, (id) => id.toUpperCase())).toEqual({
      status: 'covered',
      anyHelp: '0.0%',
      canBlock: 'RU (certainly)',
    });
    expect(changedParts(original, cell({}))).toEqual(['any help', 'who can block']);
    expect(changedParts(cell({}), cell({ status: 'out-of-scope' }))).toEqual(['status']);
    expect(changedParts(cell({}), cell({}))).toEqual([]);
  });
});
