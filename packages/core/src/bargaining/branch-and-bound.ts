import { deadlineOf, Incumbent, type SearchOptions, type SearchResult } from './incumbent.ts';
import { objectiveValue, type SearchObjective } from './objectives.ts';
import type { NegotiationDomain, Outcome } from './outcome-space.ts';
import { solveMatrixGame } from './matrix-game.ts';
import { surrogatesFor } from './surrogates.ts';
import { undominatedOptions } from './dominance.ts';
import { ascend, choicesOf, welfarePackage } from './local-search.ts';
import { MaxminSearch } from './maxmin-search.ts';
import {
  linearOracle,
  solveRelaxation,
  type HullVertex,
  type RelaxationSpace,
  type SmoothObjective,
} from './relaxation.ts';

/**
 * Exact best package for one objective, without enumerating the outcome space.
 *
 * Depth-first branch-and-bound over the issues. At a node the first issues are fixed (partial
 * utility vector a) and the rest are free. Two upper bounds prune it:
 *
 * - the box bound: every stakeholder at its best on every free issue at once;
 * - Lagrangian bounds: for any multipliers ν ≥ 0, every qualifying completion u satisfies
 *   ν·(u − d) ≤ g(ν) = ν·(a − d) + Σ_free max_option ν·score, which bounds the objective
 *   (Nash: Σ log(u−d) ≤ −Σ log ν + |S|·log(g/|S|); linear: ≤ g + α·d).
 *   g is separable by issue, so for a stored ν its suffix sums make the bound O(stakeholders).
 *
 * The multipliers come from the concave relaxation over per-issue convex hulls, solved at the
 * root and again at nodes with more than RELAX_ABOVE completions: simplicial decomposition on a
 * smooth stand-in (relaxation.ts, surrogates.ts). Max-min objectives (Kalai–Smorodinsky,
 * egalitarian, agreement margin) go to their own LP-bounded search (maxmin-search.ts). When reservation
 * values are enforced, feasibility multipliers (the max-min relaxation of the agreement margin)
 * also prune subtrees that cannot reach the agreement set. Leaves and
 * relaxation vertices (real packages) update the incumbent under the shared tie-break (beats).
 * The certificate: every pruned subtree had a bound below the incumbent, so the best value is
 * at most max(incumbent, largest pruned bound) = `upperBound`.
 */

/** Subtrees with at most this many packages are searched without node relaxations. */
const RELAX_ABOVE = 4096;

interface GameRow {
  q: number;
  weight: number;
  /** False for a reservation constraint of a non-player. */
  player: boolean;
}

interface Direction {
  nu: Float64Array;
  /** suffix[k] = Σ over positions ≥ k of max_option ν·score. */
  suffix: Float64Array;
}

export function searchBest(
  domain: NegotiationDomain,
  objective: SearchObjective,
  budget: SearchOptions = {},
): SearchResult {
  // One deadline for every search below (feasibility first, then the objective).
  const options: SearchOptions = { ...budget, deadline: deadlineOf(budget) };
  if (!objective.enforceReservation) return solve(domain, objective, options);
  // A weighted sum is separable: its best package over all packages comes issue by issue. When
  // that package meets every reservation value it is also the best inside the agreement set
  // (it beats every package under the shared order), so the constraint need not be searched.
  if (objective.kind === 'linear') {
    const free = solve(domain, { ...objective, enforceReservation: false }, options);
    if (
      free.certificate.proven &&
      free.best &&
      objectiveValue(domain, objective, free.best.outcome, free.best.utilities) > -Infinity
    )
      return free;
  }
  // When even the worst package meets every reservation value, the constraint is void.
  if (
    domain.stakeholders.every(
      (s, q) => s.scores.reduce((sum, row) => sum + Math.min(...row), 0) >= objective.thresholds[q]!,
    )
  )
    return solve(domain, { ...objective, enforceReservation: false }, options);
  if (options.feasible) return solve(domain, objective, options);
  // Settle feasibility first, so the incumbent starts from a package in the agreement set: a
  // quick ascent on the agreement margin usually finds one; if not, the exact margin search
  // either finds one or proves the agreement set empty (without it, a search over an empty
  // agreement set could only stop by exhausting every subtree).
  const marginObjective: SearchObjective = {
    kind: 'maxmin',
    weights: domain.stakeholders.map(() => 1),
    thresholds: objective.thresholds,
    enforceReservation: false,
  };
  const choices = choicesOf(domain, options.fixed);
  const quick = ascend(domain, marginObjective, welfarePackage(domain, choices), choices);
  if (quick.value >= 0) return solve(domain, objective, { ...options, feasible: quick.outcome });
  const margin = solve(domain, marginObjective, options);
  if (!margin.best || margin.best.value < 0) {
    return {
      certificate: {
        ...margin.certificate,
        proven: margin.certificate.proven,
        value: -Infinity,
        upperBound: margin.certificate.upperBound < 0 ? -Infinity : Infinity,
        rootBound: -Infinity,
      },
    };
  }
  const result = solve(domain, objective, { ...options, feasible: margin.best.outcome });
  result.certificate.nodes += margin.certificate.nodes;
  result.certificate.relaxations += margin.certificate.relaxations;
  return result;
}

/** Max-min objectives have their own LP-bounded search (maxmin-search.ts). */
function solve(domain: NegotiationDomain, objective: SearchObjective, options: SearchOptions): SearchResult {
  return objective.kind === 'maxmin'
    ? new MaxminSearch(domain, objective, options).run()
    : new BranchAndBound(domain, objective, options).run();
}

class BranchAndBound {
  private readonly dims: number;
  private readonly n: number;
  /** Issue index at each search position. */
  private order: number[] = [];
  /** Surviving option indices (in the original issue) per issue. */
  private readonly optionsOf: number[][];
  private readonly space: RelaxationSpace;
  private suffixBox!: Float64Array;
  /** completions[k]: number of packages below a node at depth k. */
  private completions!: Float64Array;
  private readonly players: number[];
  private readonly triggerIssues: Set<number>;
  private readonly library = new Map<number, Direction[]>();
  /** Multipliers that can prove no completion meets every enforced reservation value. */
  private readonly feasibility = new Map<number, Direction[]>();
  private readonly scale: number;
  private readonly incumbent: Incumbent;
  private readonly useNodeRelaxations: boolean;
  private readonly feasibleSeed?: Outcome;

  constructor(
    private readonly domain: NegotiationDomain,
    private readonly objective: SearchObjective,
    options: SearchOptions,
  ) {
    this.dims = domain.stakeholders.length;
    this.n = domain.issues.length;
    this.incumbent = new Incumbent(domain, objective, options);
    // An unconstrained weighted sum is separable: the root multipliers (its weights) bound every
    // node exactly, so node relaxations could not prune more.
    const separable = objective.kind === 'linear' && !objective.enforceReservation;
    this.useNodeRelaxations = (options.nodeRelaxations ?? true) && !separable;
    this.feasibleSeed = options.feasible;
    this.players = objective.weights.flatMap((w, p) => (w !== 0 ? [p] : []));
    this.triggerIssues = new Set(
      domain.stakeholders.flatMap((s) => (s.obligedWhen ? [s.obligedWhen.issue] : [])),
    );
    this.optionsOf = domain.issues.map((issue, i) => {
      const fixed = options.fixed?.get(i);
      if (fixed !== undefined) return [fixed];
      const all = issue.options.map((_, j) => j);
      return this.triggerIssues.has(i) ? all : undominatedOptions(domain, i, all);
    });
    this.space = {
      dims: this.dims,
      sizes: this.optionsOf.map((o) => o.length),
      values: this.optionsOf.map((opts, i) => {
        const vals = new Float64Array(opts.length * this.dims);
        opts.forEach((j, k) => {
          for (let q = 0; q < this.dims; q++)
            vals[k * this.dims + q] = domain.stakeholders[q]!.scores[i]![j]!;
        });
        return vals;
      }),
    };
    let span = 0;
    for (let q = 0; q < this.dims; q++) {
      let hi = 0;
      let lo = 0;
      for (let i = 0; i < this.n; i++) {
        const row = this.optionsOf[i]!.map((j) => domain.stakeholders[q]!.scores[i]![j]!);
        hi += Math.max(...row);
        lo += Math.min(...row);
      }
      span = Math.max(span, hi - lo);
    }
    this.scale = span > 0 ? span : 1;
  }

  run(): SearchResult {
    if (this.feasibleSeed) this.incumbent.offer([...this.feasibleSeed]);
    const rootMask = this.maskAt([], 0);
    const allIssues = [...Array(this.n).keys()];
    const base = new Float64Array(this.dims);
    // Root relaxation first: its multipliers order the issues (most contested first).
    const rootDirections = this.relax(allIssues, base, rootMask, [], []);
    const primary = rootDirections[0]?.nu ?? new Float64Array(this.dims).fill(1);
    const contest = allIssues.map((i) => {
      const vals = this.space.values[i]!;
      let hi = -Infinity;
      let lo = Infinity;
      for (let k = 0; k < this.space.sizes[i]!; k++) {
        let s = 0;
        for (let q = 0; q < this.dims; q++) s += primary[q]! * vals[k * this.dims + q]!;
        hi = Math.max(hi, s);
        lo = Math.min(lo, s);
      }
      return hi - lo;
    });
    this.order = allIssues.sort((x, y) => {
      const tx = this.triggerIssues.has(x) ? 1 : 0;
      const ty = this.triggerIssues.has(y) ? 1 : 0;
      return ty - tx || contest[y]! - contest[x]! || x - y;
    });
    this.completions = new Float64Array(this.n + 1).fill(1);
    for (let k = this.n - 1; k >= 0; k--)
      this.completions[k] = this.completions[k + 1]! * this.space.sizes[this.order[k]!]!;
    this.suffixBox = new Float64Array((this.n + 1) * this.dims);
    for (let k = this.n - 1; k >= 0; k--) {
      const i = this.order[k]!;
      const vals = this.space.values[i]!;
      for (let q = 0; q < this.dims; q++) {
        let best = -Infinity;
        for (let j = 0; j < this.space.sizes[i]!; j++) best = Math.max(best, vals[j * this.dims + q]!);
        this.suffixBox[k * this.dims + q] = this.suffixBox[(k + 1) * this.dims + q]! + best;
      }
    }
    this.library.set(
      rootMask,
      rootDirections.map((d) => this.withSuffix(d.nu)),
    );
    // The root's feasibility directions were stored before the order existed: their suffixes
    // followed issue order, and below the root they must follow the search order.
    for (const [m, list] of this.feasibility)
      this.feasibility.set(
        m,
        list.map((d) => this.withSuffix(d.nu)),
      );
    const rootBound = this.bound(0, base, rootMask);
    // Options in the order the root multipliers prefer, so good packages are met first.
    const optionOrder = this.order.map((i) => {
      const vals = this.space.values[i]!;
      const keyed = [...Array(this.space.sizes[i]!).keys()].map((k) => {
        let s = 0;
        for (let q = 0; q < this.dims; q++) s += primary[q]! * vals[k * this.dims + q]!;
        return { k, s };
      });
      return keyed.sort((x, y) => y.s - x.s || x.k - y.k).map((e) => e.k);
    });
    const path = new Int32Array(this.n);
    const partial = new Float64Array((this.n + 1) * this.dims);
    this.descend(0, path, partial, rootMask, optionOrder);
    return this.incumbent.result(rootBound);
  }

  /** Stakeholders active at a node: players and (when enforced) signatories whose signature is surely required. */
  private maskAt(path: ArrayLike<number>, depth: number): number {
    let mask = 0;
    this.domain.stakeholders.forEach((s, q) => {
      const matters = this.objective.weights[q] !== 0 || this.objective.enforceReservation;
      if (!matters) return;
      if (s.role === 'party' || !s.obligedWhen) {
        mask |= 1 << q;
        return;
      }
      const position = this.order.indexOf(s.obligedWhen.issue);
      if (position >= 0 && position < depth) {
        const option = this.optionsOf[s.obligedWhen.issue]![path[position]!]!;
        if (s.obligedWhen.options.includes(option)) mask |= 1 << q;
      }
    });
    return mask;
  }

  private withSuffix(nu: Float64Array): Direction {
    const suffix = new Float64Array(this.n + 1);
    for (let k = this.n - 1; k >= 0; k--) {
      const i = this.order[k] ?? k;
      const vals = this.space.values[i]!;
      let best = -Infinity;
      for (let j = 0; j < this.space.sizes[i]!; j++) {
        let s = 0;
        for (let q = 0; q < this.dims; q++) s += nu[q]! * vals[j * this.dims + q]!;
        if (s > best) best = s;
      }
      suffix[k] = suffix[k + 1]! + best;
    }
    return { nu, suffix };
  }

  /** The tightest valid upper bound known at a node (depth k, partial utilities a). */
  private bound(k: number, a: Float64Array, mask: number): number {
    const { thresholds, weights, kind, enforceReservation } = this.objective;
    const box = this.suffixBox;
    // Box bound and reservation feasibility.
    let boxBound: number;
    if (enforceReservation) {
      for (let q = 0; q < this.dims; q++) {
        if (mask & (1 << q) && a[q]! + box[k * this.dims + q]! < thresholds[q]!) return -Infinity;
      }
    }
    if (enforceReservation) {
      for (const direction of this.feasibility.get(mask) ?? []) {
        let g = direction.suffix[k]!;
        for (let q = 0; q < this.dims; q++)
          if (mask & (1 << q)) g += direction.nu[q]! * (a[q]! - thresholds[q]!);
        if (g < -1e-12 * this.scale) return -Infinity;
      }
    }
    if (kind === 'nash') {
      boxBound = 0;
      for (const p of this.players) {
        const gain = a[p]! + box[k * this.dims + p]! - thresholds[p]!;
        if (!(gain > 0)) return -Infinity;
        boxBound += Math.log(gain);
      }
    } else {
      boxBound = 0;
      for (const p of this.players) boxBound += weights[p]! * (a[p]! + box[k * this.dims + p]!);
    }
    let best = boxBound;
    for (const direction of this.library.get(mask) ?? []) {
      best = Math.min(best, this.directionBound(direction, k, a, mask));
      if (best === -Infinity) break;
    }
    return best;
  }

  private directionBound(direction: Direction, k: number, a: Float64Array, mask: number): number {
    const { nu, suffix } = direction;
    const { thresholds, weights, kind } = this.objective;
    let g = suffix[k]!;
    for (let q = 0; q < this.dims; q++) if (mask & (1 << q)) g += nu[q]! * (a[q]! - thresholds[q]!);
    if (kind === 'nash') {
      if (!(g > 0)) return -Infinity;
      let logs = 0;
      for (const p of this.players) logs += Math.log(nu[p]!);
      const s = this.players.length;
      return -logs + s * Math.log(g / s);
    }
    let offset = 0;
    for (const p of this.players) offset += weights[p]! * thresholds[p]!;
    return g + offset;
  }

  /** Multipliers from the relaxation at a node; also offers its vertices as incumbents. */
  private relax(
    free: number[],
    base: Float64Array,
    mask: number,
    warm: HullVertex[],
    prefix: number[],
  ): { nu: Float64Array }[] {
    // Nash bounds are -Infinity wherever some player cannot gain, so when every enforced
    // signatory is a player the feasibility multipliers add nothing but time.
    if (this.objective.enforceReservation && !this.nashCoversReservations(mask)) {
      const feasibility = this.relaxMaxmin(free, base, this.feasibilityRows(mask), prefix);
      const stored = this.feasibility.get(mask) ?? [];
      this.feasibility.set(mask, [...stored, ...feasibility.map((d) => this.withSuffix(d.nu))]);
    }
    const found: { nu: Float64Array }[] = [];
    let start = warm;
    for (const surrogate of this.surrogates(mask)) {
      this.incumbent.relaxations++;
      const result = solveRelaxation(this.space, free, base, surrogate, start);
      start = result.vertices;
      if (this.validDirection(result.direction, mask)) found.push({ nu: result.direction });
      for (const v of result.vertices) this.offerVertex(free, prefix, v);
    }
    if (this.incumbent.best === undefined && prefix.length === 0) this.localSearchFrom(free, start);
    return found;
  }

  private nashCoversReservations(mask: number): boolean {
    if (this.objective.kind !== 'nash') return false;
    for (let q = 0; q < this.dims; q++) if (mask & (1 << q) && this.objective.weights[q] === 0) return false;
    return true;
  }

  /** Rows of the feasibility problem: every signatory whose reservation value is enforced at this mask. */
  private feasibilityRows(mask: number): GameRow[] {
    return [...Array(this.dims).keys()]
      .filter((q) => mask & (1 << q))
      .map((q) => ({ q, weight: 1, player: true }));
  }

  /**
   * Max-min relaxation by column generation: the master is the matrix game between packages found
   * so far (rows) and signatories (columns); its minimiser's strategy prices the next package
   * (linear oracle). Stops when that price proves the master optimal over the whole hull.
   */
  private relaxMaxmin(
    free: number[],
    base: Float64Array,
    rows: GameRow[],
    prefix: number[],
  ): { nu: Float64Array }[] {
    if (rows.length === 0) return [];
    const { thresholds } = this.objective;
    const direction = (mix: number[]) => {
      const nu = new Float64Array(this.dims);
      rows.forEach((r, k) => {
        nu[r.q] = mix[k]! * r.weight;
      });
      return nu;
    };
    const gains = (point: Float64Array) => rows.map((r) => r.weight * (point[r.q]! - thresholds[r.q]!));
    const columns: HullVertex[] = [this.oracleAt(free, base, direction(rows.map(() => 1)))];
    for (let k = 0; k < rows.length; k++) {
      columns.push(this.oracleAt(free, base, direction(rows.map((_, j) => (j === k ? 1 : 1e-6)))));
    }
    this.incumbent.relaxations++;
    const found: { nu: Float64Array }[] = [];
    for (let iteration = 0; iteration < 60; iteration++) {
      const game = solveMatrixGame(columns.map((c) => gains(c.point)));
      const nu = direction(game.columns);
      found.push({ nu });
      const vertex = this.oracleAt(free, base, nu);
      const price = gains(vertex.point).reduce((s, g, k) => s + game.columns[k]! * g, 0);
      const sigma = rows.reduce((s, r, k) => s + (r.player ? game.columns[k]! : 0), 0);
      const bound = sigma > 0 ? price / sigma : Infinity;
      if (bound <= game.value + 1e-12 * Math.max(1, Math.abs(game.value))) break;
      columns.push(vertex);
    }
    for (const c of columns) this.offerVertex(free, prefix, c);
    // Keep the last few directions: the final one is the tightest, earlier ones help elsewhere.
    return found.slice(-3);
  }

  private oracleAt(free: number[], base: Float64Array, nu: Float64Array): HullVertex {
    return linearOracle(this.space, free, base, nu);
  }

  private validDirection(nu: Float64Array, mask: number): boolean {
    if (nu.some((x) => !(x >= 0) || !Number.isFinite(x))) return false;
    if (this.objective.kind === 'nash') return this.players.every((p) => nu[p]! > 0);
    if (this.objective.kind === 'linear')
      return this.players.every((p) => nu[p]! >= this.objective.weights[p]!);
    return this.players.some((p) => mask & (1 << p) && nu[p]! > 0);
  }

  private surrogates(mask: number): SmoothObjective[] {
    const { weights, kind, enforceReservation } = this.objective;
    const constrained = enforceReservation
      ? [...Array(this.dims).keys()].filter((q) => mask & (1 << q) && !(kind === 'nash' && weights[q] !== 0))
      : [];
    const players = this.players.filter((p) => mask & (1 << p));
    return surrogatesFor(this.objective, players, constrained, this.scale);
  }

  /** A relaxation vertex is a real package: evaluate it. */
  private offerVertex(free: number[], prefix: number[], vertex: HullVertex): void {
    const outcome: Outcome = new Array(this.n).fill(0);
    prefix.forEach((k, position) => {
      const i = this.order[position]!;
      outcome[i] = this.optionsOf[i]![k]!;
    });
    free.forEach((i, f) => {
      outcome[i] = this.optionsOf[i]![vertex.choice[f]!]!;
    });
    this.incumbent.offer(outcome);
  }

  /** Coordinate ascent (`ascend`) from the root relaxation's first vertices: a strong first incumbent. */
  private localSearchFrom(free: number[], vertices: HullVertex[]): void {
    for (const v of vertices.slice(0, 4)) {
      const start: Outcome = new Array(this.n).fill(0);
      free.forEach((i, f) => {
        start[i] = this.optionsOf[i]![v.choice[f]!]!;
      });
      this.incumbent.offer(ascend(this.domain, this.objective, start, this.optionsOf).outcome);
    }
  }

  private descend(
    k: number,
    path: Int32Array,
    partial: Float64Array,
    mask: number,
    optionOrder: number[][],
  ): void {
    if (!this.incumbent.visit()) return;
    const dims = this.dims;
    const a = partial.subarray(k * dims, (k + 1) * dims);
    if (k === this.n) {
      const outcome: Outcome = new Array(this.n);
      for (let position = 0; position < this.n; position++) {
        const i = this.order[position]!;
        outcome[i] = this.optionsOf[i]![path[position]!]!;
      }
      this.incumbent.offer(outcome);
      return;
    }
    // Once every obligation trigger is decided, the required signatories are known.
    if (!this.library.has(mask)) {
      const free = this.order.slice(k);
      this.library.set(
        mask,
        this.relax(free, Float64Array.from(a), mask, [], Array.from(path.subarray(0, k))).map((d) =>
          this.withSuffix(d.nu),
        ),
      );
    }
    let ub = this.bound(k, a, mask);
    if (ub < this.incumbent.pruneLine()) {
      this.incumbent.pruned(ub);
      return;
    }
    // A node relaxation costs about as much as visiting a few thousand leaves: only worth it
    // above small subtrees, which plain bounded depth-first search finishes faster.
    if (this.useNodeRelaxations && k > 0 && this.completions[k]! > RELAX_ABOVE) {
      const free = this.order.slice(k);
      const directions = this.relax(free, Float64Array.from(a), mask, [], Array.from(path.subarray(0, k)));
      const stored = this.library.get(mask)!;
      for (const d of directions) stored.push(this.withSuffix(d.nu));
      ub = this.bound(k, a, mask);
      if (ub < this.incumbent.pruneLine()) {
        this.incumbent.pruned(ub);
        return;
      }
    }
    const issue = this.order[k]!;
    const vals = this.space.values[issue]!;
    const next = partial.subarray((k + 1) * dims, (k + 2) * dims);
    for (const option of optionOrder[k]!) {
      for (let q = 0; q < dims; q++) next[q] = a[q]! + vals[option * dims + q]!;
      path[k] = option;
      const childMask = this.triggerIssues.has(issue) ? this.maskAt(path, k + 1) : mask;
      this.descend(k + 1, path, partial, childMask, optionOrder);
      if (this.incumbent.aborted) return;
    }
  }
}
