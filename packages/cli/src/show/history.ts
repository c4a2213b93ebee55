import { issueHistory } from '@parley/core/chronology/issue-history.ts';
import { caseParties } from '@parley/core/chronology/positions-at.ts';
import { contestedLookup } from './contested-json.ts';
import { standingJson, standingRows, type StandingJson } from './standing.ts';
import { renderTable } from './table.ts';
import type { View } from './view.ts';

export interface HistoryJson {
  view: 'history';
  case: string;
  issue: string;
  parties: string[];
  /** The standing after each dated move, oldest first. */
  steps: Array<{ date: string } & StandingJson>;
}

/** How the parties' positions on one issue moved over time (`show <case> history --issue <id>`). */
export const historyView: View<HistoryJson> = {
  build(c, { issue }) {
    const parties = caseParties(c);
    const contested = contestedLookup(c);
    return {
      view: 'history',
      case: c.meta.id,
      issue: issue ?? '',
      parties,
      steps: issueHistory(c, parties, issue ?? '').map((step) => ({
        date: step.date,
        ...standingJson(step.standing, contested),
      })),
    };
  },
  render(data) {
    if (data.steps.length === 0) return `No positions on "${data.issue}".`;
    const first = data.steps[0]!;
    return (
      `${first.title} (${data.issue}): the standing after each move, oldest first\n` +
      renderTable(
        ['as of', 'party', 'position', 'since', 'status', 'notes / sources'],
        data.steps.flatMap((step) => standingRows(step.date, step)),
      )
    );
  },
};
