import { describe, expect, it } from 'vitest';
import { solveMatrixGame } from './matrix-game.ts';

describe('solveMatrixGame', () => {
  it('solves matching pennies: value 0, both sides mix half and half', () => {
    const g = solveMatrixGame([
      [1, -1],
      [-1, 1],
    ]);
    expect(g.value).toBeCloseTo(0, 12);
    expect(g.rows[0]).toBeCloseTo(0.5, 12);
    expect(g.columns[0]).toBeCloseTo(0.5, 12);
  });

  it('finds a saddle point', () => {
    // Row 1 guarantees 2; column 2 holds the maximiser to 2.
    const g = solveMatrixGame([
      [1, 0],
      [3, 2],
    ]);
    expect(g.value).toBeCloseTo(2, 12);
    expect(g.rows).toEqual([0, 1]);
    expect(g.columns[1]).toBeCloseTo(1, 12);
  });

  it('mixes rows to maximise the least gain (the max-min master problem)', () => {
    // Two packages: (0.2, 0.8) and (0.6, 0.4): the best mix gives 0.5 to both signatories.
    const g = solveMatrixGame([
      [0.2, 0.8],
      [0.6, 0.4],
    ]);
    expect(g.value).toBeCloseTo(0.5, 12);
    expect(g.rows[0]).toBeCloseTo(0.25, 12);
  });
});
