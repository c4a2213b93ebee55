import { describe, expect, it } from 'vitest';
import type { Case } from '@parley/model/case.ts';
import { isParleyError } from '@parley/model/errors.ts';
import { cellLines } from '@parley/core/guarantees/compare.ts';
import { loadTestCase, testLibrary } from '@parley/case-files/cases.test-support.ts';
import { compareGuarantees, comparisonOf, derivedComparison } from './comparison.ts';
import { guaranteeContextFor } from './context.ts';
import { comparisonInput, type ComparisonInput } from './input.ts';

const lakePact = await loadTestCase('lakePact');
const library = await testLibrary();
const lakeContext = guaranteeContextFor(lakePact, []);
const input = (fields: Partial<ComparisonInput> = {}) =>
  comparisonInput.parse({ runs: 2000, seed: 3, ...fields });

/** The error a call throws, as [code, message]. */
function failure(run: () => unknown): [string, string] | undefined {
  try {
    run();
  } catch (error) {
    if (isParleyError(error)) return [error.code, error.message];
    throw error;
  }
  return undefined;
}

describe('the default columns', () => {
  it("are the case's own choice when guarantees.yaml has one", () => {
    const chosen: Case = {
      ...lakePact,
      guarantees: { ...lakePact.guarantees!, comparison: { attackers: ['nordia'], places: ['isles'] } },
    };
    expect(comparisonOf(chosen, guaranteeContextFor(chosen, library))).toEqual({
      attackers: ['nordia'],
      places: ['isles'],
    });
  });

  it('are derived from the records otherwise: the attackers the assumptions name, a third state; core and an excluded place', () => {
    expect(comparisonOf(lakePact, lakeContext)).toEqual({
      attackers: ['third-state'],
      places: ['core', 'isles'],
    });
  });

  it('come from the library alone when the case has no instruments', async () => {
    const minimal = await loadTestCase('minimal');
    expect(derivedComparison(guaranteeContextFor(minimal, library))).toEqual({
      attackers: ['prussia', 'austrian-empire', 'russian-empire', 'third-state'],
      places: ['core'],
    });
  });
});

describe('compareGuarantees', () => {
  it('runs every instrument against every default column with the same seed', () => {
    const comparison = compareGuarantees(lakePact, lakeContext, input());
    expect(comparison.columns).toEqual([
      { attacker: 'third-state', trigger: 'armed-attack' },
      { attacker: 'third-state', place: 'isles', trigger: 'armed-attack' },
    ]);
    expect(
      comparison.rows.map((r) => [r.entry.instrument.id, ...r.cells.map((c) => cellLines(lakeContext, c))]),
    ).toEqual([
      ['pact-each', ['3 obliged, no veto', 'any help 87%, force 48%'], ['excluded:', 'nothing']],
      [
        'pact-all',
        ['3 obliged if all agree', 'any help 12%, force 1%'],
        ['3 obliged if all agree', 'any help 12%, force 1%'],
      ],
    ]);
    expect(comparison.results.map((r) => [r.instrument, r.scenario.place, r.status])).toEqual([
      ['pact-each', null, 'covered'],
      ['pact-each', 'isles', 'out-of-scope'],
      ['pact-all', null, 'covered'],
      ['pact-all', 'isles', 'covered'],
    ]);
  });

  it('narrows to one cell when instrument, attacker and place are all given', () => {
    const comparison = compareGuarantees(
      lakePact,
      lakeContext,
      input({ instrument: 'pact-each', attacker: 'nordia', place: 'core' }),
    );
    expect(comparison.results).toHaveLength(1);
    const [cell] = comparison.results;
    expect([cell!.obligedGuarantors, cell!.assistance[4]!.probability]).toEqual([
      ['ostia', 'westia'],
      0.7485,
    ]);
  });

  it('leaves a cell empty where the attacker is the guaranteed state', () => {
    // Lakeland attacking: the Lake Pact guarantees Lakeland, the library's instruments other states.
    const comparison = compareGuarantees(
      lakePact,
      guaranteeContextFor(lakePact, library),
      input({ attacker: 'lakeland', runs: 100 }),
    );
    expect(comparison.rows.map((r) => [r.entry.instrument.id, r.cells[0] === undefined])).toEqual([
      ['pact-each', true],
      ['pact-all', true],
      ['budapest-memorandum-1994', false],
      ['cyprus-guarantee-1960', false],
      ['nato-article-5', false],
      ['treaty-of-london-1839', false],
    ]);
  });

  it('names an unknown instrument, attacker or place, with what is known', () => {
    const compare = (fields: Partial<ComparisonInput>) => () =>
      compareGuarantees(lakePact, lakeContext, input(fields));
    expect(failure(compare({ instrument: 'pact-none' }))).toEqual([
      'unknown-id',
      'unknown instrument "pact-none"; known: pact-each, pact-all',
    ]);
    expect(failure(compare({ attacker: 'pirates' }))).toEqual([
      'unknown-id',
      'unknown attacker "pirates": not an actor of the case or the library (use an actor id or "third-state")',
    ]);
    expect(failure(compare({ place: 'moon' }))).toEqual([
      'unknown-id',
      'unknown place "moon"; known: core, isles',
    ]);
    expect(failure(compare({ attacker: 'lakeland' }))).toEqual([
      'invalid-input',
      'attacker "lakeland" is the guaranteed state of every selected instrument',
    ]);
  });

  it('reports every missing assumption before running anything', () => {
    const pact = lakePact.guarantees!;
    const fewer: Case = {
      ...lakePact,
      guarantees: { ...pact, willingness: [{ ...pact.willingness![0]!, guarantors: ['nordia', 'ostia'] }] },
    };
    expect(failure(() => compareGuarantees(fewer, guaranteeContextFor(fewer, []), input()))).toEqual([
      'invalid-input',
      'no willingness assumption for "westia" protecting "lakeland" against "third-state" (instrument "pact-each"): add a willingness entry\n' +
        'no willingness assumption for "westia" protecting "lakeland" against "third-state" (instrument "pact-all"): add a willingness entry',
    ]);
  });

  it('refuses to compare nothing', async () => {
    const minimal = await loadTestCase('minimal');
    expect(failure(() => compareGuarantees(minimal, guaranteeContextFor(minimal, []), input()))).toEqual([
      'invalid-input',
      'no guarantee instruments: the case has none, nor the library',
    ]);
  });
});
