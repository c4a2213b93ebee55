import { timeline } from '@parley/core/chronology/timeline.ts';
import { contestedLookup, contestedText, type ContestedNote } from './contested-json.ts';
import { renderTable } from './table.ts';
import type { View } from './view.ts';

export interface TimelineJson {
  view: 'timeline';
  case: string;
  entries: Array<{
    date: string;
    kind: 'round' | 'event';
    type: string;
    id: string;
    title: string;
    contested: ContestedNote[];
  }>;
}

export const timelineView: View<TimelineJson> = {
  build(c) {
    const contested = contestedLookup(c);
    return {
      view: 'timeline',
      case: c.meta.id,
      entries: timeline(c).map(({ contestedBy, ...entry }) => ({
        ...entry,
        contested: contested(contestedBy),
      })),
    };
  },
  render(data) {
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
  },
};
