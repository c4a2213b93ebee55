import type { Case } from '@parley/model/case.ts';
import { compareEdtf, parseEdtf } from '@parley/model/edtf.ts';

export interface TimelineEntry {
  date: string;
  kind: 'round' | 'event';
  /** The round's format, or the event's kind. */
  type: string;
  id: string;
  title: string;
  contestedBy: string[];
}

/** Rounds and outside events on one chronological line (EDTF order, then rounds first). */
export function timeline(c: Case): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...c.rounds.map((r) => ({
      date: r.date,
      kind: 'round' as const,
      type: r.format,
      id: r.id,
      title: r.name,
      contestedBy: r.contestedBy ?? [],
    })),
    ...c.events.map((e) => ({
      date: e.date,
      kind: 'event' as const,
      type: e.kind,
      id: e.id,
      title: e.title,
      contestedBy: e.contestedBy ?? [],
    })),
  ];
  return entries
    .map((entry, order) => ({ entry, order, date: parseEdtf(entry.date) }))
    .sort(
      (a, b) =>
        compareEdtf(a.date, b.date) ||
        (a.entry.kind === b.entry.kind ? a.order - b.order : a.entry.kind === 'round' ? -1 : 1),
    )
    .map((x) => x.entry);
}
