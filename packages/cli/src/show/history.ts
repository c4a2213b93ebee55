import type { HistoryJson } from '@parley/app/views/history.ts';
import { standingRows } from './standing.ts';
import { renderTable } from './table.ts';

export function renderHistory(data: HistoryJson): string {
  if (data.steps.length === 0) return `No positions on "${data.issue}".`;
  const first = data.steps[0]!;
  return (
    `${first.title} (${data.issue}): the standing after each move, oldest first\n` +
    renderTable(
      ['as of', 'party', 'position', 'since', 'status', 'notes / sources'],
      data.steps.flatMap((step) => standingRows(step.date, step)),
    )
  );
}
