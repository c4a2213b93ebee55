import { describe, expect, it } from 'vitest';
import { minimalCase } from '../minimal-case.test-support.ts';
import { claimsView } from './claims.ts';
import { contestedLookup } from './contested.ts';

describe('claimsView', () => {
  it('lists the propositions with the claims on each side, and who says what', async () => {
    const data = claimsView(await minimalCase());
    expect(data.contestedOnly).toBe(false);
    expect(data.propositions.map((p) => [p.id, p.contested, p.values])).toEqual([
      ['league-guarantee-offered', true, []],
      ['flow-figure', true, [40, 45]],
      ['drought-staged', false, []],
    ]);
    expect(data.propositions[0]?.supporting.map((c) => c.id)).toEqual(['envoy-says-offered']);
    expect(data.propositions[0]?.disputing.map((c) => c.id)).toEqual(['south-says-not-offered']);
    expect(data.matrix).toEqual({
      envoy: { 'league-guarantee-offered': 'supports', 'flow-figure': 'supports' },
      south: {
        'league-guarantee-offered': 'disputes',
        'flow-figure': 'supports',
        'drought-staged': 'supports',
      },
    });
  });

  it('narrows to contested propositions, and to a topic', async () => {
    const c = await minimalCase();
    expect(claimsView(c, { contestedOnly: true }).propositions.map((p) => p.id)).toEqual([
      'league-guarantee-offered',
      'flow-figure',
    ]);
    // The fixture's propositions carry no topic.
    expect(claimsView(c, { topic: 'flows' })).toEqual({
      view: 'claims',
      case: 'river-accord',
      contestedOnly: false,
      topic: 'flows',
      matrix: {},
      matrixInferred: {},
      propositions: [],
    });
  });

  it('marks a claim the analyst inferred, with the reasoning, in the claims, the grid and contested notes', async () => {
    const c = await minimalCase();
    const inferred = {
      ...c,
      claims: c.claims.map((cl) =>
        cl.id === 'south-says-not-offered'
          ? { ...cl, basis: 'inferred' as const, reasoning: 'Southland never mentions the League.' }
          : cl,
      ),
    };
    const data = claimsView(inferred);
    const [league] = data.propositions;
    expect(league?.supporting.map((cl) => [cl.id, cl.basis])).toEqual([['envoy-says-offered', 'stated']]);
    expect(league?.disputing.map((cl) => [cl.id, cl.basis, cl.reasoning])).toEqual([
      ['south-says-not-offered', 'inferred', 'Southland never mentions the League.'],
    ]);
    // South's other stances are its own; only the League cell is the analyst's inference.
    expect(data.matrixInferred).toEqual({ south: ['league-guarantee-offered'] });
    expect(contestedLookup(inferred)(['league-guarantee-offered'])[0]?.claims).toEqual([
      { id: 'envoy-says-offered', claimant: 'envoy', stance: 'supports', sources: ['report-b'] },
      {
        id: 'south-says-not-offered',
        claimant: 'south',
        stance: 'disputes',
        sources: ['report-a'],
        basis: 'inferred',
        reasoning: 'Southland never mentions the League.',
      },
    ]);
  });
});
