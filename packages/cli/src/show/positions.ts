import type { PositionsJson } from '@parley/app/views/positions.ts';
import { asOfNote } from '@parley/app/inputs/fields.ts';
import { standingRows } from './standing.ts';
import { renderTable } from './table.ts';

export function renderPositions(data: PositionsJson): string {
  return (
    `Positions as of ${data.day}${asOfNote(data.at, data.day)} (latest per party; parties: ${data.parties.join(', ')})\n` +
    renderTable(
      ['issue', 'party', 'position', 'since', 'status', 'notes / sources'],
      data.issues.flatMap((issue) => standingRows(issue.issue, issue)),
    )
  );
}
