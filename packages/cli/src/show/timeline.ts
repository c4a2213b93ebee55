import type { TimelineJson } from '@parley/app/views/timeline.ts';
import { contestedText } from './contested.ts';
import { renderTable } from './table.ts';

export function renderTimeline(data: TimelineJson): string {
  return renderTable(
    ['date', 'kind', 'type', 'id', 'what'],
    data.entries.map((e) => [
      e.date,
      e.kind,
      e.type,
      e.id,
      [e.title, contestedText(e.contested)].filter(Boolean).join(' '),
    ]),
  );
}
