import { describe, expect, it } from 'vitest';
import { loadTestCase } from '@parley/case-files/cases.test-support.ts';
import { briefOf, dealsNote } from './brief.ts';
import { withRiverModel } from './deals/river-accord.test-support.ts';
import { riverCase } from './river-case.test-support.ts';

const minimal = await loadTestCase('minimal');

describe('briefOf', () => {
  it('leaves out a guarantee column the model cannot assess instead of failing', () => {
    const river = riverCase();
    const assessable = briefOf(river).guarantees.map((g) => g.attacker);
    expect(assessable).toEqual(['north']);
    // Without any willingness assumed for the League, no column can be assessed.
    const bare = { ...river, guarantees: { ...river.guarantees!, willingness: [] } };
    expect(briefOf(bare).guarantees).toEqual([]);
  });

  it('gives the overview and the drafts; no guarantees or deals where the case has none', () => {
    const brief = briefOf(minimal);
    expect([brief.view, brief.case, brief.overview.case, brief.overview.parties]).toEqual([
      'brief',
      'river-accord',
      'river-accord',
      ['north', 'south'],
    ]);
    expect(brief.drafts).toEqual([
      {
        document: 'accord',
        brackets: [
          { version: 'v1', brackets: 2 },
          { version: 'v2', brackets: 0 },
        ],
        trend: 'converging',
        latest: expect.objectContaining({ from: 'v1', to: 'v2' }),
      },
    ]);
    expect([brief.guarantees, brief.deals]).toEqual([[], []]);
  });

  it('says that the window depends on the account adopted only when the model has scenarios', () => {
    const brief = briefOf(withRiverModel(minimal));
    expect(brief.dealsNote).toBe(dealsNote);
    expect(dealsNote).toMatch(/^The window depends on which account of events one adopts/);
    const model = withRiverModel(minimal).model!;
    expect(briefOf({ ...minimal, model: { ...model, scenarios: [] } }).dealsNote).toBeUndefined();
  });

  it('gives the deal window under the baseline and under each scenario', () => {
    expect(briefOf(withRiverModel(minimal)).deals).toEqual([
      {
        scenario: null,
        title: 'Baseline',
        sources: [],
        open: [{ from: '2030-02-05', until: '2030-04-01' }],
        openForPartiesOnly: [{ from: '2030-02-05', until: '2030-04-01' }],
      },
      {
        scenario: 'patient-south',
        title: 'Southland waits out the flood',
        sources: [],
        open: [{ from: '2030-02-05', until: null }],
        openForPartiesOnly: [{ from: '2030-02-05', until: null }],
      },
    ]);
  });

  it("says what each guarantee wording gives if a party attacks the guaranteed state's core territory", async () => {
    const lakePact = await loadTestCase('lakePact');
    // The Lake Pact has no parties: nobody attacks, so there is nothing to say.
    expect(briefOf(lakePact).guarantees).toEqual([]);
    const withParties = {
      ...lakePact,
      roles: [{ id: 'nordia-party', actor: 'nordia', role: 'party' as const, sources: ['f1'] }],
    };
    expect(briefOf(withParties).guarantees).toEqual([
      {
        instrument: 'pact-each',
        attacker: 'nordia',
        obligation: 'unconditional',
        obligedGuarantors: 2,
        canBlock: [],
        anyHelp: expect.any(Number),
        summary: '2 obliged, no veto; any help 75%, force 36%',
      },
      {
        instrument: 'pact-all',
        attacker: 'nordia',
        obligation: 'none',
        obligedGuarantors: 0,
        canBlock: ['nordia', 'ostia', 'westia'],
        anyHelp: 0,
        summary: 'no duty: nordia blocks; no help',
      },
    ]);
  });
});
