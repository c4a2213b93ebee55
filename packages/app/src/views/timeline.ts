import type { Case } from '@parley/model/case.ts';
import { timeline } from '@parley/core/chronology/timeline.ts';
import { contestedLookup, type ContestedNote } from './contested.ts';

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

/** Rounds and events interleaved in date order, with the contested marks. */
export function timelineView(c: Case): TimelineJson {
  const contested = contestedLookup(c);
  return {
    view: 'timeline',
    case: c.meta.id,
    entries: timeline(c).map(({ contestedBy, ...entry }) => ({
      ...entry,
      contested: contested(contestedBy),
    })),
  };
}
