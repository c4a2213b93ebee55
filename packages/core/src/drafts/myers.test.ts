import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { myersDiff } from './myers.ts';

/** Longest common subsequence length by dynamic programming: the reference for minimality. */
function lcs(a: number[], b: number[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number;
      row[j] = x === b[j - 1] ? diagonal + 1 : Math.max(above, row[j - 1] as number);
      diagonal = above;
    }
  }
  return row[b.length] as number;
}

function run(a: number[], b: number[], maxEdits = 10_000) {
  const ops: [string, number][] = [];
  const exact = myersDiff(a, 0, a.length, b, 0, b.length, maxEdits, (op, count) => ops.push([op, count]));
  return { exact, ops };
}

describe('myersDiff', () => {
  it('compares the given ranges only', () => {
    const ops: [string, number][] = [];
    myersDiff([9, 1, 2, 9], 1, 3, [8, 8, 1, 3], 2, 4, 10, (op, count) => ops.push([op, count]));
    expect(ops).toEqual([
      ['equal', 1],
      ['delete', 1],
      ['insert', 1],
    ]);
  });

  it('gives the runs of a small known case', () => {
    expect(run([1, 2, 3, 4], [1, 3, 4, 5]).ops).toEqual([
      ['equal', 1],
      ['delete', 1],
      ['equal', 2],
      ['insert', 1],
    ]);
  });

  it('finds a shortest edit script that rebuilds both sides', () => {
    const seq = fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 40 });
    fc.assert(
      fc.property(seq, seq, (a, b) => {
        const { exact, ops } = run(a, b);
        expect(exact).toBe(true);
        const rebuiltA: number[] = [];
        const rebuiltB: number[] = [];
        let i = 0;
        let j = 0;
        let edits = 0;
        for (const [op, count] of ops) {
          expect(count).toBeGreaterThan(0);
          if (op !== 'insert') rebuiltA.push(...a.slice(i, i + count));
          if (op !== 'delete') rebuiltB.push(...b.slice(j, j + count));
          if (op === 'equal') expect(a.slice(i, i + count)).toEqual(b.slice(j, j + count));
          if (op !== 'equal') edits += count;
          if (op !== 'insert') i += count;
          if (op !== 'delete') j += count;
        }
        expect(rebuiltA).toEqual(a);
        expect(rebuiltB).toEqual(b);
        expect(edits).toBe(a.length + b.length - 2 * lcs(a, b));
      }),
      { numRuns: 300 },
    );
  });

  it('gives up, emitting nothing, when more edits than the bound are needed', () => {
    expect(run([1, 2, 3], [4, 5, 6], 5)).toEqual({ exact: false, ops: [] });
    expect(run([1, 2, 3], [4, 5, 6], 6).exact).toBe(true);
  });
});
