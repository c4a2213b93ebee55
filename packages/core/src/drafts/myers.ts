/**
 * Myers' O((N+M)·D) shortest edit script ("An O(ND) Difference Algorithm", 1986) over token ids.
 * Hand-written because jsdiff's `diffArrays` measured about 3× slower on the COP21 pair and
 * allocates per step; this one records the frontier of every step in one flat buffer, O(D²)
 * memory, reused from call to call. The runs of the result are kept in reused scratch arrays
 * too: the word diff reads them with `myersRuns`, `runOp` and `runCount` (no callback and no
 * objects per call); `myersDiff` hands them to a callback instead.
 *
 * Compares `a[aStart, aEnd)` with `b[bStart, bEnd)`; calls `emit(op, count)` with runs in order:
 * `equal`, `delete` (from a) and `insert` (from b).
 * Returns false, emitting nothing, when more than `maxEdits` edits would be needed.
 */
export function myersDiff(
  a: readonly number[],
  aStart: number,
  aEnd: number,
  b: readonly number[],
  bStart: number,
  bEnd: number,
  maxEdits: number,
  emit: (op: EditOp, count: number) => void,
): boolean {
  const runs = myersRuns(a, aStart, aEnd, b, bStart, bEnd, maxEdits);
  for (let r = 0; r < runs; r++) emit(runOp(r), runCount(r));
  return runs >= 0;
}

export type EditOp = 'equal' | 'delete' | 'insert';

/** The op of run `r` of the last `myersRuns` call. */
export function runOp(r: number): EditOp {
  return OPS[runOps[r] as number] as EditOp;
}

/** The length of run `r` of the last `myersRuns` call. */
export function runCount(r: number): number {
  return runCounts[r] as number;
}

let trace = new Int32Array(1 << 16);

/**
 * `myersDiff` without a callback: returns the number of runs (-1 when the bound is hit), read
 * with `runOp(r)` and `runCount(r)` before the next call (they live in reused scratch space).
 */
export function myersRuns(
  a: readonly number[],
  aStart: number,
  aEnd: number,
  b: readonly number[],
  bStart: number,
  bEnd: number,
  maxEdits: number,
): number {
  const n = aEnd - aStart;
  const m = bEnd - bStart;
  const limit = Math.min(n + m, maxEdits);
  // The furthest x reached on diagonal k after step d lives at trace[d² + d + k]: each step reads
  // the previous step's cells and writes its own, so nothing is copied and nothing is allocated.
  let found = -1;
  search: for (let d = 0; d <= limit; d++) {
    const base = d * d + d;
    const previous = base - 2 * d; // (d-1)² + (d-1)
    if ((d + 1) * (d + 1) > trace.length) {
      const grown = new Int32Array(Math.max(trace.length * 2, (d + 1) * (d + 1)));
      grown.set(trace.subarray(0, d * d));
      trace = grown;
    }
    for (let k = -d; k <= d; k += 2) {
      let x =
        d === 0
          ? 0
          : k === -d || (k !== d && (trace[previous + k - 1] as number) < (trace[previous + k + 1] as number))
            ? (trace[previous + k + 1] as number)
            : (trace[previous + k - 1] as number) + 1;
      let y = x - k;
      while (x < n && y < m && a[aStart + x] === b[bStart + y]) {
        x++;
        y++;
      }
      trace[base + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break search;
      }
    }
  }
  if (found < 0) return -1;

  // Walk back from (n, m), collecting runs in reverse (as op codes and counts in scratch arrays:
  // no closures or tuples per call, as this runs for every modified unit).
  let runs = 0;
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const previous = (d - 1) * (d - 1) + (d - 1); // step d-1, diagonal 0
    const k = x - y;
    const down =
      k === -d || (k !== d && (trace[previous + k - 1] as number) < (trace[previous + k + 1] as number));
    const previousK = down ? k + 1 : k - 1;
    const previousX = trace[previous + previousK] as number;
    const snakeStartX = down ? previousX : previousX + 1;
    runs = pushRun(runs, EQUAL, x - snakeStartX);
    runs = pushRun(runs, down ? INSERT : DELETE, 1);
    x = previousX;
    y = previousX - previousK;
  }
  runs = pushRun(runs, EQUAL, x);
  runOps.subarray(0, runs).reverse();
  runCounts.subarray(0, runs).reverse();
  return runs;
}

const EQUAL = 0;
const DELETE = 1;
const INSERT = 2;
const OPS: readonly EditOp[] = ['equal', 'delete', 'insert'];
let runOps = new Uint8Array(256);
let runCounts = new Int32Array(256);

/** Appends a run (merged into the last one when of the same op); returns the new run count. */
function pushRun(runs: number, op: number, count: number): number {
  if (count <= 0) return runs;
  if (runs > 0 && runOps[runs - 1] === op) {
    runCounts[runs - 1] = (runCounts[runs - 1] as number) + count;
    return runs;
  }
  if (runs === runOps.length) {
    const ops = new Uint8Array(runs * 2);
    ops.set(runOps);
    runOps = ops;
    const counts = new Int32Array(runs * 2);
    counts.set(runCounts);
    runCounts = counts;
  }
  runOps[runs] = op;
  runCounts[runs] = count;
  return runs + 1;
}
