import type { NegotiationDomain } from './outcome-space.ts';

/**
 * Options of one issue that no other option of it matches or beats for every stakeholder (of
 * two identical options the first is kept). Swapping a dominated option for its dominator never
 * lowers any stakeholder's utility, so the swap keeps every objective value and reservation value
 * and wins the tie-break (larger utilities first, then smaller indices): a best package never
 * needs a dominated option. Not for issues that trigger obligations, where the option also
 * decides who must sign.
 */
export function undominatedOptions(domain: NegotiationDomain, issue: number, all: number[]): number[] {
  const { stakeholders } = domain;
  const score = (j: number, q: number) => stakeholders[q]!.scores[issue]![j]!;
  return all.filter(
    (j) =>
      !all.some((k) => {
        if (k === j) return false;
        let strictly = false;
        for (let q = 0; q < stakeholders.length; q++) {
          if (score(k, q) < score(j, q)) return false;
          if (score(k, q) > score(j, q)) strictly = true;
        }
        return strictly || k < j;
      }),
  );
}
