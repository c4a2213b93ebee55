import type { SearchObjective } from '../objectives.ts';
import { solveLp } from './linear-program.ts';

/**
 * One bargaining objective over a box: utilities u = base + Σ_j t_j × rise_j with each t_j in
 * [lower_j, upper_j] (the discrete choices and the cell of every range issue fixed). Utilities are
 * affine in t, so:
 * - a weighted sum, and the max-min of weighted gains (egalitarian, Kalai–Smorodinsky), are linear
 *   programs, solved by the simplex (linear-program.ts);
 * - the Nash objective Σ log(u − d) is concave: maximised by coordinate, Newton and Frank–Wolfe
 *   steps with exact line searches, and certified by the Lagrangian bound below.
 *
 * Nash certificate: for λ_q = 1/(u_q − d_q) at the returned point and every t in the box,
 * Σ log(u_q(t) − d_q) ≤ n·log(G/n) − Σ log λ_q, where G = max over the box of λ·(u(t) − d)
 * (by the arithmetic–geometric mean inequality). G is separable in t, so it is exact; the bound
 * exceeds the returned value by n·log(G/n), which the solver drives under NASH_TOLERANCE.
 */

export interface BoxProblem {
  /** Per party: utility at t = 0. */
  base: number[];
  /** rise[j][q]: party q's utility gain per unit of t_j. */
  rise: number[][];
  lower: number[];
  upper: number[];
}

export interface BoxOptimum {
  t: number[];
  /** Objective value at t (recomputed from the utilities). */
  value: number;
  /** No t in the box scores above this. */
  upperBound: number;
}

/** The Nash point is proven when its Lagrangian bound is within this (in log units) of its value. */
export const NASH_TOLERANCE = 1e-9;

export function utilitiesAt(problem: BoxProblem, t: number[]): number[] {
  return problem.base.map((b, q) => {
    let u = b;
    problem.rise.forEach((r, j) => (u += t[j]! * r[q]!));
    return u;
  });
}

const players = (objective: SearchObjective) => objective.weights.flatMap((w, q) => (w !== 0 ? [q] : []));

/** The best t for a linear or max-min objective; undefined when no t meets the reservation values. */
export function solveLinearOnBox(problem: BoxProblem, objective: SearchObjective): BoxOptimum | undefined {
  const m = problem.rise.length;
  const n = problem.base.length;
  const span = problem.upper.map((u, j) => u - problem.lower[j]!);
  const atLower = utilitiesAt(problem, problem.lower);
  // Variables: s_j = t_j − lower_j in [0, span_j]; for max-min also z = z⁺ − z⁻ (free).
  const maxmin = objective.kind === 'maxmin';
  const width = m + (maxmin ? 2 : 0);
  const A: number[][] = [];
  const b: number[] = [];
  const row = () => new Array<number>(width).fill(0);
  if (maxmin) {
    for (const q of players(objective)) {
      const w = objective.weights[q]!;
      const r = row();
      for (let j = 0; j < m; j++) r[j] = -w * problem.rise[j]![q]!;
      r[m] = 1;
      r[m + 1] = -1;
      A.push(r);
      b.push(w * (atLower[q]! - objective.thresholds[q]!));
    }
  }
  if (objective.enforceReservation) {
    for (let q = 0; q < n; q++) {
      const r = row();
      for (let j = 0; j < m; j++) r[j] = -problem.rise[j]![q]!;
      A.push(r);
      b.push(atLower[q]! - objective.thresholds[q]!);
    }
  }
  for (let j = 0; j < m; j++) {
    const r = row();
    r[j] = 1;
    A.push(r);
    b.push(span[j]!);
  }
  const c = row();
  if (maxmin) {
    c[m] = 1;
    c[m + 1] = -1;
  } else {
    for (let j = 0; j < m; j++) c[j] = objective.weights.reduce((s, w, q) => s + w * problem.rise[j]![q]!, 0);
  }
  const lp = solveLp(c, A, b);
  if (lp.status !== 'optimal') return undefined;
  const t = problem.lower.map((l, j) => Math.min(problem.upper[j]!, l + lp.x[j]!));
  const value = valueAt(problem, objective, t);
  if (value === -Infinity) return undefined;
  const bound = maxmin ? lp.value : lp.value + objective.weights.reduce((s, w, q) => s + w * atLower[q]!, 0);
  return { t, value, upperBound: Math.max(value, bound) };
}

/** The objective at t; −Infinity when a reservation value is missed (by more than float noise). */
export function valueAt(problem: BoxProblem, objective: SearchObjective, t: number[]): number {
  const u = utilitiesAt(problem, t);
  const slack = 1e-12;
  if (objective.enforceReservation && u.some((v, q) => v < objective.thresholds[q]! - slack))
    return -Infinity;
  const gains = players(objective).map((q) => ({ q, gain: u[q]! - objective.thresholds[q]! }));
  switch (objective.kind) {
    case 'linear':
      return objective.weights.reduce((s, w, q) => s + w * u[q]!, 0);
    case 'maxmin':
      return Math.min(...gains.map(({ q, gain }) => objective.weights[q]! * gain));
    case 'nash':
      return gains.every((g) => g.gain > 0) ? gains.reduce((s, g) => s + Math.log(g.gain), 0) : -Infinity;
  }
}

/** Maximises Σ log(g_q + α e_q) over α in [lo, hi] (concave: bisection on the derivative's sign). */
function lineSearch(g: number[], e: number[], lo: number, hi: number): number {
  for (let q = 0; q < g.length; q++) {
    // Stay where every gain is positive.
    if (e[q]! < 0) hi = Math.min(hi, (g[q]! / -e[q]!) * (1 - 1e-12));
    if (e[q]! > 0) lo = Math.max(lo, (-g[q]! / e[q]!) * (1 - 1e-12));
  }
  if (!(hi > lo)) return 0;
  const slope = (a: number) => g.reduce((s, gq, q) => s + e[q]! / (gq + a * e[q]!), 0);
  if (slope(hi) >= 0) return hi;
  if (slope(lo) <= 0) return lo;
  let a = lo;
  let b = hi;
  for (let k = 0; k < 200 && b - a > 1e-18 * Math.max(1, Math.abs(a)); k++) {
    const mid = (a + b) / 2;
    if (slope(mid) > 0) a = mid;
    else b = mid;
  }
  return (a + b) / 2;
}

/** Solves the small symmetric positive system H x = y (Gaussian elimination, partial pivoting). */
function solveSystem(H: number[][], y: number[]): number[] {
  const k = y.length;
  const M = H.map((r, i) => [...r, y[i]!]);
  for (let c = 0; c < k; c++) {
    let p = c;
    for (let i = c + 1; i < k; i++) if (Math.abs(M[i]![c]!) > Math.abs(M[p]![c]!)) p = i;
    [M[c], M[p]] = [M[p]!, M[c]!];
    const d = M[c]![c]!;
    if (Math.abs(d) < 1e-300) continue;
    for (let i = 0; i < k; i++) {
      if (i === c) continue;
      const f = M[i]![c]! / d;
      for (let j = c; j <= k; j++) M[i]![j]! -= f * M[c]![j]!;
    }
  }
  return M.map((r, i) => (Math.abs(r[i]!) < 1e-300 ? 0 : r[k]! / r[i]!));
}

/**
 * The Nash point over the box (every party a player, reservation values enforced), or undefined
 * when no t gives every party strictly more than its reservation value.
 */
export function solveNashOnBox(problem: BoxProblem, thresholds: number[]): BoxOptimum | undefined {
  const n = problem.base.length;
  const m = problem.rise.length;
  // A strictly feasible start: the egalitarian point (largest least gain).
  const start = solveLinearOnBox(problem, {
    kind: 'maxmin',
    weights: problem.base.map(() => 1),
    thresholds,
    enforceReservation: true,
  });
  if (!start || !(start.value > 0)) return undefined;
  const t = [...start.t];
  const gains = () => utilitiesAt(problem, t).map((u, q) => u - thresholds[q]!);
  const riseOf = (d: number[]) =>
    problem.base.map((_, q) => d.reduce((s, dj, j) => s + dj * problem.rise[j]![q]!, 0));
  const certificateGap = (g: number[]) => {
    // G = max over the box of λ·(u − d) with λ = 1/g, so that λ·g = n at t.
    let G = 0;
    for (let q = 0; q < n; q++) G += (utilitiesAt(problem, problem.lower)[q]! - thresholds[q]!) / g[q]!;
    for (let j = 0; j < m; j++) {
      const s = problem.rise[j]!.reduce((acc, r, q) => acc + r / g[q]!, 0);
      G += Math.max(0, s * (problem.upper[j]! - problem.lower[j]!));
    }
    return n * Math.log(Math.max(G, n) / n);
  };
  let gap = certificateGap(gains());
  for (let round = 0; round < 500 && gap > 1e-13 && m > 0; round++) {
    // Coordinate steps settle which bounds are active.
    for (let j = 0; j < m; j++) {
      const g = gains();
      const a = lineSearch(g, problem.rise[j]!, problem.lower[j]! - t[j]!, problem.upper[j]! - t[j]!);
      t[j] = Math.min(problem.upper[j]!, Math.max(problem.lower[j]!, t[j]! + a));
    }
    // A Newton step on the coordinates strictly inside their bounds.
    let g = gains();
    const grad = problem.rise.map((r) => r.reduce((s, rq, q) => s + rq / g[q]!, 0));
    const free = t.flatMap((tj, j) =>
      (tj > problem.lower[j]! || grad[j]! > 0) && (tj < problem.upper[j]! || grad[j]! < 0) ? [j] : [],
    );
    if (free.length > 0) {
      const H = free.map((i) =>
        free.map((j) =>
          problem.rise[i]!.reduce((s, ri, q) => s + (ri * problem.rise[j]![q]!) / (g[q]! * g[q]!), 0),
        ),
      );
      const trace = H.reduce((s, r, i) => s + r[i]!, 0);
      H.forEach((r, i) => (r[i]! += 1e-12 * trace + 1e-300));
      const step = solveSystem(
        H,
        free.map((j) => grad[j]!),
      );
      const d = new Array<number>(m).fill(0);
      free.forEach((j, k) => (d[j] = step[k]!));
      let reach = Infinity;
      d.forEach((dj, j) => {
        if (dj > 0) reach = Math.min(reach, (problem.upper[j]! - t[j]!) / dj);
        if (dj < 0) reach = Math.min(reach, (problem.lower[j]! - t[j]!) / dj);
      });
      const a = lineSearch(g, riseOf(d), 0, Math.min(reach, 1e6));
      d.forEach((dj, j) => (t[j] = Math.min(problem.upper[j]!, Math.max(problem.lower[j]!, t[j]! + a * dj))));
    }
    // A Frank–Wolfe step toward the best corner for the current multipliers.
    g = gains();
    const corner = problem.rise.map((r, j) =>
      r.reduce((s, rq, q) => s + rq / g[q]!, 0) > 0 ? problem.upper[j]! : problem.lower[j]!,
    );
    const toward = corner.map((c, j) => c - t[j]!);
    const a = lineSearch(g, riseOf(toward), 0, 1);
    toward.forEach(
      (dj, j) => (t[j] = Math.min(problem.upper[j]!, Math.max(problem.lower[j]!, t[j]! + a * dj))),
    );
    gap = certificateGap(gains());
  }
  const value = valueAt(
    problem,
    { kind: 'nash', weights: problem.base.map(() => 1), thresholds, enforceReservation: true },
    t,
  );
  return { t, value, upperBound: value + gap };
}
