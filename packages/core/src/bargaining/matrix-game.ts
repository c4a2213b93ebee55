/**
 * The value of a small zero-sum matrix game, with both optimal strategies: the master problem of
 * the max-min relaxation, solved thousands of times per search on matrices of a few dozen rows,
 * so a dense tableau here costs microseconds where a general LP library's setup would dominate.
 *
 * payoff[k][p]: what the maximiser gets when it plays package k and the minimiser picks
 * signatory p. With all payoffs shifted positive, the classic reduction
 *   max Σ y  s.t.  Σ_p payoff[k][p]·y_p ≤ 1 (every k),  y ≥ 0
 * has the slack basis as a feasible start, its optimum is 1/value, y/Σy is the minimiser's
 * strategy and the slacks' reduced costs give the maximiser's. Bland's rule prevents cycling.
 */

export interface GameSolution {
  value: number;
  /** The maximiser's mix over rows (packages). */
  rows: number[];
  /** The minimiser's mix over columns (signatories): the Lagrange multipliers. */
  columns: number[];
}

export function solveMatrixGame(payoff: number[][]): GameSolution {
  const K = payoff.length;
  const P = payoff[0]!.length;
  let least = Infinity;
  for (const row of payoff) for (const v of row) least = Math.min(least, v);
  const shift = 1 - least;
  const width = P + K + 1;
  // Tableau rows: K constraints, then the objective row (reduced costs, negated).
  const t = new Float64Array((K + 1) * width);
  for (let k = 0; k < K; k++) {
    for (let p = 0; p < P; p++) t[k * width + p] = payoff[k]![p]! + shift;
    t[k * width + P + k] = 1;
    t[k * width + width - 1] = 1;
  }
  for (let p = 0; p < P; p++) t[K * width + p] = -1;
  const basis = Array.from({ length: K }, (_, k) => P + k);
  const EPS = 1e-12;
  for (let iteration = 0; iteration < 50 * (K + P); iteration++) {
    let entering = -1;
    for (let j = 0; j < P + K; j++) {
      if (t[K * width + j]! < -EPS) {
        entering = j;
        break;
      }
    }
    if (entering < 0) break;
    let leaving = -1;
    let best = Infinity;
    for (let k = 0; k < K; k++) {
      const a = t[k * width + entering]!;
      if (a <= EPS) continue;
      const ratio = t[k * width + width - 1]! / a;
      if (ratio < best - EPS || (Math.abs(ratio - best) <= EPS && basis[k]! < basis[leaving]!)) {
        best = ratio;
        leaving = k;
      }
    }
    if (leaving < 0) break; // unbounded cannot happen with positive payoffs
    const pivot = t[leaving * width + entering]!;
    for (let j = 0; j < width; j++) t[leaving * width + j]! /= pivot;
    for (let k = 0; k <= K; k++) {
      if (k === leaving) continue;
      const factor = t[k * width + entering]!;
      if (factor === 0) continue;
      for (let j = 0; j < width; j++) t[k * width + j]! -= factor * t[leaving * width + j]!;
    }
    basis[leaving] = entering;
  }
  const y = new Array<number>(P).fill(0);
  basis.forEach((b, k) => {
    if (b < P) y[b] = t[k * width + width - 1]!;
  });
  const total = y.reduce((s, v) => s + v, 0);
  const x = Array.from({ length: K }, (_, k) => Math.max(0, t[K * width + P + k]!));
  const xTotal = x.reduce((s, v) => s + v, 0);
  return {
    value: 1 / total - shift,
    rows: x.map((v) => (xTotal > 0 ? v / xTotal : 1 / K)),
    columns: y.map((v) => v / total),
  };
}
