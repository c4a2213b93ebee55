import type { TimelineJson } from '@parley/app/views/timeline.ts';
import { contestedText } from './contested.ts';
import { wrap } from '../wrap.ts';

/** The width the timeline's text wraps to: readable in an 80-column terminal and up. */
const WIDTH = 80;
const INDENT = '    ';

/**
 * One block per round or event, in date order: a heading line (date, kind, type, id), then the
 * title, the description (a round's outcome) wrapped, the sources and any contested mark.
 */
export function renderTimeline(data: TimelineJson): string {
  return data.entries
    .map((e) =>
      [
        `${e.date}  ${e.kind} · ${e.type}  ${e.id}`,
        ...wrap(e.title, WIDTH, INDENT),
        ...(e.description ? wrap(e.description, WIDTH, `${INDENT}  `) : []),
        ...(e.sources.length ? [`${INDENT}  sources: ${e.sources.join(', ')}`] : []),
        ...e.contested.flatMap((n) => wrap(contestedText([n]), WIDTH, `${INDENT}  `)),
      ].join('\n'),
    )
    .join('\n\n');
}
