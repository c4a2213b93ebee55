import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MyersDiffer, myersDiff } from './myers.ts';

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

describe('MyersDiffer', () => {
  const runsOf = (differ: MyersDiffer, count: number) =>
    Array.from({ length: count }, (_, r) => [differ.op(r), differ.count(r)]);

  it('keeps its own result: a second differ in between does not overwrite it', () => {
    const first = new MyersDiffer();
    const second = new MyersDiffer();
    const count = first.runs([1, 2, 3, 4], 0, 4, [1, 3, 4, 5], 0, 4, 10);
    second.runs([7, 7, 7], 0, 3, [8], 0, 1, 10);
    expect(runsOf(first, count)).toEqual([
      ['equal', 1],
      ['delete', 1],
      ['equal', 2],
      ['insert', 1],
    ]);
  });

  it('grows its scratch space for a long script and still gives exact runs afterwards', () => {
    const differ = new MyersDiffer();
    // 600 alternating edits: more runs (1,200) and steps (600² trace cells) than the initial buffers hold.
    const a = Array.from({ length: 600 }, (_, i) => 2 * i);
    const b = Array.from({ length: 600 }, (_, i) => 2 * i + 1);
    const long = differ.runs(a, 0, a.length, b, 0, b.length, 10_000);
    expect(long).toBe(2);
    expect(runsOf(differ, long)).toEqual([
      ['delete', 600],
      ['insert', 600],
    ]);
    const interleaved = Array.from({ length: 1200 }, (_, i) => i);
    const evens = interleaved.filter((x) => x % 2 === 0);
    const many = differ.runs(interleaved, 0, 1200, evens, 0, 600, 10_000);
    expect(many).toBe(1200);
    expect(runsOf(differ, 2)).toEqual([
      ['equal', 1],
      ['delete', 1],
    ]);
    const small = differ.runs([1, 2], 0, 2, [2], 0, 1, 10);
    expect(runsOf(differ, small)).toEqual([
      ['delete', 1],
      ['equal', 1],
    ]);
  });
});
