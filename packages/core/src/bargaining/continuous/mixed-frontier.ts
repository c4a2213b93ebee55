import { cellsOf, type MixedDomain, type MixedOutcome } from './mixed-domain.ts';

/**
 * The exact two-party Pareto frontier of a mixed (discrete + range) domain, as pieces: line
 * segments (or single points) in the utility plane, every point of which is attained by a package.
 *
 * Each issue contributes pieces: a discrete option a point, a cell of a range issue (where both
 * scores are affine) a segment, oriented from the first party's worse end to its better end. The
 * reachable set is the Minkowski sum over issues, and as in pareto.ts a package whose first issues
 * form a dominated partial package is itself dominated, so the frontier is built issue by issue:
 * frontier(k+1) = undominated parts of frontier(k) ⊕ pieces of issue k+1. The sum of two segments
 * is a parallelogram whose upper-right boundary is the flatter segment then the steeper one; the
 * undominated part of each candidate segment is what remains after removing, for every other
 * candidate, the interval of it that candidate dominates (an interval, because what a segment
 * dominates is convex).
 *
 * Along a piece exactly one range issue moves, linearly, so the package at any point of a piece is
 * the linear interpolation of the packages at its ends. An integer range moves in whole steps: with
 * integer ranges the pieces are those of the continuous relaxation (flag `relaxation`), an outer
 * bound that every package lies on or under, with the whole-number packages on it attained.
 * A piece end marked open is a limit, not itself on the frontier (a package of another piece
 * dominates it), as where the frontier jumps down.
 */

export interface FrontierEnd {
  utilities: [number, number];
  outcome: MixedOutcome;
}

export interface FrontierPiece {
  from: FrontierEnd;
  to: FrontierEnd;
  /** True when `from` (resp. `to`) is a limit point dominated by another piece's package. */
  openFrom: boolean;
  openTo: boolean;
}

export type MixedFrontier =
  { pieces: FrontierPiece[]; relaxation: boolean } | { pieces: null; reason: string };

/** Above this many candidate pieces in one merge step the frontier is not computed. */
export const MIXED_FRONTIER_LIMIT = 4000;

const TOL = 1e-12;

interface Piece {
  a: FrontierEnd;
  b: FrontierEnd;
}

const dx = (p: Piece) => p.b.utilities[0] - p.a.utilities[0];
const dy = (p: Piece) => p.b.utilities[1] - p.a.utilities[1];

function at(p: Piece, tau: number): FrontierEnd {
  if (tau <= 0) return p.a;
  if (tau >= 1) return p.b;
  const mix = (x: number, y: number) => x + tau * (y - x);
  return {
    utilities: [mix(p.a.utilities[0], p.b.utilities[0]), mix(p.a.utilities[1], p.b.utilities[1])],
    outcome: {
      options: p.a.outcome.options,
      values: p.a.outcome.values.map((v, r) => mix(v, p.b.outcome.values[r]!)),
    },
  };
}

const shift = (e: FrontierEnd, by: FrontierEnd): FrontierEnd => ({
  utilities: [e.utilities[0] + by.utilities[0], e.utilities[1] + by.utilities[1]],
  outcome: {
    options: [...by.outcome.options, ...e.outcome.options],
    values: [...by.outcome.values, ...e.outcome.values],
  },
});

/** Whether point y is strictly dominated by some point of piece s. */
function dominatedBy(y: [number, number], s: Piece): boolean {
  const [ax, ay] = s.a.utilities;
  const [bx, by] = s.b.utilities;
  if (y[0] > bx + TOL) return false;
  if (y[0] < ax - TOL) return y[1] <= ay + TOL;
  if (bx - ax <= TOL) return y[1] < Math.max(ay, by) - TOL;
  const line = ay + ((y[0] - ax) / (bx - ax)) * (by - ay);
  return y[1] < line - TOL;
}

/** The τ-intervals of piece p that piece s strictly dominates (closed, approximately). */
function dominatedIntervals(p: Piece, s: Piece): [number, number][] {
  const px = (tau: number) => p.a.utilities[0] + tau * dx(p);
  const py = (tau: number) => p.a.utilities[1] + tau * dy(p);
  if (dx(p) <= TOL && Math.abs(dy(p)) <= TOL) return dominatedBy(p.a.utilities, s) ? [[0, 1]] : [];
  // p's x is non-decreasing in τ: split [0, 1] where it crosses s's ends, and solve the linear
  // condition on each part.
  const [ax, ay] = s.a.utilities;
  const [bx, by] = s.b.utilities;
  const tauAt = (x: number) =>
    dx(p) <= TOL ? (px(0) < x ? Infinity : -Infinity) : (x - p.a.utilities[0]) / dx(p);
  const cuts = [0, Math.min(1, Math.max(0, tauAt(ax))), Math.min(1, Math.max(0, tauAt(bx))), 1];
  const out: [number, number][] = [];
  for (let k = 0; k < 3; k++) {
    const lo = cuts[k]!;
    const hi = cuts[k + 1]!;
    if (hi < lo) continue;
    const mid = (lo + hi) / 2;
    const x = px(mid);
    // f(τ) > 0 ⇔ dominated, f linear on [lo, hi].
    let f: (tau: number) => number;
    if (x > bx + TOL) continue;
    if (x < ax - TOL) f = (tau) => ay + TOL - py(tau);
    else if (bx - ax <= TOL) f = (tau) => Math.max(ay, by) - TOL - py(tau);
    else f = (tau) => ay + ((px(tau) - ax) / (bx - ax)) * (by - ay) - TOL - py(tau);
    const f0 = f(lo);
    const f1 = f(hi);
    if (f0 >= 0 && f1 >= 0) out.push([lo, hi]);
    else if (f0 >= 0) out.push([lo, lo + (hi - lo) * (f0 / (f0 - f1))]);
    else if (f1 >= 0) out.push([lo + (hi - lo) * (f0 / (f0 - f1)), hi]);
  }
  return out;
}

/** The undominated parts of a set of pieces. */
function undominated(candidates: Piece[]): Piece[] {
  const kept: Piece[] = [];
  candidates.forEach((p, i) => {
    const cover = candidates
      .flatMap((s, k) => (k === i ? [] : dominatedIntervals(p, s)))
      .sort((x, y) => x[0] - y[0]);
    let from = 0;
    const keep = (lo: number, hi: number) => {
      if (hi >= lo) kept.push({ a: at(p, lo), b: at(p, hi) });
    };
    for (const [lo, hi] of cover) {
      if (lo > from) keep(from, lo);
      from = Math.max(from, hi);
      if (from >= 1) break;
    }
    if (from < 1 || (from === 0 && cover.length === 0)) keep(from, 1);
  });
  // A point that repeats another piece's end adds nothing.
  const same = (x: FrontierEnd, y: FrontierEnd) =>
    Math.abs(x.utilities[0] - y.utilities[0]) <= TOL && Math.abs(x.utilities[1] - y.utilities[1]) <= TOL;
  return kept.filter(
    (p, i) =>
      dx(p) > TOL ||
      Math.abs(dy(p)) > TOL ||
      !kept.some((s, k) => (k < i || dx(s) > TOL) && k !== i && (same(p.a, s.a) || same(p.a, s.b))),
  );
}

/** The pieces one issue contributes, each oriented toward the first party's better end. */
function issuePieces(domain: MixedDomain, issue: number): Piece[] {
  const D = domain.discrete.length;
  const [p, q] = domain.parties;
  if (issue < D)
    return domain.discrete[issue]!.options.map((_, o) => {
      const end: FrontierEnd = {
        utilities: [p!.discrete[issue]![o]!, q!.discrete[issue]![o]!],
        outcome: { options: [o], values: [] },
      };
      return { a: end, b: end };
    });
  const r = issue - D;
  return cellsOf(domain, r).map((cell) => {
    const end = (x: number, k: 0 | 1): FrontierEnd => ({
      utilities: [cell.start[0]! + k * cell.rise[0]!, cell.start[1]! + k * cell.rise[1]!],
      outcome: { options: [], values: [x] },
    });
    const lo = end(cell.lo, 0);
    const hi = end(cell.hi, 1);
    const [r0, r1] = cell.rise as [number, number];
    // Where neither party loses, one end weakly dominates the whole cell.
    if (r0 >= 0 && r1 >= 0) return { a: hi, b: hi };
    if (r0 <= 0 && r1 <= 0) return { a: lo, b: lo };
    return r0 > 0 ? { a: lo, b: hi } : { a: hi, b: lo };
  });
}

/** The upper-right boundary of piece ⊕ piece: the flatter direction first. */
function sum(x: Piece, y: Piece): Piece[] {
  const origin = shift(y.a, x.a);
  const slope = (p: Piece) => (dx(p) <= TOL ? (Math.abs(dy(p)) <= TOL ? 0 : -Infinity) : dy(p) / dx(p));
  const [first, second] = slope(x) >= slope(y) ? [x, y] : [y, x];
  const firstIsX = first === x;
  const corner = firstIsX ? shift(y.a, x.b) : shift(y.b, x.a);
  const end = shift(y.b, x.b);
  const pieces: Piece[] = [];
  const moves = (p: Piece) => dx(p) > TOL || Math.abs(dy(p)) > TOL;
  if (moves(first)) pieces.push({ a: origin, b: corner });
  if (moves(second)) pieces.push({ a: moves(first) ? corner : origin, b: end });
  if (pieces.length === 0) pieces.push({ a: origin, b: origin });
  return pieces;
}

export function mixedFrontier(domain: MixedDomain, limit = MIXED_FRONTIER_LIMIT): MixedFrontier {
  if (domain.parties.length !== 2)
    return {
      pieces: null,
      reason: `the frontier as pieces is computed for two parties (this domain has ${domain.parties.length})`,
    };
  const D = domain.discrete.length;
  const issues = D + domain.ranges.length;
  const empty: FrontierEnd = { utilities: [0, 0], outcome: { options: [], values: [] } };
  let frontier: Piece[] = [{ a: empty, b: empty }];
  for (let i = 0; i < issues; i++) {
    const options = issuePieces(domain, i);
    if (frontier.length * options.length * 2 > limit)
      return {
        pieces: null,
        reason: `one merge step would test ${frontier.length * options.length * 2} candidate pieces, above the limit of ${limit}`,
      };
    // Discrete issues come first, so options and range values accumulate in domain order.
    frontier = undominated(frontier.flatMap((f) => options.flatMap((o) => sum(f, o))));
  }
  const ordered = frontier.sort(
    (x, y) => x.a.utilities[0] - y.a.utilities[0] || y.a.utilities[1] - x.a.utilities[1],
  );
  const isOpen = (e: FrontierEnd) => ordered.some((s) => dominatedBy(e.utilities, s));
  return {
    pieces: ordered.map((p) => ({ from: p.a, to: p.b, openFrom: isOpen(p.a), openTo: isOpen(p.b) })),
    relaxation: domain.ranges.some((r) => r.integer),
  };
}
