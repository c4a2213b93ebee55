import { parseEdtf, type EdtfPrecision } from '@parley/model/edtf.ts';

/** A timeline entry as the timeline view gives it (app/views/timeline.ts), with its actors. */
export interface TimelineEntryIn {
  date: string;
  kind: 'round' | 'event';
  type: string;
  id: string;
  title: string;
}

/** One entry placed on the time axis with the precision its date really has. */
export interface TimelineMark {
  id: string;
  title: string;
  /** The EDTF text, as recorded. */
  date: string;
  /** The lane the chart draws it in: "round", or the event's type. */
  lane: string;
  kind: 'round' | 'event';
  /** The first and the day after the last day the date may denote (UTC midnights). */
  start: Date;
  end: Date;
  precision: EdtfPrecision;
  /** A single known day: drawn as a point; anything else is a span. */
  point: boolean;
  /** `?`, `~` or `%`: drawn hollow or dashed, never as a firm mark. */
  hedged: boolean;
  /** An interval without a recorded end (`2022-03-29/..`): drawn to the axis's end, marked open. */
  openEnd: boolean;
  openStart: boolean;
  actors: string[];
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const nextDay = (iso: string) => new Date(day(iso).getTime() + 86_400_000);

/**
 * Places the entries on one time axis: a day-precise date is a point, a month, a year or an
 * interval a span over every day it may denote; open interval ends reach the other entries' edge.
 */
export function timelineMarks(
  entries: readonly TimelineEntryIn[],
  actorsOf: (entry: TimelineEntryIn) => string[] = () => [],
): TimelineMark[] {
  const dates = entries.map((e) => parseEdtf(e.date));
  const known = dates.flatMap((d) => [d.earliest, d.latest]).filter((d) => /^\d/.test(d));
  const first = known.reduce((a, b) => (b < a ? b : a), known[0] ?? '1970-01-01');
  const last = known.reduce((a, b) => (b > a ? b : a), known[0] ?? '1970-01-01');
  return entries.map((entry, i) => {
    const d = dates[i]!;
    const openStart = !/^\d/.test(d.earliest);
    const openEnd = !/^\d/.test(d.latest);
    return {
      id: entry.id,
      title: entry.title,
      date: entry.date,
      lane: entry.kind === 'round' ? 'round' : entry.type,
      kind: entry.kind,
      start: day(openStart ? first : d.earliest),
      end: nextDay(openEnd ? last : d.latest),
      precision: d.precision,
      point: d.precision === 'day',
      hedged: d.uncertain || d.approximate,
      openEnd,
      openStart,
      actors: actorsOf(entry),
    };
  });
}

/** How a date's precision reads in the details: "approximate month", "interval, open end". */
export function describePrecision(m: TimelineMark): string {
  const words: string[] = [];
  if (m.hedged) words.push(m.date.includes('~') ? 'approximate' : 'uncertain');
  words.push(m.precision === 'day' ? 'day' : m.precision);
  if (m.openStart) words.push('open start');
  if (m.openEnd) words.push('open end');
  return words.join(', ');
}
