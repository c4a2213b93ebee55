import { describe, expect, it } from 'vitest';
import { frontierRows } from './frontier-rows.ts';
import type { UtilityPoint } from './utility-points.ts';

const point = (label: string, kind: string, x: number, y: number): UtilityPoint => ({
  label,
  kind,
  group: 'partiesOnly',
  x,
  y,
  package: {},
});

describe('frontierRows', () => {
  it('marks the fair points on the frontier, to rounding, but not the most balanced package', () => {
    const rows = frontierRows(
      {
        size: 2,
        points: [
          { utilities: [1, 0.2], package: { monitor: 'joint', dam: 'no' } },
          { utilities: [0.7, 0.6], package: { monitor: 'none', dam: 'yes' } },
        ],
      },
      [
        point('Nash (parties only)', 'nash', 0.7 + 1e-12, 0.6),
        point('Welfare (parties only)', 'maxWelfare', 0.7, 0.6),
        point('Most balanced package (parties only, margin +0.030)', 'best', 0.7, 0.6),
        point('Egalitarian (parties only)', 'egalitarian', 0.69, 0.6),
      ],
    );
    expect(rows).toEqual([
      { x: 1, y: 0.2, points: [], package: 'monitor joint, dam no' },
      {
        x: 0.7,
        y: 0.6,
        points: ['Nash (parties only)', 'Welfare (parties only)'],
        package: 'monitor none, dam yes',
      },
    ]);
  });

  it('has no rows when the frontier was not computed', () => {
    expect(frontierRows({ size: null, reason: 'too many candidates' }, [])).toEqual([]);
  });
});
