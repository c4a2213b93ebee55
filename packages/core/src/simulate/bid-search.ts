import type { ObligationTrigger, Outcome } from '../bargaining/outcome-space.ts';

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
 *
 * The root's λ is the best price for the whole tree, not for a node deep in it, where my sum may
 * sit well above or just at the target: a ladder of other prices (multiples of λ, LADDER) is
 * tried at every node too, each one more valid bound. And the last issues (the tail, at most
 * TAIL_PACKAGES packages) are searched exactly before the search enters them: their packages in
 * decreasing value for the model, the first that meets every constraint bounds the subtree.
 *
 * Signers (guarantors.ts): a package that obliges a signer must also give it at least a floor
 * (per search; −∞: no constraint). A third pruning test: once the node has fixed the signer's
 * trigger issue on an obliging option (or it has none), the signer's partial sum plus the best
 * of its free issues must reach the floor. The Lagrangian bounds ignore the signers (they bound a
 * superset, so they stay valid); the tail's does not.
 *
 * The added tests (ladder, tail; a signer whose floor another's implies, left out) only cut
 * subtrees that hold no package the search would take, so it takes the same packages in the same
 * order and selects the same bids (short of the node budget); the ladder and the tail cut only
 * below the line less MARGIN, since their sums run in another order than the path's.
 */

/** A stakeholder whose signature a package may need: its table and when the package obliges it. */
export interface Signer {
  scores: readonly (readonly number[])[];
  obligedWhen?: ObligationTrigger;
}

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

/** My target's prices tried at every node besides 0 and λ, as multiples of λ (the one that cuts most first). */
const LADDER = [1.5, 0.5, 2, 3];

/** The tail searched exactly: the last issues whose packages number at most this. */
const TAIL_PACKAGES = 16;

/** The ladder and the tail cut only below the line less this (absolute, 0..1 scale). */
const MARGIN = 1e-9;

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
  /** bestPrice's maximising option per issue at price 0. */
  private readonly top: Int32Array;
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
  /** Signers: tables (flat, one after another), suffix maxima, triggers (−1: always obliged). */
  private readonly signers: number;
  private readonly signerTable: Float64Array;
  private readonly signerSuffix: Float64Array;
  private readonly trigger: Int32Array;
  private readonly obliging: Uint8Array;
  /** Per search: each signer's floor, the signers it constrains, partial sums by depth, obliged on the path. */
  private readonly floor: Float64Array;
  private readonly active: Int32Array;
  private activeCount = 0;
  private readonly partial: Float64Array;
  private readonly obliged: Uint8Array;
  /**
   * covers[c·m + d]: signer d's constraint implies c's whenever d's floor is at least c's — the
   * same table, and d obliged whenever c is (always, or on a superset of c's trigger options).
   * Such a c is left out of the search (guarantors acting together often share a table).
   */
  private readonly covers: Uint8Array;
  /** Per search and signer: the price μ of its floor in the bound, and the suffix sums at (λ, μ). */
  private readonly mu: Float64Array;
  private readonly signerPriced: Float64Array;
  private readonly shifted: Float64Array;
  /** Per search: the ladder's prices and suffix sums (ladderPriced[i·LADDER.length + g]: Σ_{issues ≥ i} best at price g). */
  private readonly ladder = new Float64Array(LADDER.length);
  private readonly ladderPriced: Float64Array;
  /**
   * The tail: issues tailFrom … n − 1 (tailFrom = n: none). Per tail package q (mixed radix, last
   * issue fastest): its flat options (row q), my sum, each signer's (row q), and per search the
   * model's value, and the packages by decreasing value.
   */
  private readonly tailFrom: number;
  private readonly tailOption: Int32Array;
  private readonly tailMine: Float64Array;
  private readonly tailSigner: Float64Array;
  private readonly tailTheirs: Float64Array;
  private readonly tailOrder: Int32Array;

  constructor(mine: readonly (readonly number[])[], signers: readonly Signer[] = []) {
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
    for (let i = 0; i < n; i++)
      for (let j = this.start[i]!; j < this.start[i + 1]!; j++) this.order[j] = j - this.start[i]!;
    this.box = new Float64Array(n + 1);
    this.priced = new Float64Array(n + 1);
    this.breakAt = new Float64Array(size);
    this.breakStep = new Float64Array(size);
    this.breakOrder = new Int32Array(size);
    this.top = new Int32Array(n);
    this.path = new Int32Array(n);
    this.bestPath = new Int32Array(n);
    const m = signers.length;
    this.signers = m;
    this.signerTable = new Float64Array(m * size);
    this.signerSuffix = new Float64Array(m * (n + 1));
    this.trigger = new Int32Array(m).fill(-1);
    this.obliging = new Uint8Array(m * size);
    signers.forEach((signer, c) => {
      this.flatten(signer.scores, this.signerTable.subarray(c * size, (c + 1) * size));
      for (let i = n - 1; i >= 0; i--)
        this.signerSuffix[c * (n + 1) + i] =
          this.signerSuffix[c * (n + 1) + i + 1]! + Math.max(...signer.scores[i]!);
      if (signer.obligedWhen) {
        this.trigger[c] = signer.obligedWhen.issue;
        for (const j of signer.obligedWhen.options)
          this.obliging[c * size + this.start[signer.obligedWhen.issue]! + j] = 1;
      }
    });
    this.floor = new Float64Array(m);
    this.active = new Int32Array(m);
    this.partial = new Float64Array(m * (n + 1));
    this.obliged = new Uint8Array(m);
    this.covers = new Uint8Array(m * m);
    for (let c = 0; c < m; c++)
      for (let d = 0; d < m; d++) {
        const a = signers[c]!;
        const b = signers[d]!;
        const sameTable = a.scores.every((row, i) => row.every((x, j) => x === b.scores[i]![j]));
        const obligedWhenever =
          !b.obligedWhen ||
          (a.obligedWhen?.issue === b.obligedWhen.issue &&
            a.obligedWhen.options.every((o) => b.obligedWhen!.options.includes(o)));
        this.covers[c * m + d] = c !== d && sameTable && obligedWhenever ? 1 : 0;
      }
    this.mu = new Float64Array(m);
    this.signerPriced = new Float64Array(m * (n + 1));
    this.shifted = new Float64Array(size);
    this.ladderPriced = new Float64Array(LADDER.length * (n + 1));
    let from = n;
    let count = 1;
    while (from > 1 && count * mine[from - 1]!.length <= TAIL_PACKAGES) count *= mine[--from]!.length;
    this.tailFrom = count > 1 ? from : n;
    this.tailMine = new Float64Array(count);
    this.tailSigner = new Float64Array(count * m);
    this.tailTheirs = new Float64Array(count);
    this.tailOrder = Int32Array.from({ length: count }, (_, q) => q);
    const issues = n - this.tailFrom;
    this.tailOption = new Int32Array(count * issues);
    for (let q = 0; q < count; q++)
      for (let i = n - 1, r = q; i >= this.tailFrom; i--) {
        const options = this.start[i + 1]! - this.start[i]!;
        const s = this.start[i]! + (r % options);
        r = Math.floor(r / options);
        this.tailOption[q * issues + i - this.tailFrom] = s;
        this.tailMine[q] = this.tailMine[q]! + this.mine[s]!;
        for (let c = 0; c < m; c++)
          this.tailSigner[q * m + c] = this.tailSigner[q * m + c]! + this.signerTable[c * size + s]!;
      }
  }

  /**
   * Per search: the tail packages' values for the model, and their order (decreasing, then by
   * index): insertion sort from the previous search's order, which it seldom changes much.
   */
  private priceTail(): void {
    const { tailTheirs: value, tailOrder: order, tailOption: option } = this;
    const issues = this.n - this.tailFrom;
    for (let q = 0; q < value.length; q++) {
      let v = 0;
      for (let x = issues - 1; x >= 0; x--) v += this.theirs[option[q * issues + x]!]!;
      value[q] = v;
    }
    for (let x = 1; x < order.length; x++) {
      const q = order[x]!;
      const v = value[q]!;
      let p = x;
      while (p > 0 && (value[order[p - 1]!]! < v || (value[order[p - 1]!]! === v && order[p - 1]! > q))) {
        order[p] = order[p - 1]!;
        p--;
      }
      order[p] = q;
    }
  }

  /**
   * The bound under an obliged signer c, for any μ ≥ 0: theirs ≤ theirs + λ(mine − target) +
   * μ(g − floor) + Σ_free max(their + λ·mine + μ·g). μ is chosen per search as bestPrice chooses
   * λ, on the table their + λ·mine against the signer's floor (the relaxation's price of that
   * constraint were it always binding); any μ gives a valid bound, this one a tight one.
   */
  private priceSigners(): void {
    if (this.activeCount === 0) return;
    const size = this.start[this.n]!;
    const row = this.n + 1;
    for (let s = 0; s < size; s++) this.shifted[s] = this.theirs[s]! + this.lambda * this.mine[s]!;
    for (let x = 0; x < this.activeCount; x++) {
      const c = this.active[x]!;
      // The signer's table in place (offset c·size): no view allocated per search.
      const mu = this.bestPrice(this.shifted, this.signerTable, this.floor[c]!, c * size);
      this.mu[c] = mu;
      // At μ = 0 the bound is the plain Lagrangian one, already tested: mayBeSigned skips it.
      if (mu > 0) this.suffix(this.shifted, this.signerTable, mu, this.signerPriced, c * row, c * size);
    }
  }

  /** Whether another signer's floor implies signer c's (of two that imply each other, the first stays). */
  private covered(c: number, floors: ArrayLike<number>): boolean {
    const m = this.signers;
    for (let d = 0; d < m; d++) {
      if (!this.covers[c * m + d] || !(floors[d]! >= floors[c]!)) continue;
      const mutual = this.covers[d * m + c] === 1 && floors[d] === floors[c];
      if (!mutual || d < c) return true;
    }
    return false;
  }

  /** Whether the package gives every signer it obliges at least its floor (undefined: no floors). */
  signable(outcome: Outcome, floors: ArrayLike<number> | undefined): boolean {
    if (!floors) return true;
    const size = this.start[this.n]!;
    for (let c = 0; c < this.signers; c++) {
      if (!(floors[c]! > -Infinity)) continue;
      const t = this.trigger[c]!;
      if (t >= 0 && !this.obliging[c * size + this.start[t]! + outcome[t]!]) continue;
      let u = 0;
      for (let i = 0; i < this.n; i++) u += this.signerTable[c * size + this.start[i]! + outcome[i]!]!;
      if (u < floors[c]! - SLACK) return false;
    }
    return true;
  }

  /** A nested table (scores[issue][option]) in this search's flat layout. */
  flatten(
    table: readonly (readonly number[])[],
    out: Float64Array<ArrayBufferLike> = new Float64Array(this.start[this.n]!),
  ): Float64Array<ArrayBufferLike> {
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
   * (the result is the same optimum up to ties within IMPROVEMENT). `floors`, per signer (the
   * constructor's order), restricts the search to signable packages; −∞ or absent: unconstrained.
   */
  find(
    theirsModel: Float64Array,
    target: number,
    maxNodes = BID_SEARCH_NODES,
    hint?: Outcome,
    floors?: ArrayLike<number>,
  ): BidSearchResult | undefined {
    const { n, start, mine, theirs } = this;
    this.activeCount = 0;
    if (floors)
      for (let c = 0; c < this.signers; c++) {
        if (!(floors[c]! > -Infinity) || this.covered(c, floors)) continue;
        this.floor[c] = floors[c]! - SLACK;
        this.partial[c * (n + 1)] = 0;
        this.active[this.activeCount++] = c;
      }
    for (let s = 0; s < theirs.length; s++) theirs[s] = theirsModel[s]! - CLOSER * mine[s]!;
    // Sums in another order may differ in the last bit: a package within SLACK of the target meets it.
    this.target = target;
    this.need = target - SLACK;
    if (this.suffixMine[0]! < this.need) return undefined;
    const lambda = this.bestPrice(theirs, mine, target);
    this.lambda = lambda;
    this.suffix(theirs, mine, 0, this.box);
    this.suffix(theirs, mine, lambda, this.priced);
    this.priceSigners();
    this.priceLadder(lambda);
    if (this.tailFrom < n) this.priceTail();
    for (let i = 0; i < n; i++) this.sortIssue(i, lambda);

    this.found = false;
    if (hint && hint.length === n) {
      let a = 0;
      let b = 0;
      for (let i = 0; i < n; i++) {
        a += mine[start[i]! + hint[i]!]!;
        b += theirs[start[i]! + hint[i]!]!;
      }
      if (a >= this.need && this.signable(hint, floors)) {
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
      if (!this.found && this.need <= 0 && this.signable([], floors)) {
        this.found = true;
        this.bestMine = 0;
        this.bestTheirs = 0;
      }
    } else if (this.box[0]! >= line && -lambda * target + this.priced[0]! >= line) this.descend(0, 0, 0);
    if (!this.found) return undefined;
    // A plain loop: Array.from on a typed array goes through its iterator (a quarter of find's own time).
    const outcome = new Array<number>(n);
    for (let i = 0; i < n; i++) outcome[i] = this.bestPath[i]!;
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
    // Per search and per depth constants in locals: the loop below runs for every node.
    const { order, mine: mineOf, theirs: theirsOf, need, target, lambda, ladder, ladderPriced } = this;
    const from = this.start[k]!;
    const to = this.start[k + 1]!;
    const last = k + 1 === this.n;
    const tail = k + 1 === this.tailFrom;
    const signers = this.activeCount > 0;
    const rest = this.suffixMine[k + 1]!;
    const box = this.box[k + 1]!;
    const priced = this.priced[k + 1]!;
    const rung = (k + 1) * LADDER.length;
    for (let s = from; s < to; s++) {
      if (this.nodes > this.maxNodes && this.found) return;
      this.nodes++;
      const j = order[s]!;
      const mine = a + mineOf[from + j]!;
      const theirs = b + theirsOf[from + j]!;
      if (mine + rest < need) continue;
      const line = this.found ? this.bestTheirs + IMPROVEMENT : -Infinity;
      if (theirs + lambda * (mine - target) + priced < line) return;
      if (theirs + box < line) continue;
      if (!ladderMayBeat(ladder, ladderPriced, rung, mine - need, theirs, line - MARGIN)) continue;
      if (signers && !this.mayBeSigned(k, from + j, mine, theirs, line)) continue;
      if (tail && !this.tailMayBeat(k, mine, theirs, line)) continue;
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

  /**
   * Signers, for the child that puts flat option s on issue k: extends each constrained signer's
   * partial sum, notes whether the path obliges it once its trigger issue is fixed, and fails
   * when an obliged signer can no longer reach its floor.
   */
  private mayBeSigned(k: number, s: number, mine: number, theirs: number, line: number): boolean {
    const {
      active,
      trigger,
      obliged,
      obliging,
      signerTable: table,
      partial,
      floor,
      mu,
      signerPriced,
      path,
      start,
    } = this;
    const size = start[this.n]!;
    const row = this.n + 1;
    // The λ bound's first terms, the same for every signer (summed in the same order).
    const priced = theirs + this.lambda * (mine - this.target);
    for (let x = 0; x < this.activeCount; x++) {
      const c = active[x]!;
      const t = trigger[c]!;
      // Until its trigger issue is fixed the signer may not be needed; once fixed, only if obliged.
      if (t > k) continue;
      let sum: number;
      if (t === k) {
        obliged[c] = obliging[c * size + s]!;
        if (obliged[c] === 0) continue;
        // Entering the obliged subtree: its partial sum over the path so far, once.
        sum = table[c * size + s]!;
        for (let i = 0; i < k; i++) sum += table[c * size + start[i]! + path[i]!]!;
      } else if (t >= 0 && obliged[c] === 0) continue;
      else sum = partial[c * row + k]! + table[c * size + s]!;
      partial[c * row + k + 1] = sum;
      const least = floor[c]!;
      if (sum + this.signerSuffix[c * row + k + 1]! < least) return false;
      const price = mu[c]!;
      if (price > 0 && priced + price * (sum - least) + signerPriced[c * row + k + 1]! < line) return false;
    }
    return true;
  }

  /**
   * The tail's exact bound for a child on issue tailFrom − 1 that passed the other tests: whether
   * some tail package completes it above the line, meeting my target and the floor of every
   * signer the path obliges (a signer whose trigger issue lies in the tail is left out: a
   * superset, still valid).
   */
  private tailMayBeat(k: number, mine: number, theirs: number, line: number): boolean {
    const m = this.signers;
    const row = this.n + 1;
    const {
      tailOrder: order,
      tailTheirs,
      tailMine,
      tailSigner,
      active,
      trigger,
      obliged,
      partial,
      floor,
    } = this;
    next: for (let x = 0; x < order.length; x++) {
      const q = order[x]!;
      if (theirs + tailTheirs[q]! < line - MARGIN) return false;
      if (mine + tailMine[q]! < this.need - MARGIN) continue;
      for (let y = 0; y < this.activeCount; y++) {
        const c = active[y]!;
        const t = trigger[c]!;
        if (t > k || (t >= 0 && obliged[c] === 0)) continue;
        if (partial[c * row + k + 1]! + tailSigner[q * m + c]! < floor[c]! - MARGIN) continue next;
      }
      return true;
    }
    return false;
  }

  /** The ladder's prices and suffix sums, by depth (row i: Σ_{issues ≥ i} bestPriced at each price). */
  private priceLadder(lambda: number): void {
    const { n, ladder, ladderPriced: rows, theirs, mine } = this;
    const width = LADDER.length;
    for (let g = 0; g < width; g++) {
      ladder[g] = LADDER[g]! * lambda;
      rows[n * width + g] = 0;
    }
    // One pass over each issue's options for all the prices (bestPriced's arithmetic, per price).
    for (let i = n - 1; i >= 0; i--) {
      for (let g = 0; g < width; g++) rows[i * width + g] = -Infinity;
      for (let s = this.start[i]!; s < this.start[i + 1]!; s++) {
        const value = theirs[s]!;
        const weight = mine[s]!;
        for (let g = 0; g < width; g++)
          rows[i * width + g] = Math.max(rows[i * width + g]!, value + ladder[g]! * weight);
      }
      for (let g = 0; g < width; g++) rows[i * width + g] = rows[(i + 1) * width + g]! + rows[i * width + g]!;
    }
  }

  /** Best option of issue i at the price: max_j value + price·weight (their + λ·mine for the root bound). */
  private bestPriced(value: Float64Array, weight: Float64Array, i: number, price: number, w = 0): number {
    let m = -Infinity;
    for (let s = this.start[i]!; s < this.start[i + 1]!; s++)
      m = Math.max(m, value[s]! + price * weight[w + s]!);
    return m;
  }

  /** out[at + i] = Σ_{issues ≥ i} bestPriced (weights at offset w). */
  private suffix(
    value: Float64Array,
    weight: Float64Array,
    price: number,
    out: Float64Array,
    at = 0,
    w = 0,
  ): void {
    out[at + this.n] = 0;
    for (let i = this.n - 1; i >= 0; i--)
      out[at + i] = out[at + i + 1]! + this.bestPriced(value, weight, i, price, w);
  }

  /**
   * The minimiser of the root bound g(λ) = −λ·target + Σ_i max_j (their + λ·mine) over λ ≥ 0,
   * exactly. g is convex and piecewise linear; its right slope is −target + Σ_i mine of issue i's
   * maximising option (the one with most mine on a tie), which rises at each breakpoint of an
   * issue's upper envelope. So: walk each envelope from λ = 0 (its breakpoints and slope steps),
   * sort the breakpoints, and stop at the first where the slope is no longer negative. The weights
   * (mine) may sit at offset w of a longer table (a signer's).
   */
  private bestPrice(theirs: Float64Array, mine: Float64Array, target: number, w = 0): number {
    const { n, start, breakAt: at, breakStep: step, breakOrder: order, top } = this;
    let slope = -target;
    for (let i = 0; i < n; i++) {
      let cur = start[i]!;
      for (let s = cur + 1; s < start[i + 1]!; s++)
        if (theirs[s]! > theirs[cur]! || (theirs[s]! === theirs[cur]! && mine[w + s]! > mine[w + cur]!))
          cur = s;
      slope += mine[w + cur]!;
      top[i] = cur;
    }
    // Already rising at 0 (often so for a guarantor's floor): no envelope to walk.
    if (slope >= 0) return 0;
    let count = 0;
    for (let i = 0; i < n; i++) {
      let cur = top[i]!;
      for (;;) {
        let next = -1;
        let price = Infinity;
        for (let s = start[i]!; s < start[i + 1]!; s++) {
          if (mine[w + s]! <= mine[w + cur]!) continue;
          const cross = (theirs[cur]! - theirs[s]!) / (mine[w + s]! - mine[w + cur]!);
          if (cross < price || (cross === price && next >= 0 && mine[w + s]! > mine[w + next]!)) {
            price = cross;
            next = s;
          }
        }
        if (next < 0) break;
        at[count] = Math.max(0, price);
        order[count] = count;
        step[count] = mine[w + next]! - mine[w + cur]!;
        count++;
        cur = next;
      }
    }
    if (count === 0) return 0;
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

  /**
   * Issue i's options by decreasing their + λ·mine, then decreasing mine, then index: a strict
   * total order, so insertion sort from the previous search's order (consecutive searches move
   * it little) gives the order a sort from scratch would.
   */
  private sortIssue(i: number, lambda: number): void {
    const from = this.start[i]!;
    const count = this.start[i + 1]! - from;
    const { key, mine, theirs, order } = this;
    for (let j = 0; j < count; j++) key[from + j] = theirs[from + j]! + lambda * mine[from + j]!;
    for (let q = 1; q < count; q++) {
      const j = order[from + q]!;
      let p = q;
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

/**
 * The ladder's bounds for a child (my sum over the target `over`, theirs): each must reach the
 * line (`lower`). Rows by depth (rung: the child's), prices in LADDER's order.
 */
function ladderMayBeat(
  prices: Float64Array,
  rows: Float64Array,
  rung: number,
  over: number,
  theirs: number,
  lower: number,
): boolean {
  for (let g = 0; g < prices.length; g++)
    if (theirs + prices[g]! * over + rows[rung + g]! < lower) return false;
  return true;
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
