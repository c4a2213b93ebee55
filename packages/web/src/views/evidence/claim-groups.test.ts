import { describe, expect, it } from 'vitest';
import { basisLabel, claimSides, gridAxes } from './claim-groups.ts';

const claim = (id: string, extra: object = {}) => ({
  id,
  claimant: id,
  basis: 'stated',
  sources: [],
  ...extra,
});

describe('claimSides', () => {
  it('sets competing values side by side', () => {
    const sides = claimSides({
      values: ['2022-03-05', '2022-03-06'],
      supporting: [
        claim('a', { value: '2022-03-05' }),
        claim('b', { value: '2022-03-06' }),
        claim('c', { value: '2022-03-05' }),
      ],
      disputing: [claim('d')],
    } as never);
    expect(sides.map((s) => [s.heading, s.claims.map((c) => c.id)])).toEqual([
      ['Says 2022-03-05', ['a', 'c']],
      ['Says 2022-03-06', ['b']],
      ['Disputes it', ['d']],
    ]);
  });

  it('sets supporters against disputers when no value competes', () => {
    const sides = claimSides({
      values: [],
      supporting: [claim('putin')],
      disputing: [claim('charap'), claim('radchenko')],
    } as never);
    expect(sides.map((s) => [s.heading, s.claims.length])).toEqual([
      ['Supports it', 1],
      ['Disputes it', 2],
    ]);
  });
});

describe('basisLabel and gridAxes', () => {
  it('labels inferences as the analyst’s, not the author’s', () => {
    expect(basisLabel({ basis: 'inferred' })).toBe('Analyst’s inference');
    expect(basisLabel({ basis: 'stated' })).toBe('Author’s claim');
  });

  it('keeps the propositions someone speaks to', () => {
    const axes = gridAxes({
      matrix: { putin: { p1: 'supports' }, charap: { p1: 'disputes', p3: 'supports' } },
      propositions: [{ id: 'p1' }, { id: 'p2' }, { id: 'p3' }],
    } as never);
    expect(axes.claimants).toEqual(['putin', 'charap']);
    expect(axes.propositions.map((p) => p.id)).toEqual(['p1', 'p3']);
  });
});
