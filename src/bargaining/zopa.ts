import { agreementSet } from './agreement.ts';
import type { CaseIssue } from './case-model.ts';
import { partyIndices, type NegotiationDomain } from './outcome-space.ts';

/**
 * The zone of possible agreement on one number issue (e.g. a troop ceiling).
 *
 * - A party's acceptable values: those x for which some package with the issue at x still gives
 *   the party its reservation value (every other issue settled in its favour). This is the
 *   textbook single-issue range, derived from the model rather than asserted.
 * - The overlap of the parties' ranges: the classic ZOPA (a necessary condition).
 * - The joint ZOPA: the values x for which the whole agreement set (every required signatory,
 *   guarantors included) is non-empty with the issue fixed at x — exact, by branch-and-bound.
 */

export interface IssueZopa {
  issue: string;
  unit?: string;
  grid: number[];
  parties: { id: string; acceptable: number[]; range: [number, number] | null }[];
  overlap: number[];
  joint: number[];
}

export function zopaFor(domain: NegotiationDomain, issues: CaseIssue[], issueIndex: number): IssueZopa {
  const issue = issues[issueIndex]!;
  const grid = issue.values ?? [];
  const parties = partyIndices(domain).map((p) => {
    const s = domain.stakeholders[p]!;
    let rest = 0;
    s.scores.forEach((row, i) => {
      if (i !== issueIndex) rest += Math.max(...row);
    });
    const acceptable = grid.filter((_, k) => rest + s.scores[issueIndex]![k]! >= s.reservationValue - 1e-12);
    return { id: s.id, acceptable, range: bounds(acceptable) };
  });
  const overlap = grid.filter((x) => parties.every((p) => p.acceptable.includes(x)));
  const joint = grid.filter((_, k) => agreementSet(domain, { fixed: new Map([[issueIndex, k]]) }).open);
  return { issue: issue.id, unit: issue.unit, grid, parties, overlap, joint };
}

function bounds(values: number[]): [number, number] | null {
  return values.length ? [Math.min(...values), Math.max(...values)] : null;
}
