import type { NegotiationDomain, NegotiationIssue } from '../outcome-space.ts';

/**
 * An additive outcome space whose issues are either discrete (a list of options, as in
 * outcome-space.ts) or ranges: a real interval, or an integer interval too wide to list
 * (0..1e9). A package picks one option per discrete issue and one number per range.
 *
 * Each party scores a range with a piecewise-linear function of the number (weights folded in):
 * a GENIUS linear evaluator clamped to [0, 1] has at most two kinks. Between two consecutive
 * kinks of all parties (a "cell") every party's score is affine in the number, which is what
 * makes the bargaining points solvable exactly (continuous-search.ts).
 */

/** y(x) by linear interpolation between (xs[k], ys[k]); xs strictly increasing, spanning the range. */
export interface PiecewiseLinear {
  xs: number[];
  ys: number[];
}

export interface RangeIssue {
  name: string;
  lower: number;
  upper: number;
  /** Only whole numbers are packages (a GENIUS integer issue). */
  integer: boolean;
}

export interface MixedParty {
  id: string;
  reservationValue: number;
  /** scores[discrete issue][option]. */
  discrete: number[][];
  /** Per range issue: the score as a function of the number. */
  ranges: PiecewiseLinear[];
}

export interface MixedDomain {
  discrete: NegotiationIssue[];
  ranges: RangeIssue[];
  parties: MixedParty[];
}

/** A package: option index per discrete issue, a number per range issue. */
export interface MixedOutcome {
  options: number[];
  values: number[];
}

export function evaluatePiecewise(f: PiecewiseLinear, x: number): number {
  const { xs, ys } = f;
  if (x <= xs[0]!) return ys[0]!;
  for (let k = 1; k < xs.length; k++) {
    if (x <= xs[k]!) {
      const span = xs[k]! - xs[k - 1]!;
      const share = (x - xs[k - 1]!) / span;
      return ys[k - 1]! + share * (ys[k]! - ys[k - 1]!);
    }
  }
  return ys[ys.length - 1]!;
}

/** The piecewise-linear form of clamp01(offset + slope × (x − origin)) on [lower, upper]. */
export function clampedLinear(
  lower: number,
  upper: number,
  offset: number,
  slope: number,
  origin: number,
): PiecewiseLinear {
  const f = (x: number) => Math.min(1, Math.max(0, offset + slope * (x - origin)));
  const kinks =
    slope === 0
      ? []
      : [0, 1].map((level) => origin + (level - offset) / slope).filter((x) => x > lower && x < upper);
  const xs = [lower, ...kinks.sort((a, b) => a - b), upper].filter((x, k, all) => k === 0 || x > all[k - 1]!);
  return { xs, ys: xs.map(f) };
}

/** Scales a piecewise-linear score (an issue weight folded into its evaluation). */
export const scaled = (f: PiecewiseLinear, weight: number): PiecewiseLinear => ({
  xs: f.xs,
  ys: f.ys.map((y) => weight * y),
});

export function mixedUtilities(domain: MixedDomain, outcome: MixedOutcome): number[] {
  return domain.parties.map((party) => {
    let u = 0;
    party.discrete.forEach((row, i) => (u += row[outcome.options[i]!]!));
    party.ranges.forEach((f, r) => (u += evaluatePiecewise(f, outcome.values[r]!)));
    return u;
  });
}

/**
 * A stretch of one range issue on which every party's score is affine: the numbers lo + t × (hi − lo)
 * for t in [0, 1] (for an integer issue, lo and hi are whole and only whole numbers count).
 */
export interface Cell {
  lo: number;
  hi: number;
  /** Per party: score at lo. */
  start: number[];
  /** Per party: score at hi minus score at lo. */
  rise: number[];
  /** Integer issues: hi − lo whole steps; 0 for a real issue. */
  steps: number;
}

/** Score changes below this across a whole cell are float noise (scores are on the 0..1 scale). */
const FLAT = 1e-13;

/** The cells of range issue r: the union of every party's kinks splits the range. */
export function cellsOf(domain: MixedDomain, r: number): Cell[] {
  const issue = domain.ranges[r]!;
  const kinks = [...new Set(domain.parties.flatMap((p) => p.ranges[r]!.xs))]
    .filter((x) => x >= issue.lower && x <= issue.upper)
    .concat([issue.lower, issue.upper])
    .sort((a, b) => a - b)
    .filter((x, k, all) => k === 0 || x > all[k - 1]!);
  const cells: Cell[] = [];
  const cell = (lo: number, hi: number, steps: number): Cell => {
    const start = domain.parties.map((p) => evaluatePiecewise(p.ranges[r]!, lo));
    const end = domain.parties.map((p) => evaluatePiecewise(p.ranges[r]!, hi));
    // A flat score can come back from interpolation as ±1e-17: a rise that small is none.
    const rise = end.map((e, q) => (Math.abs(e - start[q]!) < FLAT ? 0 : e - start[q]!));
    return { lo, hi, start, rise, steps };
  };
  for (let k = 1; k < kinks.length; k++) {
    if (!issue.integer) cells.push(cell(kinks[k - 1]!, kinks[k]!, 0));
    else {
      // Whole numbers inside [a, b]: a kink between two whole numbers splits no package.
      const lo = Math.ceil(kinks[k - 1]!);
      const hi = Math.floor(kinks[k]!);
      if (lo <= hi) cells.push(cell(lo, hi, hi - lo));
    }
  }
  if (cells.length === 0) cells.push(cell(issue.lower, issue.lower, 0));
  return cells;
}

/** The number a cell parameter t stands for (whole for an integer cell). */
export function cellValue(cell: Cell, t: number): number {
  if (cell.steps > 0) return cell.lo + Math.round(t * cell.steps);
  return t >= 1 ? cell.hi : cell.lo + t * (cell.hi - cell.lo);
}

/** "1e9 + 1": packages of the mixed space, Infinity when a real issue makes them a continuum. */
export function mixedOutcomeCount(domain: MixedDomain): number {
  let n = domain.discrete.reduce((c, issue) => c * issue.options.length, 1);
  for (const issue of domain.ranges) n *= issue.integer ? issue.upper - issue.lower + 1 : Infinity;
  return n;
}

/** The listed issues alone, every party bargaining: the shape the discrete helpers read. */
export const listedPart = (domain: MixedDomain): NegotiationDomain => ({
  issues: domain.discrete,
  stakeholders: domain.parties.map((p) => ({
    id: p.id,
    role: 'party',
    scores: p.discrete,
    reservationValue: p.reservationValue,
  })),
});

/**
 * The cells a best package may need. A cell on which no party loses is worth its upper end, one on
 * which no party gains its lower end (a single number); such a number is dropped when an end of
 * another kept cell matches or beats it for every party. Every objective here is monotone in the
 * utilities, so swapping in the better number never hurts (as for dominated options, dominance.ts).
 */
export function relevantCells(cells: Cell[]): Cell[] {
  const at = (c: Cell, x: number, end: 0 | 1): Cell => ({
    lo: x,
    hi: x,
    start: c.start.map((s, q) => s + end * c.rise[q]!),
    rise: c.rise.map(() => 0),
    steps: 0,
  });
  const collapsed = cells.map((c) =>
    c.rise.every((r) => r >= 0) ? at(c, c.hi, 1) : c.rise.every((r) => r <= 0) ? at(c, c.lo, 0) : c,
  );
  const ends = (c: Cell) => [c.start, c.start.map((s, q) => s + c.rise[q]!)];
  const beats = (a: number[], b: number[]) => a.every((v, q) => v >= b[q]!);
  return collapsed.filter(
    (c, k) =>
      c.hi > c.lo ||
      !collapsed.some(
        (other, j) => j !== k && (other.hi > other.lo || j < k) && ends(other).some((e) => beats(e, c.start)),
      ),
  );
}
