/**
 * Myers' O((N+M)·D) shortest edit script ("An O(ND) Difference Algorithm", 1986) over token ids.
 * Hand-written because jsdiff's `diffArrays` measured about 3× slower on the COP21 pair and
 * allocates per step; this one records the frontier of every step in one flat buffer, O(D²)
 * memory, reused from call to call (scratch space only: results never alias it).
 *
 * Compares `a[aStart, aEnd)` with `b[bStart, bEnd)`; calls `emit(op, count)` with runs in order:
 * `equal`, `delete` (from a) and `insert` (from b).
 * Returns false, emitting nothing, when more than `maxEdits` edits would be needed.
 */
let trace = new Int32Array(1 << 16);

export function myersDiff(
  a: readonly number[],
  aStart: number,
  aEnd: number,
  b: readonly number[],
  bStart: number,
  bEnd: number,
  maxEdits: number,
  emit: (op: 'equal' | 'delete' | 'insert', count: number) => void,
): boolean {
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
  if (found < 0) return false;

  // Walk back from (n, m), collecting runs in reverse.
  const ops: ('equal' | 'delete' | 'insert')[] = [];
  const counts: number[] = [];
  const push = (op: 'equal' | 'delete' | 'insert', count: number) => {
    if (count <= 0) return;
    if (ops.at(-1) === op) counts[counts.length - 1] = (counts.at(-1) as number) + count;
    else {
      ops.push(op);
      counts.push(count);
    }
  };
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const previous = (d - 1) * (d - 1) + (d - 1); // step d-1, diagonal 0
    const at = (k: number) => trace[previous + k] as number;
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const previousK = down ? k + 1 : k - 1;
    const previousX = at(previousK);
    const previousY = previousX - previousK;
    const snakeStartX = down ? previousX : previousX + 1;
    push('equal', x - snakeStartX);
    push(down ? 'insert' : 'delete', 1);
    x = previousX;
    y = previousY;
  }
  push('equal', x);
  for (let i = ops.length - 1; i >= 0; i--) emit(ops[i] as 'equal', counts[i] as number);
  return true;
}
