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
    /** The event's description, or the round's outcome; null when the record has none. */
    description: string | null;
    sources: string[];
    contested: ContestedNote[];
  }>;
}

/** Rounds and events interleaved in date order, with the contested marks. */
export function timelineView(c: Case): TimelineJson {
  const contested = contestedLookup(c);
  const rounds = new Map(c.rounds.map((r) => [r.id, r]));
  const events = new Map(c.events.map((e) => [e.id, e]));
  return {
    view: 'timeline',
    case: c.meta.id,
    entries: timeline(c).map(({ contestedBy, ...entry }) => {
      const round = entry.kind === 'round' ? rounds.get(entry.id) : undefined;
      const event = entry.kind === 'event' ? events.get(entry.id) : undefined;
      return {
        ...entry,
        description: round?.outcome ?? event?.description ?? null,
        sources: round?.sources ?? event?.sources ?? [],
        contested: contested(contestedBy),
      };
    }),
  };
}
