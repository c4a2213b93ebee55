/**
 * Myers' O((N+M)·D) shortest edit script ("An O(ND) Difference Algorithm", 1986) over token ids.
 * Hand-written because jsdiff's `diffArrays` measured about 3× slower on the COP21 pair and
 * allocates per step; this one records the frontier of every step in one flat buffer, O(D²)
 * memory. A `MyersDiffer` owns that buffer and the arrays holding the runs of its last result,
 * and reuses them from call to call: the word diff creates one per redline and reads each
 * result with `runs`, `op` and `count` (no callback and no objects per call). Nothing is shared
 * between differs, so concurrent redlines do not interfere. `myersDiff` hands the runs to a
 * callback instead.
 */

export type EditOp = 'equal' | 'delete' | 'insert';

const EQUAL = 0;
const DELETE = 1;
const INSERT = 2;
const OPS: readonly EditOp[] = ['equal', 'delete', 'insert'];
/** Trace cells (4 bytes each) a differ may hold whatever its bound. */
const MIN_TRACE_CAP = 1 << 20;

/**
 * Compares `a[aStart, aEnd)` with `b[bStart, bEnd)`; calls `emit(op, count)` with runs in order:
 * `equal`, `delete` (from a) and `insert` (from b).
 * Returns false, emitting nothing, when more than `maxEdits` edits would be needed.
 */
export function myersDiff(
  a: ArrayLike<number>,
  aStart: number,
  aEnd: number,
  b: ArrayLike<number>,
  bStart: number,
  bEnd: number,
  maxEdits: number,
  emit: (op: EditOp, count: number) => void,
): boolean {
  const differ = new MyersDiffer();
  const runs = differ.runs(a, aStart, aEnd, b, bStart, bEnd, maxEdits);
  for (let r = 0; r < runs; r++) emit(differ.op(r), differ.count(r));
  return runs >= 0;
}

/** Myers' algorithm with its scratch space: one per caller, reused across that caller's diffs. */
export class MyersDiffer {
  private trace = new Int32Array(1 << 16);
  private runOps = new Uint8Array(256);
  private runCounts = new Int32Array(256);

  /** The op of run `r` of the last `runs` call. */
  op(r: number): EditOp {
    return OPS[this.runOps[r] as number] as EditOp;
  }

  /** The length of run `r` of the last `runs` call. */
  count(r: number): number {
    return this.runCounts[r] as number;
  }

  /**
   * `myersDiff` without a callback: returns the number of runs (-1 when the bound is hit), read
   * with `op(r)` and `count(r)` before this differ's next call.
   */
  runs(
    a: ArrayLike<number>,
    aStart: number,
    aEnd: number,
    b: ArrayLike<number>,
    bStart: number,
    bEnd: number,
    maxEdits: number,
  ): number {
    const n = aEnd - aStart;
    const m = bEnd - bStart;
    const limit = Math.min(n + m, maxEdits);
    let trace = this.trace;
    // The furthest x reached on diagonal k after step d lives at trace[d² + d + k]: each step reads
    // the previous step's cells and writes its own, so nothing is copied and nothing is allocated.
    let found = -1;
    search: for (let d = 0; d <= limit; d++) {
      const base = d * d + d;
      const previous = base - 2 * d; // (d-1)² + (d-1)
      if ((d + 1) * (d + 1) > trace.length) {
        // Doubling, but past 4 MB never beyond what the bound can use: near a large bound, a plain
        // doubling held twice the memory the search could ever touch. (Below 4 MB, capping at a
        // small unit's bound only made the next, larger unit grow the buffer again.)
        const grown = new Int32Array(
          Math.min(
            Math.max(trace.length * 2, (d + 1) * (d + 1)),
            Math.max((limit + 1) * (limit + 1), MIN_TRACE_CAP),
          ),
        );
        grown.set(trace.subarray(0, d * d));
        trace = grown;
        this.trace = grown;
      }
      for (let k = -d; k <= d; k += 2) {
        let x =
          d === 0
            ? 0
            : k === -d ||
                (k !== d && (trace[previous + k - 1] as number) < (trace[previous + k + 1] as number))
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
      runs = this.pushRun(runs, EQUAL, x - snakeStartX);
      runs = this.pushRun(runs, down ? INSERT : DELETE, 1);
      x = previousX;
      y = previousX - previousK;
    }
    runs = this.pushRun(runs, EQUAL, x);
    // Reversed in place by hand: a `subarray` view each made two objects per unit diffed.
    const ops = this.runOps;
    const counts = this.runCounts;
    for (let lo = 0, hi = runs - 1; lo < hi; lo++, hi--) {
      const op = ops[lo] as number;
      ops[lo] = ops[hi] as number;
      ops[hi] = op;
      const count = counts[lo] as number;
      counts[lo] = counts[hi] as number;
      counts[hi] = count;
    }
    return runs;
  }

  /** Appends a run (merged into the last one when of the same op); returns the new run count. */
  private pushRun(runs: number, op: number, count: number): number {
    if (count <= 0) return runs;
    if (runs > 0 && this.runOps[runs - 1] === op) {
      this.runCounts[runs - 1] = (this.runCounts[runs - 1] as number) + count;
      return runs;
    }
    if (runs === this.runOps.length) {
      const ops = new Uint8Array(runs * 2);
      ops.set(this.runOps);
      this.runOps = ops;
      const counts = new Int32Array(runs * 2);
      counts.set(this.runCounts);
      this.runCounts = counts;
    }
    this.runOps[runs] = op;
    this.runCounts[runs] = count;
    return runs + 1;
  }
}
