import { agreementSet } from './agreement.ts';
import type { CaseIssue } from './case-model.ts';
import { partyIndices, type NegotiationDomain, type Outcome } from './outcome-space.ts';

/**
 * The zone of possible agreement on one number issue (e.g. a troop ceiling).
 *
 * - Each party's acceptable values, ceteris paribus: with every other issue as in a reference
 *   package (the parties' most balanced package), the values of this issue that still give the
 *   party its reservation value. This is the textbook single-issue range, derived from the model.
 * - overlap: values every party accepts in that sense (the classic ZOPA).
 * - jointPartiesOnly / joint: the values x for which some whole package with the issue at x
 *   satisfies both parties / every required signatory (guarantors included) — exact, by
 *   branch-and-bound, with every other issue free to move.
 */

export interface IssueZopa {
  issue: string;
  unit?: string;
  grid: number[];
  parties: { id: string; acceptable: number[]; range: [number, number] | null }[];
  overlap: number[];
  jointPartiesOnly: number[];
  joint: number[];
}

export function zopaFor(
  domain: NegotiationDomain,
  partiesDomain: NegotiationDomain,
  issues: CaseIssue[],
  issueIndex: number,
  reference: Outcome,
): IssueZopa {
  const issue = issues[issueIndex]!;
  const grid = issue.values ?? [];
  const parties = partyIndices(domain).map((p) => {
    const s = domain.stakeholders[p]!;
    let rest = 0;
    s.scores.forEach((row, i) => {
      if (i !== issueIndex) rest += row[reference[i]!]!;
    });
    const acceptable = grid.filter((_, k) => rest + s.scores[issueIndex]![k]! >= s.reservationValue);
    return { id: s.id, acceptable, range: bounds(acceptable) };
  });
  const overlap = grid.filter((x) => parties.every((p) => p.acceptable.includes(x)));
  const feasibleWith = (d: NegotiationDomain) =>
    grid.filter((_, k) => agreementSet(d, { fixed: new Map([[issueIndex, k]]) }).open);
  return {
    issue: issue.id,
    unit: issue.unit,
    grid,
    parties,
    overlap,
    jointPartiesOnly: feasibleWith(partiesDomain),
    joint: feasibleWith(domain),
  };
}

function bounds(values: number[]): [number, number] | null {
  return values.length ? [Math.min(...values), Math.max(...values)] : null;
}
