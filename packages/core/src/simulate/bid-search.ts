import type { Outcome } from '../bargaining/outcome-space.ts';

/**
 * Bid selection without enumeration: among the packages worth at least `target` to me, one that
 * is best for my model of the other side (both additive: scores[issue][option]).
 *
 * Depth-first branch-and-bound over the issues. A node fixes the first issues (partial sums
 * mine, theirs). Two tests prune it:
 *
 * - feasibility: mine + Σ_free max_option mine < target (no completion reaches the target);
 * - a Lagrangian bound on what the other side can still get: for any λ ≥ 0, every completion
 *   meeting the target satisfies theirs_total ≤ theirs + λ(mine − target) + Σ_free max_option
 *   (their + λ·mine). λ = 0 is the plain best-remaining-per-issue bound; the λ minimising the
 *   root bound (a convex, piecewise-linear function of λ; bestPrice) is the linear
 *   relaxation's dual price and makes the bound tight up to one fractional issue.
 *
 * Among packages equally good for the model, the one closest to my target wins: the search
 * maximises their − CLOSER·mine (CLOSER = 1e-6, far below any difference a model makes), so an
 * empty or flat model yields the package that just meets the target — the concession curve's own
 * offer. Options are tried in decreasing (their − CLOSER·mine) + λ·mine, so the first leaf is the
 * relaxation's greedy package.
 *
 * A party's own table is fixed for a whole run (and for every run of a Monte Carlo), so a
 * BidSearch is built once per party: tables are flat (option j of issue i at start[i] + j) and
 * every search reuses the same buffers, allocating only its result. This is what makes a case
 * Monte Carlo fast (docs/simulate.md); the arithmetic is the same, in the same order, as a
 * search from scratch, so the bids are too.
 */

export interface BidSearchResult {
  outcome: Outcome;
  mine: number;
  /** The model's value of the package for the other side. */
  theirs: number;
  /** Nodes visited (the work done). */
  nodes: number;
  /** False when the node budget ran out first: then the package meets the target but may not be the best. */
  proven: boolean;
}

/** Default node budget: about a second of search; real profiles need far fewer (docs/simulate.md). */
export const BID_SEARCH_NODES = 2_000_000;

/** Rounding slack on the target (absolute, 0..1 scale). */
export const SLACK = 1e-12;

/** Weight of the tie-break toward my target: 1e-6 of my utility. */
export const CLOSER = 1e-6;

/** Their value must beat the incumbent by more than this to replace it (absolute, 0..1 scale). */
const IMPROVEMENT = 1e-12;

export class BidSearch {
  /** Issue i's options are start[i] … start[i + 1] − 1 in every flat table. */
  readonly start: Int32Array;
  private readonly n: number;
  private readonly mine: Float64Array;
  private readonly suffixMine: Float64Array;
  /** Per search: the model's table less CLOSER·mine, the bounds' suffix sums, the option order. */
  private readonly theirs: Float64Array;
  private readonly box: Float64Array;
  private readonly priced: Float64Array;
  private readonly key: Float64Array;
  private readonly order: Int32Array;
  /** bestPrice's envelope breakpoints: price, slope step, sorted order. */
  private readonly breakAt: Float64Array;
  private readonly breakStep: Float64Array;
  private readonly breakOrder: Int32Array;
  private readonly path: Int32Array;
  private readonly bestPath: Int32Array;
  private lambda = 0;
  private target = 0;
  private need = 0;
  private nodes = 0;
  private maxNodes = 0;
  private found = false;
  private bestMine = 0;
  private bestTheirs = 0;

  constructor(mine: readonly (readonly number[])[]) {
    const n = mine.length;
    this.n = n;
    this.start = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) this.start[i + 1] = this.start[i]! + mine[i]!.length;
    const size = this.start[n]!;
    this.mine = this.flatten(mine);
    this.suffixMine = new Float64Array(n + 1);
    for (let i = n - 1; i >= 0; i--) {
      let m = -Infinity;
      for (const x of mine[i]!) m = Math.max(m, x);
      this.suffixMine[i] = this.suffixMine[i + 1]! + m;
    }
    this.theirs = new Float64Array(size);
    this.key = new Float64Array(size);
    this.order = new Int32Array(size);
    this.box = new Float64Array(n + 1);
    this.priced = new Float64Array(n + 1);
    this.breakAt = new Float64Array(size);
    this.breakStep = new Float64Array(size);
    this.breakOrder = new Int32Array(size);
    this.path = new Int32Array(n);
    this.bestPath = new Int32Array(n);
  }

  /** A nested table (scores[issue][option]) in this search's flat layout. */
  flatten(table: readonly (readonly number[])[], out = new Float64Array(this.start[this.n]!)): Float64Array {
    for (let i = 0; i < this.n; i++) {
      const row = table[i]!;
      for (let j = 0; j < row.length; j++) out[this.start[i]! + j] = row[j]!;
    }
    return out;
  }

  /**
   * The package best for `theirsModel` (flat) among those worth at least `target` to me, or
   * undefined when none is. `hint`, a package known beforehand (the party's previous offer), is the
   * first incumbent when it still meets the target, so the search only explores what beats it
   * (the result is the same optimum up to ties within IMPROVEMENT).
   */
  find(
    theirsModel: Float64Array,
    target: number,
    maxNodes = BID_SEARCH_NODES,
    hint?: Outcome,
  ): BidSearchResult | undefined {
    const { n, start, mine, theirs } = this;
    for (let s = 0; s < theirs.length; s++) theirs[s] = theirsModel[s]! - CLOSER * mine[s]!;
    // Sums in another order may differ in the last bit: a package within SLACK of the target meets it.
    this.target = target;
    this.need = target - SLACK;
    if (this.suffixMine[0]! < this.need) return undefined;
    const lambda = this.bestPrice();
    this.lambda = lambda;
    this.suffix(0, this.box);
    this.suffix(lambda, this.priced);
    for (let i = 0; i < n; i++) this.sortIssue(i, lambda);

    this.found = false;
    if (hint && hint.length === n) {
      let a = 0;
      let b = 0;
      for (let i = 0; i < n; i++) {
        a += mine[start[i]! + hint[i]!]!;
        b += theirs[start[i]! + hint[i]!]!;
      }
      if (a >= this.need) {
        this.found = true;
        this.bestMine = a;
        this.bestTheirs = b;
        for (let i = 0; i < n; i++) this.bestPath[i] = hint[i]!;
      }
    }
    this.nodes = 1;
    this.maxNodes = maxNodes;
    const line = this.found ? this.bestTheirs + IMPROVEMENT : -Infinity;
    if (n === 0) {
      if (!this.found && this.need <= 0) {
        this.found = true;
        this.bestMine = 0;
        this.bestTheirs = 0;
      }
    } else if (this.box[0]! >= line && -lambda * target + this.priced[0]! >= line) this.descend(0, 0, 0);
    if (!this.found) return undefined;
    const outcome = Array.from(this.bestPath);
    let modelled = 0;
    for (let i = 0; i < n; i++) modelled += theirsModel[start[i]! + outcome[i]!]!;
    const nodes = this.nodes;
    return { outcome, mine: this.bestMine, theirs: modelled, nodes, proven: nodes <= maxNodes };
  }

  /**
   * Tries the options of issue k under a node (partial sums a, b) that passed the tests. Children
   * are tested before the call; options come in decreasing their + λ·mine, which is the order of
   * the children's Lagrangian bounds, so the first child that fails it ends the loop.
   */
  private descend(k: number, a: number, b: number): void {
    const from = this.start[k]!;
    const to = this.start[k + 1]!;
    const last = k + 1 === this.n;
    const rest = this.suffixMine[k + 1]!;
    const box = this.box[k + 1]!;
    const priced = this.priced[k + 1]!;
    for (let s = from; s < to; s++) {
      if (this.nodes > this.maxNodes && this.found) return;
      this.nodes++;
      const j = this.order[s]!;
      const mine = a + this.mine[from + j]!;
      const theirs = b + this.theirs[from + j]!;
      if (mine + rest < this.need) continue;
      const line = this.found ? this.bestTheirs + IMPROVEMENT : -Infinity;
      if (theirs + this.lambda * (mine - this.target) + priced < line) return;
      if (theirs + box < line) continue;
      this.path[k] = j;
      if (!last) {
        this.descend(k + 1, mine, theirs);
        continue;
      }
      this.found = true;
      this.bestMine = mine;
      this.bestTheirs = theirs;
      this.bestPath.set(this.path);
    }
  }

  /** Best option of issue i at the price: max_j their + price·mine. */
  private bestPriced(i: number, price: number): number {
    let m = -Infinity;
    for (let s = this.start[i]!; s < this.start[i + 1]!; s++)
      m = Math.max(m, this.theirs[s]! + price * this.mine[s]!);
    return m;
  }

  private suffix(price: number, out: Float64Array): void {
    out[this.n] = 0;
    for (let i = this.n - 1; i >= 0; i--) out[i] = out[i + 1]! + this.bestPriced(i, price);
  }

  /**
   * The minimiser of the root bound g(λ) = −λ·target + Σ_i max_j (their + λ·mine) over λ ≥ 0,
   * exactly. g is convex and piecewise linear; its right slope is −target + Σ_i mine of issue i's
   * maximising option (the one with most mine on a tie), which rises at each breakpoint of an
   * issue's upper envelope. So: walk each envelope from λ = 0 (its breakpoints and slope steps),
   * sort the breakpoints, and stop at the first where the slope is no longer negative.
   */
  private bestPrice(): number {
    const { n, start, mine, theirs, breakAt: at, breakStep: step, breakOrder: order } = this;
    let slope = -this.target;
    let count = 0;
    for (let i = 0; i < n; i++) {
      let cur = start[i]!;
      for (let s = cur + 1; s < start[i + 1]!; s++)
        if (theirs[s]! > theirs[cur]! || (theirs[s]! === theirs[cur]! && mine[s]! > mine[cur]!)) cur = s;
      slope += mine[cur]!;
      for (;;) {
        let next = -1;
        let price = Infinity;
        for (let s = start[i]!; s < start[i + 1]!; s++) {
          if (mine[s]! <= mine[cur]!) continue;
          const cross = (theirs[cur]! - theirs[s]!) / (mine[s]! - mine[cur]!);
          if (cross < price || (cross === price && mine[s]! > mine[next]!)) {
            price = cross;
            next = s;
          }
        }
        if (next < 0) break;
        at[count] = Math.max(0, price);
        order[count] = count;
        step[count] = mine[next]! - mine[cur]!;
        count++;
        cur = next;
      }
    }
    if (slope >= 0 || count === 0) return 0;
    // Breakpoints by increasing price (insertion sort: a few dozen at most).
    for (let k = 1; k < count; k++) {
      const x = order[k]!;
      let p = k;
      while (p > 0 && at[order[p - 1]!]! > at[x]!) {
        order[p] = order[p - 1]!;
        p--;
      }
      order[p] = x;
    }
    let price = 0;
    for (let k = 0; k < count && slope < 0; k++) {
      price = at[order[k]!]!;
      slope += step[order[k]!]!;
    }
    return price;
  }

  /** Issue i's options by decreasing their + λ·mine, then decreasing mine, then index (insertion sort). */
  private sortIssue(i: number, lambda: number): void {
    const from = this.start[i]!;
    const count = this.start[i + 1]! - from;
    const { key, mine, theirs, order } = this;
    for (let j = 0; j < count; j++) key[from + j] = theirs[from + j]! + lambda * mine[from + j]!;
    for (let j = 0; j < count; j++) {
      let p = j;
      while (p > 0) {
        const before = order[from + p - 1]!;
        const beats =
          key[from + j]! > key[from + before]! ||
          (key[from + j]! === key[from + before]! &&
            (mine[from + j]! > mine[from + before]! ||
              (mine[from + j]! === mine[from + before]! && j < before)));
        if (!beats) break;
        order[from + p] = before;
        p--;
      }
      order[from + p] = j;
    }
  }
}

/** One search from nested tables (callers outside a run: tests, the subgame-perfect plan). */
export function searchBid(
  mine: readonly (readonly number[])[],
  theirsModel: readonly (readonly number[])[],
  target: number,
  maxNodes = BID_SEARCH_NODES,
  hint?: Outcome,
): BidSearchResult | undefined {
  const search = new BidSearch(mine);
  return search.find(search.flatten(theirsModel), target, maxNodes, hint);
}
