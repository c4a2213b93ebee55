import { undominatedOptions } from './dominance.ts';
import { Incumbent, type SearchOptions, type SearchResult } from './incumbent.ts';
import { ascend } from './local-search.ts';
import { solveMatrixGame } from './matrix-game.ts';
import type { SearchObjective } from './objectives.ts';
import type { NegotiationDomain, Outcome } from './outcome-space.ts';

/**
 * Exact best package for a max-min objective (Kalai–Smorodinsky, egalitarian, agreement margin):
 * maximise t = min over the involved signatories of w·(u − d).
 *
 * Branch-and-bound with the linear-programming bound at every node: over the convex hulls of the
 * still-allowed options of each free issue, max t s.t. w_p·(u_p − d_p) ≥ t (players) and
 * u_q ≥ d_q (other enforced signatories). It is solved by column generation: the master is the
 * matrix game between packages found so far and signatories (matrix-game.ts), whose minimiser's
 * mix ν prices the next package issue by issue (the linear oracle). Any ν ≥ 0 gives the valid
 * Lagrangian bound
 *
 *   t ≤ L(ν) = [Σ_q D_q·(a_q − d_q) + Σ_free max_option D·score] / σ,   D_q = ν_q·w_q, σ = Σ_players ν_p,
 *
 * so a node is pruned as soon as one ν proves L below the incumbent, even before the LP converges.
 *
 * Three rules make it scale where a fixed issue order with stored multipliers did not:
 * - reduced-cost fixing: forcing option j on free issue i lowers L(ν) by
 *   (max_option D·score_i − D·score_ij)/σ, so options whose forced bound falls below the incumbent
 *   are removed from the whole subtree (an issue left with one option is fixed);
 * - branching on the issue the LP solution splits most (its most fractional issue), options in
 *   order of their LP weight, children warm-started with the parent's packages;
 * - subtrees of at most SMALL_SUBTREE packages are finished by a plain depth-first search under
 *   the parent's ν and the box bound (an LP would cost more than the leaves).
 *
 * Measured on seeded random 30–50 issues × 10 options × 5 parties (bench/deals.ts); the old
 * fixed-order search with a growing store of multipliers spent most of its time re-evaluating
 * that store at every node and did not finish 30 × 10 × 5 within 30,000 nodes.
 *
 * Guarantors whose obligation is still undecided are left out of the bound (a minimum over fewer
 * signatories is larger: still an upper bound), and the issues that decide them are branched first.
 * Every package met (LP columns, local search, leaves) is offered to the incumbent under the
 * shared tie-break; a node is pruned only when its bound is below the incumbent by more than the
 * tie tolerance, so ties are always explored. Certificate: upperBound is the largest bound of
 * anything pruned, or the value found.
 */

/** Subtrees with at most this many packages are finished without node LPs (default). */
const SMALL_SUBTREE = 8000;
/** Column-generation rounds per node LP (the bound stays valid if it stops early). */
const MAX_ROUNDS = 60;
/** Packages kept in a node's master problem. */
const MAX_COLUMNS = 16;

interface Row {
  q: number;
  weight: number;
  /** False for the reservation constraint of an enforced signatory that is not a player. */
  player: boolean;
}

interface Column {
  /** Local option index per issue. */
  choice: Int32Array;
  point: Float64Array;
}

interface Pricing {
  /** D_q = ν_q·w_q per stakeholder. */
  direction: Float64Array;
  sigma: number;
  bound: number;
}

interface NodeRelaxation extends Pricing {
  columns: Column[];
  /** LP weight of each column. */
  weights: number[];
}

export class MaxminSearch {
  private readonly dims: number;
  private readonly n: number;
  /** Surviving original option indices per issue. */
  private readonly optionsOf: number[][];
  /** values[i][k * dims + q]: score of local option k of issue i for stakeholder q. */
  private readonly values: Float64Array[];
  private readonly triggerIssues: number[];
  private readonly thresholds: number[];
  private readonly weights: number[];
  private readonly incumbent: Incumbent;
  private readonly nodeRelaxations: boolean;
  private readonly smallSubtree: number;

  constructor(
    private readonly domain: NegotiationDomain,
    private readonly objective: SearchObjective,
    private readonly options: SearchOptions,
  ) {
    this.dims = domain.stakeholders.length;
    this.n = domain.issues.length;
    this.incumbent = new Incumbent(domain, objective, options);
    this.nodeRelaxations = options.nodeRelaxations ?? true;
    this.smallSubtree = options.smallSubtree ?? SMALL_SUBTREE;
    this.thresholds = objective.thresholds;
    this.weights = objective.weights;
    const triggers = new Set(
      domain.stakeholders.flatMap((s) => (s.obligedWhen ? [s.obligedWhen.issue] : [])),
    );
    this.triggerIssues = [...triggers].sort((x, y) => x - y);
    this.optionsOf = domain.issues.map((issue, i) => {
      const fixed = options.fixed?.get(i);
      if (fixed !== undefined) return [fixed];
      const all = issue.options.map((_, j) => j);
      return triggers.has(i) ? all : undominatedOptions(domain, i, all);
    });
    this.values = this.optionsOf.map((opts, i) => {
      const vals = new Float64Array(opts.length * this.dims);
      opts.forEach((j, k) => {
        for (let q = 0; q < this.dims; q++) vals[k * this.dims + q] = domain.stakeholders[q]!.scores[i]![j]!;
      });
      return vals;
    });
  }

  run(): SearchResult {
    if (this.options.feasible) this.incumbent.offer([...this.options.feasible]);
    const allowed = this.optionsOf.map((opts) => opts.map((_, k) => k));
    const root = this.relax(allowed, this.initialColumns(allowed));
    const rootBound = root?.bound ?? Infinity;
    if (root) {
      // A strong first incumbent from the packages the root LP mixes.
      const ranked = root.columns
        .map((c, k) => ({ c, w: root.weights[k]! }))
        .sort((x, y) => y.w - x.w)
        .slice(0, 3);
      for (const { c } of ranked)
        this.incumbent.offer(
          ascend(this.domain, this.objective, this.outcomeOf(c.choice), this.optionsOf).outcome,
        );
    }
    this.search(allowed, root, undefined);
    return this.incumbent.result(rootBound);
  }

  /**
   * The root LP bound, and for each issue and surviving option (original index) the bound with
   * that option forced, as reduced-cost fixing uses it. For the property tests.
   */
  rootRelaxation(): { bound: number; forced: Map<number, Map<number, number>> } {
    const allowed = this.optionsOf.map((opts) => opts.map((_, k) => k));
    const node = this.relax(allowed, this.initialColumns(allowed));
    const forced = new Map<number, Map<number, number>>();
    if (!node || !(node.sigma > 0)) return { bound: node?.bound ?? Infinity, forced };
    allowed.forEach((opts, i) => {
      const prices = opts.map((k) => this.price(node.direction, i, k));
      const top = Math.max(...prices);
      forced.set(
        i,
        new Map(opts.map((k, t) => [this.optionsOf[i]![k]!, node.bound - (top - prices[t]!) / node.sigma])),
      );
    });
    return { bound: node.bound, forced };
  }

  /**
   * Searches the packages that pick an allowed option on every issue. `solved` is this node's LP
   * when the caller has it already; `hint` the parent's pricing, for small subtrees.
   */
  private search(allowed: number[][], solved: NodeRelaxation | undefined, hint: Pricing | undefined): void {
    if (!this.incumbent.visit()) return;
    const free = this.freeIssues(allowed);
    if (free.length === 0) {
      this.incumbent.offer(this.outcomeOf(Int32Array.from(allowed, (o) => o[0]!)));
      return;
    }
    let completions = 1;
    for (const i of free) completions *= allowed[i]!.length;
    const undecided = this.undecidedTrigger(allowed);
    if (hint && undecided === undefined && (completions <= this.smallSubtree || !this.nodeRelaxations)) {
      this.finish(allowed, free, hint);
      return;
    }
    let node = solved ?? this.relax(allowed, this.initialColumns(allowed));
    if (!node) {
      // No player is involved yet: nothing to bound; branch on the first free issue.
      this.branch(allowed, undecided ?? free[0]!, undefined, []);
      return;
    }
    // Reduced-cost fixing; after a removal the LP is solved again on the smaller box, since
    // its bound can only drop.
    for (let round = 0; round < 3; round++) {
      if (node.bound < this.incumbent.pruneLine()) {
        this.incumbent.pruned(node.bound);
        return;
      }
      const removed = this.fixByReducedCost(allowed, node);
      if (removed === 0) break;
      if (removed < 0) return;
      const next = this.relax(allowed, this.columnsFor(allowed, node.columns, node));
      if (!next) break;
      node = next;
    }
    const stillFree = this.freeIssues(allowed);
    if (stillFree.length === 0) {
      this.incumbent.offer(this.outcomeOf(Int32Array.from(allowed, (o) => o[0]!)));
      return;
    }
    const issue = this.undecidedTrigger(allowed) ?? this.branchingIssue(allowed, stillFree, node);
    this.branch(allowed, issue, node, node.columns);
  }

  private branch(allowed: number[][], issue: number, node: NodeRelaxation | undefined, columns: Column[]) {
    const share = new Map<number, number>();
    if (node)
      node.columns.forEach((c, k) =>
        share.set(c.choice[issue]!, (share.get(c.choice[issue]!) ?? 0) + node.weights[k]!),
      );
    const priced = allowed[issue]!.map((k) => ({
      k,
      s: share.get(k) ?? 0,
      d: node ? this.price(node.direction, issue, k) : 0,
    }));
    priced.sort((x, y) => y.s - x.s || y.d - x.d || x.k - y.k);
    const top = node ? Math.max(...priced.map((p) => p.d)) : 0;
    for (const { k, d } of priced) {
      if (node && node.sigma > 0) {
        // The parent's ν bounds the child at once (the incumbent may have improved meanwhile).
        const childBound = node.bound - (top - d) / node.sigma;
        if (childBound < this.incumbent.pruneLine()) {
          this.incumbent.pruned(childBound);
          continue;
        }
      }
      const child = allowed.slice();
      child[issue] = [k];
      const childColumns =
        columns.length > 0 ? this.columnsFor(child, columns, node) : this.initialColumns(child);
      let completions = 1;
      for (const opts of child) completions *= opts.length;
      const solved =
        node &&
        (completions <= this.smallSubtree || !this.nodeRelaxations) &&
        this.undecidedTrigger(child) === undefined
          ? undefined
          : this.relax(child, childColumns);
      this.search(child, solved, node);
      if (this.incumbent.aborted) return;
    }
  }

  /** Issues with more than one allowed option. */
  private freeIssues(allowed: number[][]): number[] {
    const free: number[] = [];
    for (let i = 0; i < this.n; i++) if (allowed[i]!.length > 1) free.push(i);
    return free;
  }

  /** A trigger issue whose allowed options still leave some guarantor's signature open. */
  private undecidedTrigger(allowed: number[][]): number | undefined {
    for (const i of this.triggerIssues) {
      const opts = allowed[i]!;
      if (opts.length < 2) continue;
      for (const s of this.domain.stakeholders) {
        if (s.role !== 'guarantor' || s.obligedWhen?.issue !== i) continue;
        const hits = opts.filter((k) => s.obligedWhen!.options.includes(this.optionsOf[i]![k]!)).length;
        if (hits > 0 && hits < opts.length) return i;
      }
    }
    return undefined;
  }

  /** The bound's rows: players and enforced signatories whose signature every allowed package needs. */
  private rowsFor(allowed: number[][]): Row[] {
    const { weights } = this;
    const sure = this.domain.stakeholders.map((s) => {
      if (s.role === 'party' || !s.obligedWhen) return true;
      const { issue, options } = s.obligedWhen;
      return allowed[issue]!.every((k) => options.includes(this.optionsOf[issue]![k]!));
    });
    const players = weights.flatMap((w, q) => (w !== 0 && sure[q] ? [q] : []));
    if (players.length === 0) return [];
    const constraintWeight = Math.max(...players.map((p) => weights[p]!));
    const rows: Row[] = players.map((q) => ({ q, weight: weights[q]!, player: true }));
    if (this.objective.enforceReservation)
      sure.forEach((required, q) => {
        if (required && weights[q] === 0) rows.push({ q, weight: constraintWeight, player: false });
      });
    return rows;
  }

  /** Packages seeding a node LP without a parent: one per signatory emphasis, plus the balanced one. */
  private initialColumns(allowed: number[][]): Column[] {
    const rows = this.rowsFor(allowed);
    const columns = [
      this.oracle(
        allowed,
        this.directionOf(
          rows,
          rows.map(() => 1),
        ),
      ).column,
    ];
    rows.forEach((_, r) => {
      columns.push(
        this.oracle(
          allowed,
          this.directionOf(
            rows,
            rows.map((__, k) => (k === r ? 1 : 1e-6)),
          ),
        ).column,
      );
    });
    return columns;
  }

  /** The parent's packages, repaired to use allowed options only (best remaining under the parent's ν). */
  private columnsFor(allowed: number[][], parent: Column[], pricing?: Pricing): Column[] {
    const { dims } = this;
    const out: Column[] = [];
    for (const c of parent) {
      let choice: Int32Array | undefined;
      let point: Float64Array | undefined;
      for (let i = 0; i < this.n; i++) {
        const opts = allowed[i]!;
        const k = c.choice[i]!;
        if (opts.includes(k)) continue;
        choice ??= Int32Array.from(c.choice);
        point ??= Float64Array.from(c.point);
        let best = opts[0]!;
        if (pricing) {
          let top = -Infinity;
          for (const o of opts) {
            const s = this.price(pricing.direction, i, o);
            if (s > top) {
              top = s;
              best = o;
            }
          }
        }
        const vals = this.values[i]!;
        for (let q = 0; q < dims; q++) point[q]! += vals[best * dims + q]! - vals[k * dims + q]!;
        choice[i] = best;
      }
      out.push(choice ? { choice, point: point! } : c);
    }
    return out.length > 0 ? out : this.initialColumns(allowed);
  }

  private directionOf(rows: Row[], mix: ArrayLike<number>): Float64Array {
    const direction = new Float64Array(this.dims);
    rows.forEach((r, k) => {
      direction[r.q] = mix[k]! * r.weight;
    });
    return direction;
  }

  private price(direction: Float64Array, issue: number, k: number): number {
    const vals = this.values[issue]!;
    let s = 0;
    for (let q = 0; q < this.dims; q++) s += direction[q]! * vals[k * this.dims + q]!;
    return s;
  }

  /** Argmax of direction·u over the allowed packages, and g = direction·(u − d) there. */
  private oracle(allowed: number[][], direction: Float64Array): { column: Column; g: number } {
    const { dims } = this;
    const choice = new Int32Array(this.n);
    const point = new Float64Array(dims);
    for (let i = 0; i < this.n; i++) {
      const opts = allowed[i]!;
      let best = opts[0]!;
      if (opts.length > 1) {
        let top = -Infinity;
        for (const k of opts) {
          const s = this.price(direction, i, k);
          if (s > top) {
            top = s;
            best = k;
          }
        }
      }
      choice[i] = best;
      const vals = this.values[i]!;
      for (let q = 0; q < dims; q++) point[q]! += vals[best * dims + q]!;
    }
    let g = 0;
    for (let q = 0; q < dims; q++)
      if (direction[q] !== 0) g += direction[q]! * (point[q]! - this.thresholds[q]!);
    return { column: { choice, point }, g };
  }

  /**
   * The node LP by column generation. Returns the smallest Lagrangian bound met, its pricing,
   * and the master's packages with their LP weights; undefined when no player is involved.
   * Stops early once the bound is below the incumbent.
   */
  private relax(allowed: number[][], start: Column[]): NodeRelaxation | undefined {
    const rows = this.rowsFor(allowed);
    if (rows.length === 0) return undefined;
    this.incumbent.relaxations++;
    const { thresholds } = this;
    let columns = start.slice();
    const gains = (c: Column) => rows.map((r) => r.weight * (c.point[r.q]! - thresholds[r.q]!));
    let matrix = columns.map(gains);
    let best: Pricing = { direction: new Float64Array(this.dims), sigma: 0, bound: Infinity };
    let weights: number[] = columns.map(() => 0);
    for (const c of columns) this.offerColumn(c, rows);
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const game = solveMatrixGame(matrix);
      weights = game.rows;
      const direction = this.directionOf(rows, game.columns);
      const sigma = rows.reduce((s, r, k) => s + (r.player ? game.columns[k]! : 0), 0);
      const { column, g } = this.oracle(allowed, direction);
      // Multipliers on reservation constraints only: g < 0 proves no package meets them all.
      const bound = sigma > 0 ? g / sigma : g < 0 ? -Infinity : Infinity;
      if (bound < best.bound) best = { direction, sigma, bound };
      if (best.bound < this.incumbent.pruneLine()) break;
      if (bound <= game.value + 1e-10 * Math.max(1, Math.abs(game.value))) break;
      this.offerColumn(column, rows);
      if (columns.length >= MAX_COLUMNS) {
        // Keep the packages the master uses.
        const keep = columns.flatMap((c, k) => (weights[k]! > 0 ? [k] : []));
        columns = keep.map((k) => columns[k]!);
        matrix = keep.map((k) => matrix[k]!);
        weights = keep.map((k) => weights[k]!);
      }
      columns.push(column);
      matrix.push(gains(column));
      weights.push(0);
    }
    if (best.sigma === 0 && best.bound !== -Infinity) return { ...best, bound: Infinity, columns, weights };
    return { ...best, columns, weights };
  }

  /**
   * Removes every option whose forced bound is below the incumbent. Returns the number removed,
   * or −1 when an issue has none left (the node is then pruned).
   */
  private fixByReducedCost(allowed: number[][], node: NodeRelaxation): number {
    if (!(node.sigma > 0) || !Number.isFinite(node.bound)) return 0;
    const line = this.incumbent.pruneLine();
    let removed = 0;
    for (let i = 0; i < this.n; i++) {
      const opts = allowed[i]!;
      if (opts.length < 2) continue;
      const prices = opts.map((k) => this.price(node.direction, i, k));
      const top = Math.max(...prices);
      const kept: number[] = [];
      opts.forEach((k, t) => {
        const forced = node.bound - (top - prices[t]!) / node.sigma;
        if (forced < line) this.incumbent.pruned(forced);
        else kept.push(k);
      });
      if (kept.length === opts.length) continue;
      if (kept.length === 0) return -1;
      removed += opts.length - kept.length;
      allowed[i] = kept;
    }
    return removed;
  }

  /** The free issue the LP solution splits most between options; ties to the most options, then the first. */
  private branchingIssue(allowed: number[][], free: number[], node: NodeRelaxation): number {
    let bestIssue = free[0]!;
    let bestScore = -Infinity;
    for (const i of free) {
      const share = new Map<number, number>();
      node.columns.forEach((c, k) => {
        const w = node.weights[k]!;
        if (w > 0) share.set(c.choice[i]!, (share.get(c.choice[i]!) ?? 0) + w);
      });
      const largest = Math.max(0, ...share.values());
      const score = 1 - largest + 1e-6 * allowed[i]!.length;
      if (score > bestScore) {
        bestScore = score;
        bestIssue = i;
      }
    }
    return bestIssue;
  }

  /** Depth-first search of a small subtree under one pricing and the box bound. */
  private finish(allowed: number[][], free: number[], pricing: Pricing): void {
    const { dims, thresholds } = this;
    const rows = this.rowsFor(allowed);
    const { direction, sigma } = pricing;
    // Issues with the widest price spread first: they decide the bound soonest.
    const spread = (i: number) => {
      const prices = allowed[i]!.map((k) => this.price(direction, i, k));
      return Math.max(...prices) - Math.min(...prices);
    };
    const order = free.slice().sort((x, y) => spread(y) - spread(x) || x - y);
    const m = order.length;
    const optionOrder = order.map((i) =>
      allowed[i]!.slice().sort((x, y) => this.price(direction, i, y) - this.price(direction, i, x) || x - y),
    );
    const suffixPrice = new Float64Array(m + 1);
    const suffixBox = new Float64Array((m + 1) * dims);
    for (let f = m - 1; f >= 0; f--) {
      const i = order[f]!;
      const vals = this.values[i]!;
      suffixPrice[f] = suffixPrice[f + 1]! + Math.max(...allowed[i]!.map((k) => this.price(direction, i, k)));
      for (let q = 0; q < dims; q++) {
        let top = -Infinity;
        for (const k of allowed[i]!) top = Math.max(top, vals[k * dims + q]!);
        suffixBox[f * dims + q] = suffixBox[(f + 1) * dims + q]! + top;
      }
    }
    const choice = Int32Array.from(allowed, (o) => o[0]!);
    const partial = new Float64Array((m + 1) * dims);
    for (let i = 0; i < this.n; i++) {
      if (allowed[i]!.length > 1) continue;
      const vals = this.values[i]!;
      for (let q = 0; q < dims; q++) partial[q]! += vals[choice[i]! * dims + q]!;
    }
    const { incumbent } = this;
    const visit = (f: number) => {
      if (!incumbent.visit()) return;
      const a = partial.subarray(f * dims, (f + 1) * dims);
      let bound = Infinity;
      for (const r of rows) {
        const reach = a[r.q]! + suffixBox[f * dims + r.q]! - thresholds[r.q]!;
        if (r.player) bound = Math.min(bound, r.weight * reach);
        else if (reach < 0) bound = -Infinity;
      }
      if (sigma > 0) {
        let g = suffixPrice[f]!;
        for (let q = 0; q < dims; q++) if (direction[q] !== 0) g += direction[q]! * (a[q]! - thresholds[q]!);
        bound = Math.min(bound, g / sigma);
      }
      if (bound < incumbent.pruneLine()) {
        incumbent.pruned(bound);
        return;
      }
      if (f === m) {
        incumbent.offer(this.outcomeOf(choice));
        return;
      }
      const i = order[f]!;
      const vals = this.values[i]!;
      const next = partial.subarray((f + 1) * dims, (f + 2) * dims);
      for (const k of optionOrder[f]!) {
        choice[i] = k;
        for (let q = 0; q < dims; q++) next[q] = a[q]! + vals[k * dims + q]!;
        visit(f + 1);
        if (incumbent.aborted) return;
      }
    };
    visit(0);
  }

  private outcomeOf(choice: Int32Array): Outcome {
    return Array.from(choice, (k, i) => this.optionsOf[i]![k]!);
  }

  /** Offers an LP package unless its value (at most the least player gain on `rows`) cannot compete. */
  private offerColumn(column: Column, rows: Row[]): void {
    let value = Infinity;
    for (const r of rows)
      if (r.player) value = Math.min(value, r.weight * (column.point[r.q]! - this.thresholds[r.q]!));
    if (value < this.incumbent.pruneLine() - 1e-9) return;
    this.incumbent.offer(this.outcomeOf(column.choice));
  }
}
