/**
 * A small dense linear program: maximise c·x subject to A x ≤ b and x ≥ 0, by the two-phase
 * simplex method with Bland's rule (no cycling). Sized for the continuous bargaining problems:
 * a handful of range issues and parties, so tens of rows and columns.
 */

export type LpResult =
  { status: 'optimal'; x: number[]; value: number } | { status: 'infeasible' } | { status: 'unbounded' };

const EPS = 1e-11;

function pivot(T: number[][], row: number, col: number): void {
  const p = T[row]!;
  const scale = p[col]!;
  for (let j = 0; j < p.length; j++) p[j]! /= scale;
  for (let i = 0; i < T.length; i++) {
    if (i === row) continue;
    const f = T[i]![col]!;
    if (f === 0) continue;
    const r = T[i]!;
    for (let j = 0; j < r.length; j++) r[j]! -= f * p[j]!;
  }
}

/** Runs the simplex on tableau T (last row: objective, last column: right-hand side). */
function iterate(T: number[][], basis: number[], usable: (j: number) => boolean): 'optimal' | 'unbounded' {
  const m = T.length - 1;
  const rhs = T[0]!.length - 1;
  for (let guard = 0; guard < 100_000; guard++) {
    let enter = -1;
    for (let j = 0; j < rhs; j++) {
      if (usable(j) && T[m]![j]! < -EPS) {
        enter = j;
        break;
      }
    }
    if (enter < 0) return 'optimal';
    let leave = -1;
    let best = Infinity;
    for (let i = 0; i < m; i++) {
      const a = T[i]![enter]!;
      if (a <= EPS) continue;
      const ratio = T[i]![rhs]! / a;
      if (ratio < best - EPS || (ratio <= best + EPS && leave >= 0 && basis[i]! < basis[leave]!)) {
        best = Math.min(best, ratio);
        leave = i;
      }
    }
    if (leave < 0) return 'unbounded';
    pivot(T, leave, enter);
    basis[leave] = enter;
  }
  return 'optimal';
}

export function solveLp(c: number[], A: number[][], b: number[]): LpResult {
  const m = A.length;
  const n = c.length;
  const negative = b.map((v) => v < 0);
  const artificials = negative.filter(Boolean).length;
  const width = n + m + artificials;
  const T: number[][] = [];
  const basis: number[] = [];
  let a = 0;
  for (let i = 0; i < m; i++) {
    const sign = negative[i] ? -1 : 1;
    const row = new Array<number>(width + 1).fill(0);
    for (let j = 0; j < n; j++) row[j] = sign * A[i]![j]!;
    row[n + i] = sign;
    row[width] = sign * b[i]!;
    if (negative[i]) {
      row[n + m + a] = 1;
      basis.push(n + m + a);
      a++;
    } else basis.push(n + i);
    T.push(row);
  }
  // Phase 1: drive the artificial variables to zero (maximise −Σ artificials).
  const objective = new Array<number>(width + 1).fill(0);
  T.push(objective);
  if (artificials > 0) {
    for (let k = 0; k < artificials; k++) objective[n + m + k] = 1;
    for (let i = 0; i < m; i++) {
      if (basis[i]! >= n + m) for (let j = 0; j <= width; j++) objective[j]! -= T[i]![j]!;
    }
    iterate(T, basis, () => true);
    if (T[m]![width]! < -1e-9) return { status: 'infeasible' };
    // Pivot artificials still basic (at zero) out where a real column allows it.
    for (let i = 0; i < m; i++) {
      if (basis[i]! < n + m) continue;
      const col = T[i]!.findIndex((v, j) => j < n + m && Math.abs(v) > EPS);
      if (col >= 0) {
        pivot(T, i, col);
        basis[i] = col;
      }
    }
  }
  // Phase 2: the real objective over the columns that are not artificial.
  const row = T[m]!;
  row.fill(0);
  for (let j = 0; j < n; j++) row[j] = -c[j]!;
  for (let i = 0; i < m; i++) {
    const k = basis[i]!;
    const f = row[k]!;
    if (f !== 0) for (let j = 0; j <= width; j++) row[j]! -= f * T[i]![j]!;
  }
  if (iterate(T, basis, (j) => j < n + m) === 'unbounded') return { status: 'unbounded' };
  const x = new Array<number>(n).fill(0);
  basis.forEach((k, i) => {
    if (k < n) x[k] = Math.max(0, T[i]![width]!);
  });
  return { status: 'optimal', x, value: c.reduce((s, cj, j) => s + cj * x[j]!, 0) };
}
