/**
 * Myers' O((N+M)·D) shortest edit script ("An O(ND) Difference Algorithm", 1986) over token ids.
 * Hand-written because jsdiff's `diffArrays` measured about 3× slower on the COP21 pair and
 * allocates per step; this one records the frontier of every step in one flat buffer, O(D²)
 * memory, reused from call to call (it is scratch space only: results never alias it).
 *
 * Calls `emit(op, count)` with runs in order: `equal`, `delete` (from a) and `insert` (from b).
 * Returns false, emitting nothing, when more than `maxEdits` edits would be needed.
 */
let scratch = new Int32Array(1 << 16);

export function myersDiff(
  a: Int32Array,
  b: Int32Array,
  maxEdits: number,
  emit: (op: 'equal' | 'delete' | 'insert', count: number) => void,
): boolean {
  const n = a.length;
  const m = b.length;
  const limit = Math.min(n + m, maxEdits);
  const offset = limit + 1;
  const v = new Int32Array(2 * limit + 3);
  // The frontier after step d (diagonals -d..d) is stored at trace offset d², so step d's k is at d² + d + k.
  let found = -1;
  search: for (let d = 0; d <= limit; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && (v[offset + k - 1] as number) < (v[offset + k + 1] as number))
          ? (v[offset + k + 1] as number)
          : (v[offset + k - 1] as number) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
    const base = d * d;
    if (base + 2 * d + 1 > scratch.length) {
      const grown = new Int32Array(Math.max(scratch.length * 2, base + 2 * d + 1));
      grown.set(scratch.subarray(0, base));
      scratch = grown;
    }
    for (let i = 0; i <= 2 * d; i++) scratch[base + i] = v[offset - d + i] as number;
    if (found >= 0) break search;
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
    const base = (d - 1) * (d - 1) + (d - 1); // frontier of step d-1, diagonal 0
    const at = (k: number) => scratch[base + k] as number;
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
