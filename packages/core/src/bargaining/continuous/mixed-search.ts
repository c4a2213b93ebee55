import { ParleyError } from '@parley/model/errors.ts';
import { deadlineOf, type SearchOptions } from '../incumbent.ts';
import { TIE_TOLERANCE, type SearchObjective } from '../objectives.ts';
import { countText } from '../outcome-space.ts';
import { undominatedOptions } from '../dominance.ts';
import {
  NASH_TOLERANCE,
  solveLinearOnBox,
  solveNashOnBox,
  valueAt,
  type BoxOptimum,
  type BoxProblem,
} from './box-solvers.ts';
import {
  cellsOf,
  cellValue,
  listedPart,
  mixedUtilities,
  relevantCells,
  type Cell,
  type MixedDomain,
  type MixedOutcome,
} from './mixed-domain.ts';

/**
 * Exact best package of a mixed (discrete + range) domain for one objective.
 *
 * The discrete choices and, per range issue, the cell (mixed-domain.ts) are enumerated; each such
 * combination is a box in the range parameters on which every utility is affine, solved exactly
 * (box-solvers.ts). A combination whose box bound (every party at its best in the box) cannot beat
 * the incumbent is skipped without solving. Integer ranges: the box is solved as if continuous (the
 * relaxation), and while some integer parameter is fractional the box is split at it — x ≤ ⌊x⌋
 * and x ≥ ⌈x⌉ — so the integer optimum is exact (classic branch-and-bound). The certificate's
 * upper bound is the largest bound of any skipped or solved box: no package scores above it.
 */

export interface MixedCandidate {
  outcome: MixedOutcome;
  utilities: number[];
  value: number;
}

export interface MixedCertificate {
  proven: boolean;
  value: number;
  upperBound: number;
  /** Boxes solved (combinations and integer branches). */
  nodes: number;
  /** Discrete-and-cell combinations of the space. */
  combinations: number;
}

export interface MixedSearchResult {
  best?: MixedCandidate;
  certificate: MixedCertificate;
}

/** More discrete-and-cell combinations than this are not enumerated: the search says so. */
export const MAX_COMBINATIONS = 2_000_000;

const LINEAR_TOLERANCE = 1e-9;

/** Whether bound `b` could still beat `value`. */
const couldBeat = (b: number, value: number) =>
  b > value + TIE_TOLERANCE * Math.max(1, Math.abs(value), Math.abs(b));

function solveBox(problem: BoxProblem, objective: SearchObjective): BoxOptimum | undefined {
  return objective.kind === 'nash'
    ? solveNashOnBox(problem, objective.thresholds)
    : solveLinearOnBox(problem, objective);
}

/** Every party at its best in the box at once: an upper bound for any objective. */
function boxBound(problem: BoxProblem, objective: SearchObjective): number {
  const best = problem.base.map(
    (b, q) =>
      b +
      problem.rise.reduce((s, r, j) => s + Math.max(r[q]! * problem.lower[j]!, r[q]! * problem.upper[j]!), 0),
  );
  if (objective.enforceReservation && best.some((u, q) => u < objective.thresholds[q]! - 1e-12))
    return -Infinity;
  if (objective.kind === 'linear')
    return (
      objective.weights.reduce((s, w, q) => s + w * problem.base[q]!, 0) +
      problem.rise.reduce(
        (s, r, j) =>
          s +
          Math.max(
            0,
            objective.weights.reduce((a, w, q) => a + w * r[q]!, 0),
          ) *
            (problem.upper[j]! - problem.lower[j]!),
        0,
      )
    );
  return valueAt(
    { base: best, rise: [], lower: [], upper: [] },
    { ...objective, enforceReservation: false },
    [],
  );
}

export function combinationCount(domain: MixedDomain): number {
  return (
    domain.discrete.reduce((c, issue) => c * issue.options.length, 1) *
    domain.ranges.reduce((c, _, r) => c * cellsOf(domain, r).length, 1)
  );
}

export function searchMixed(
  domain: MixedDomain,
  objective: SearchObjective,
  budget: SearchOptions = {},
): MixedSearchResult {
  const deadline = deadlineOf(budget);
  const nodeLimit = budget.nodeLimit ?? 5e6;
  // Dominated options and cells are never needed (dominance.ts, relevantCells).
  const listed = listedPart(domain);
  const choices = domain.discrete.map((issue, i) =>
    undominatedOptions(
      listed,
      i,
      issue.options.map((_, j) => j),
    ),
  );
  const cells: Cell[][] = domain.ranges.map((_, r) => relevantCells(cellsOf(domain, r)));
  const sizes = [...choices.map((c) => c.length), ...cells.map((c) => c.length)];
  const combinations = sizes.reduce((c, s) => c * s, 1);
  if (combinations > MAX_COMBINATIONS)
    throw new ParleyError(
      'usage',
      `the discrete issues and range cells make ${countText(combinations)} combinations, above the ${countText(MAX_COMBINATIONS)} the range engine enumerates (see "Real and wide integer issues" in docs/deals.md)`,
    );
  const D = domain.discrete.length;
  let best: MixedCandidate | undefined;
  let upperBound = -Infinity;
  let nodes = 0;
  let finished = true;
  const offer = (combo: number[], t: number[]) => {
    const outcome: MixedOutcome = {
      options: choices.map((c, i) => c[combo[i]!]!),
      values: cells.map((list, r) => cellValue(list[combo[D + r]!]!, t[r]!)),
    };
    const utilities = mixedUtilities(domain, outcome);
    const value = valueAt({ base: utilities, rise: [], lower: [], upper: [] }, objective, []);
    if (value > -Infinity && (!best || couldBeat(value, best.value))) best = { outcome, utilities, value };
  };
  const combo = new Array<number>(sizes.length).fill(0);
  for (let done = false; !done;) {
    if (Date.now() > deadline || nodes >= nodeLimit) {
      finished = false;
      break;
    }
    const chosen = combo.slice(D).map((c, r) => cells[r]![c]!);
    const base = domain.parties.map((p, q) => {
      let u = 0;
      p.discrete.forEach((row, i) => (u += row[choices[i]![combo[i]!]!]!));
      chosen.forEach((cell) => (u += cell.start[q]!));
      return u;
    });
    const rise = chosen.map((cell) => cell.rise);
    const steps = chosen.map((cell) => cell.steps);
    // Depth-first over integer branches of this combination's box.
    const stack: { lower: number[]; upper: number[] }[] = [
      { lower: chosen.map(() => 0), upper: chosen.map((cell) => (cell.hi > cell.lo ? 1 : 0)) },
    ];
    while (stack.length > 0) {
      const box = stack.pop()!;
      const problem: BoxProblem = { base, rise, ...box };
      const cheap = boxBound(problem, objective);
      if (cheap === -Infinity || (best && !couldBeat(cheap, best.value))) {
        upperBound = Math.max(upperBound, cheap);
        continue;
      }
      nodes++;
      const solved = solveBox(problem, objective);
      if (!solved) continue;
      // A box that is split does not bound the search: its two halves do.
      if (best && !couldBeat(solved.upperBound, best.value)) {
        upperBound = Math.max(upperBound, solved.upperBound);
        continue;
      }
      // Branch on the most fractional integer parameter.
      let split = -1;
      let widest = 1e-7;
      solved.t.forEach((tj, j) => {
        if (steps[j]! === 0) return;
        const k = tj * steps[j]!;
        const off = Math.abs(k - Math.round(k));
        if (off > widest) {
          widest = off;
          split = j;
        }
      });
      offer(combo, solved.t);
      if (split < 0) {
        upperBound = Math.max(upperBound, solved.upperBound);
        continue;
      }
      const k = solved.t[split]! * steps[split]!;
      const down = { lower: [...box.lower], upper: [...box.upper] };
      down.upper[split] = Math.floor(k) / steps[split]!;
      const up = { lower: [...box.lower], upper: [...box.upper] };
      up.lower[split] = Math.ceil(k) / steps[split]!;
      stack.push(down, up);
    }
    // Next combination (odometer).
    let i = sizes.length - 1;
    while (i >= 0 && ++combo[i]! === sizes[i]!) combo[i--] = 0;
    done = i < 0;
  }
  const value = best?.value ?? -Infinity;
  const tolerance =
    objective.kind === 'nash' ? NASH_TOLERANCE : LINEAR_TOLERANCE * Math.max(1, Math.abs(value));
  const bound = finished ? Math.max(value, upperBound) : Infinity;
  return {
    best,
    certificate: {
      proven: finished && (bound === -Infinity || bound - value <= tolerance),
      value,
      upperBound: bound,
      nodes,
      combinations,
    },
  };
}
