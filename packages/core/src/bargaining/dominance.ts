import type { NegotiationDomain } from './outcome-space.ts';
import { nondominatedWithin } from './pareto.ts';

/** Four or more stakeholders: pairwise tests spent on pruning one issue before keeping all its options. */
const PRUNING_COMPARISONS = 10_000_000;

/**
 * Options of one issue that no other option of it matches or beats for every stakeholder (of
 * two identical options the first is kept). Swapping a dominated option for its dominator never
 * lowers any stakeholder's utility, so the swap keeps every objective value and reservation value
 * and wins the tie-break (larger utilities first, then smaller indices): a best package never
 * needs a dominated option. Not for issues that trigger obligations, where the option also
 * decides who must sign.
 *
 * The options' score vectors are sorted and swept once (see nondominated), not compared pairwise:
 * an integer issue with 100,000 values costs a sort, not 10^10 comparisons. The result keeps the
 * order of `all`. With four or more stakeholders, an issue whose sweep would need more than
 * PRUNING_COMPARISONS pairwise tests keeps all its options.
 */
export function undominatedOptions(domain: NegotiationDomain, issue: number, all: number[]): number[] {
  const { stakeholders } = domain;
  const dims = stakeholders.length;
  if (dims === 0) return all.slice(0, 1);
  const points = new Float64Array(all.length * dims);
  all.forEach((j, k) => {
    for (let q = 0; q < dims; q++) points[k * dims + q] = stakeholders[q]!.scores[issue]![j]!;
  });
  // nondominated keeps the first (here: lowest position in `all`) of identical vectors.
  // Pruning only speeds the search up, so when it would cost too much every option stays.
  const swept = nondominatedWithin(points, all.length, dims, PRUNING_COMPARISONS);
  if (swept === null) return all;
  return swept.kept.sort((a, b) => a - b).map((k) => all[k]!);
}
