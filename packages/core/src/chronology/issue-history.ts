import type { Case } from '@parley/model/case.ts';
import { compareEdtf, parseEdtf } from '@parley/model/edtf.ts';
import { positionsAt, type IssueStanding } from './positions-at.ts';

export interface HistoryStep {
  /** The date of the position(s) that changed the standing. */
  date: string;
  standing: IssueStanding;
}

/**
 * How the parties' positions on one issue moved over time: the standing (each party's latest
 * position, and for numbers the gap) after each dated position, in EDTF order. Dates that
 * change nobody's latest position are left out.
 */
export function issueHistory(c: Case, parties: string[], issueId: string): HistoryStep[] {
  const dates = [
    ...new Set(
      c.positions.filter((p) => p.issue === issueId && parties.includes(p.party)).map((p) => p.date),
    ),
  ].sort((a, b) => compareEdtf(parseEdtf(a), parseEdtf(b)));
  const steps: HistoryStep[] = [];
  let previous = '';
  for (const date of dates) {
    const standing = positionsAt(c, parties, date).find((s) => s.issue.id === issueId);
    if (!standing) continue;
    const key = standing.positions.map((p) => p.id).join(',');
    if (key === previous) continue;
    previous = key;
    steps.push({ date, standing });
  }
  return steps;
}
