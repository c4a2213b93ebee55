import { beats, objectiveValue, TIE_TOLERANCE, type Candidate, type SearchObjective } from './objectives.ts';
import { utilitiesOf, type NegotiationDomain, type Outcome } from './outcome-space.ts';

// The options and results of both exact searches live here, beside their shared bookkeeping, so
// that maxmin-search.ts needs nothing from branch-and-bound.ts (which dispatches to it).

export interface SearchOptions {
  /** Fix issues to one option (issue index → option index), e.g. for a ZOPA probe. */
  fixed?: Map<number, number>;
  /** Stop after this many nodes (the result is then not certified). Default 5e7. */
  nodeLimit?: number;
  /**
   * Stop after this many milliseconds (the result is then not certified; its certificate keeps
   * the best package found and a valid upper bound). Default DEFAULT_TIME_LIMIT_MS.
   */
  timeLimitMs?: number;
  /**
   * Absolute stop time (Date.now() milliseconds) shared by several searches of one analysis;
   * the earlier of it and timeLimitMs applies.
   */
  deadline?: number;
  /** Turn the node relaxations off (ablation for the benchmark). */
  nodeRelaxations?: boolean;
  /**
   * Max-min search only: subtrees with at most this many packages are finished by plain
   * depth-first search instead of node LPs (default 8000). Tests set it low to exercise the LPs.
   */
  smallSubtree?: number;
  /** A package known to meet every enforced reservation value (seeds the incumbent). */
  feasible?: Outcome;
}

/** Every exact search stops after this long unless told otherwise: no analysis hangs. */
export const DEFAULT_TIME_LIMIT_MS = 60_000;
/**
 * Nodes between two looks at the clock: a leaf costs well under a microsecond, but a node with a
 * relaxation can cost milliseconds, so the clock is read often (Date.now() costs nanoseconds).
 */
const CLOCK_EVERY = 16;

/** When a search given these options must stop. */
export const deadlineOf = (options: SearchOptions): number =>
  Math.min(options.deadline ?? Infinity, Date.now() + (options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS));

export interface OptimalityCertificate {
  /** True when the search finished: `best` is optimal and `upperBound` proves it. */
  proven: boolean;
  /** The objective value of `best` (-Infinity when no package qualifies). */
  value: number;
  /** No package scores above this: the largest bound of any pruned subtree, or `value`. */
  upperBound: number;
  /** The root relaxation's bound. */
  rootBound: number;
  nodes: number;
  relaxations: number;
}

export interface SearchResult {
  best?: Candidate;
  certificate: OptimalityCertificate;
}

/**
 * The bookkeeping both exact searches (branch-and-bound.ts, maxmin-search.ts) share: the best
 * package met so far under the shared tie-break, the largest bound of anything pruned, the node
 * budget, and the certificate they add up to. One per search run.
 */
export class Incumbent {
  best: Candidate | undefined;
  /** The largest bound of any pruned subtree or option. */
  prunedBound = -Infinity;
  nodes = 0;
  relaxations = 0;
  /** Set once the node or time budget is spent: the result is then not certified. */
  aborted = false;
  private readonly nodeLimit: number;
  private readonly deadline: number;

  constructor(
    private readonly domain: NegotiationDomain,
    private readonly objective: SearchObjective,
    options: SearchOptions,
  ) {
    this.nodeLimit = options.nodeLimit ?? 5e7;
    this.deadline = deadlineOf(options);
    // A search that starts after its analysis's deadline (one of several sharing it) stops at once.
    this.aborted = Date.now() > this.deadline;
  }

  /** Evaluates a package and keeps it if it beats the incumbent. */
  offer(outcome: Outcome): void {
    const utilities = utilitiesOf(this.domain, outcome);
    const value = objectiveValue(this.domain, this.objective, outcome, utilities);
    if (value === -Infinity) return;
    const candidate = { outcome, utilities, value };
    if (beats(candidate, this.best)) this.best = candidate;
  }

  /**
   * Bounds below this line cannot beat the incumbent. It sits a few tie tolerances under its
   * value, so subtrees that could only tie are still explored (ties are broken by `beats`).
   */
  pruneLine(): number {
    const v = this.best?.value;
    if (v === undefined) return -Infinity;
    return v - 4 * TIE_TOLERANCE * Math.max(1, Math.abs(v));
  }

  /** Records the bound of something pruned: the certificate's upper bound is the largest. */
  pruned(bound: number): void {
    this.prunedBound = Math.max(this.prunedBound, bound);
  }

  /** Counts a node; false once the search is over budget (or was already stopped). */
  visit(): boolean {
    if (this.aborted) return false;
    if (++this.nodes > this.nodeLimit || (this.nodes % CLOCK_EVERY === 0 && Date.now() > this.deadline)) {
      this.aborted = true;
      return false;
    }
    return true;
  }

  /** What the finished (or aborted) search proves. */
  result(rootBound: number): SearchResult {
    const value = this.best?.value ?? -Infinity;
    return {
      best: this.best,
      certificate: {
        proven: !this.aborted,
        value,
        // An aborted search has only the root's bound; a finished one, the best bound it pruned.
        upperBound: this.aborted ? Math.max(value, rootBound) : Math.max(value, this.prunedBound),
        rootBound: Math.max(rootBound, value),
        nodes: this.nodes,
        relaxations: this.relaxations,
      },
    };
  }
}
