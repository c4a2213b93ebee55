import { describe, expect, it } from 'vitest';
import { minimalCase } from '../minimal-case.test-support.ts';
import { claimsView } from './claims.ts';

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
      propositions: [],
    });
  });
});
