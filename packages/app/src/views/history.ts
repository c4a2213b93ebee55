import type { Case } from '@parley/model/case.ts';
import { ParleyError } from '@parley/model/errors.ts';
import { issueHistory } from '@parley/core/chronology/issue-history.ts';
import { caseParties } from '@parley/core/chronology/positions-at.ts';
import { contestedLookup } from './contested.ts';
import { standingJson, type StandingJson } from './standing.ts';

export interface HistoryJson {
  view: 'history';
  case: string;
  issue: string;
  parties: string[];
  /** The standing after each dated move, oldest first. */
  steps: Array<{ date: string } & StandingJson>;
}

export interface HistoryInput {
  /** The issue whose positions to follow over time: one of the case's issues. */
  issue: string;
  /** Where the shell lists the issues, for the message on an unknown one; else the ids are listed. */
  seeIssues?: string | undefined;
}

/** How the parties' positions on one issue moved over time. */
export function historyView(c: Case, { issue, seeIssues }: HistoryInput): HistoryJson {
  if (!c.issues.some((i) => i.id === issue)) {
    const known = seeIssues ? `see ${seeIssues}` : `issues: ${c.issues.map((i) => i.id).join(', ')}`;
    throw new ParleyError('unknown-id', `unknown issue "${issue}"; ${known}`);
  }
  const parties = caseParties(c);
  const contested = contestedLookup(c);
  return {
    view: 'history',
    case: c.meta.id,
    issue,
    parties,
    steps: issueHistory(c, parties, issue).map((step) => ({
      date: step.date,
      ...standingJson(step.standing, contested),
    })),
  };
}
