import { beats, objectiveValue, type Candidate, type SearchObjective } from './objectives.ts';
import { outcomeCount, partyIndices, type NegotiationDomain, type Outcome } from './outcome-space.ts';
import { nondominated } from './pareto.ts';

/**
 * The exhaustive baseline every research tool uses today: visit every package. Parley's engines
 * never call this; tests and the benchmark compare against it. Utilities are accumulated in issue
 * order, bit-for-bit as utilitiesOf computes them.
 */

export interface EnumerationResult {
  visited: number;
  best: (Candidate | undefined)[];
  /** Distinct non-dominated party-utility vectors (only when `frontier` was asked for). */
  frontier?: number[][];
}

export function enumerateOutcomes(
  domain: NegotiationDomain,
  objectives: SearchObjective[],
  options: { frontier?: boolean; limit?: number } = {},
): EnumerationResult {
  const total = outcomeCount(domain);
  const limit = options.limit ?? Infinity;
  const n = domain.issues.length;
  const dims = domain.stakeholders.length;
  const players = partyIndices(domain);
  const sizes = domain.issues.map((issue) => issue.options.length);
  const prefix = new Float64Array((n + 1) * dims);
  const outcome: Outcome = new Array(n).fill(0);
  const best: (Candidate | undefined)[] = objectives.map(() => undefined);
  let buffer: number[] = [];
  let frontier: number[][] = [];
  const flush = () => {
    const all = [...frontier.flat(), ...buffer];
    const k = all.length / players.length;
    const kept = nondominated(Float64Array.from(all), k, players.length);
    frontier = kept.map((index) => all.slice(index * players.length, (index + 1) * players.length));
    buffer = [];
  };
  const recompute = (from: number) => {
    for (let i = from; i < n; i++) {
      for (let q = 0; q < dims; q++)
        prefix[(i + 1) * dims + q] = prefix[i * dims + q]! + domain.stakeholders[q]!.scores[i]![outcome[i]!]!;
    }
  };
  recompute(0);
  let visited = 0;
  const visits = Math.min(total, limit);
  while (visited < visits) {
    visited++;
    const utilities = prefix.subarray(n * dims, (n + 1) * dims);
    for (let o = 0; o < objectives.length; o++) {
      const value = objectiveValue(domain, objectives[o]!, outcome, utilities);
      if (value === -Infinity) continue;
      const incumbent = best[o];
      // Only a value within the tie tolerance of the incumbent can beat it: skip the rest cheaply.
      if (incumbent && value < incumbent.value - 1e-9 * Math.max(1, Math.abs(value))) continue;
      const candidate = { outcome: [...outcome], utilities: Array.from(utilities), value };
      if (beats(candidate, incumbent)) best[o] = candidate;
    }
    if (options.frontier) {
      for (const p of players) buffer.push(utilities[p]!);
      if (buffer.length > 200_000 * players.length + 2 * frontier.length * players.length) flush();
    }
    // Odometer: advance the last issue first.
    let i = n - 1;
    while (i >= 0 && outcome[i] === sizes[i]! - 1) {
      outcome[i] = 0;
      i--;
    }
    if (i < 0) break;
    outcome[i]!++;
    recompute(i);
  }
  if (options.frontier) flush();
  return { visited, best, frontier: options.frontier ? frontier : undefined };
}
