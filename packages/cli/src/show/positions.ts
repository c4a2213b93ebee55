import { caseParties, positionsAt } from '@parley/core/chronology/positions-at.ts';
import { contestedLookup } from './contested-json.ts';
import { standingJson, standingRows, type StandingJson } from './standing.ts';
import { renderTable } from './table.ts';
import type { View } from './view.ts';

export interface PositionsJson {
  view: 'positions';
  case: string;
  at: string;
  parties: string[];
  issues: StandingJson[];
}

export const positionsView: View<PositionsJson> = {
  build(c, { at }) {
    const when = at ?? c.meta.asOf ?? c.meta.period;
    const parties = caseParties(c);
    const contested = contestedLookup(c);
    return {
      view: 'positions',
      case: c.meta.id,
      at: when,
      parties,
      issues: positionsAt(c, parties, when)
        .filter((s) => s.positions.length > 0)
        .map((s) => standingJson(s, contested)),
    };
  },
  render(data) {
    return (
      `Positions as of ${data.at} (latest per party; parties: ${data.parties.join(', ')})\n` +
      renderTable(
        ['issue', 'party', 'position', 'since', 'status', 'notes / sources'],
        data.issues.flatMap((issue) => standingRows(issue.issue, issue)),
      )
    );
  },
};
