import { describe, expect, it } from 'vitest';
import type { Claim } from '@parley/model/schema/claims.ts';
import { claimMatrix } from './claim-matrix.ts';
import type { PropositionStanding } from './contested.ts';

const claim = (id: string, claimant: string, stance: Claim['stance']): Claim => ({
  id,
  proposition: 'p',
  stance,
  claimant,
  asserted: '2023',
  summary: id,
  sources: ['s'],
});

const standing = (id: string, claims: Claim[]): PropositionStanding => ({
  proposition: { id, statement: id },
  supporting: claims.filter((c) => c.stance === 'supports'),
  disputing: claims.filter((c) => c.stance === 'disputes'),
  values: [],
  contested: true,
});

describe('claimMatrix', () => {
  it('gives each claimant their stance per proposition, and "both" when they said both', () => {
    const m = claimMatrix([
      standing('blocked', [claim('a', 'snider', 'supports'), claim('b', 'charap', 'disputes')]),
      standing('bucha', [
        claim('c', 'charap', 'supports'),
        claim('d', 'schroeder', 'disputes'),
        claim('e', 'charap', 'disputes'),
      ]),
    ]);
    expect(m.claimants).toEqual(['snider', 'charap', 'schroeder']);
    expect(m.propositions).toEqual(['blocked', 'bucha']);
    expect(m.cells).toEqual({
      snider: { blocked: 'supports' },
      charap: { blocked: 'disputes', bucha: 'both' },
      schroeder: { bucha: 'disputes' },
    });
  });

  it('gives co-claimants the same stance as the claimant', () => {
    const joint = { ...claim('j', 'charap', 'disputes'), with: ['radchenko'] };
    const m = claimMatrix([standing('blocked', [claim('a', 'snider', 'supports'), joint])]);
    expect(m.claimants).toEqual(['snider', 'charap', 'radchenko']);
    expect(m.cells.radchenko).toEqual({ blocked: 'disputes' });
  });
});
