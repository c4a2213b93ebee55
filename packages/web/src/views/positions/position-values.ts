import type { StandingJson } from '@parley/app/views/standing.ts';
import { parseEdtf } from '@parley/model/edtf.ts';
import { grouped } from '../../format/grouped.ts';

type Position = StandingJson['positions'][number];

/** A position's value as a reader says it: "85,000 troops", "yes", "uk, cn, ru", "50,000–100,000". */
export function positionText(p: Position, unit: string | undefined): string {
  const withUnit = (text: string) => (unit ? `${text} ${unit}` : text);
  if (p.value === undefined) {
    if (!p.range) return '—';
    const { min, max } = p.range;
    const n = (x: number | undefined) => (x === undefined ? '…' : grouped(x));
    return withUnit(`${n(min)}–${n(max)}`);
  }
  const v = p.value as unknown;
  if (typeof v === 'number') return withUnit(grouped(v));
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (Array.isArray(v)) return v.join(', ');
  return String(v);
}

/** Every numeric position of an issue's history, one row per step and party (on the step's first day), for the gap chart. */
export function numericSeries(
  steps: ReadonlyArray<{ date: string } & StandingJson>,
): Array<{ date: Date; day: string; party: string; value: number }> {
  return steps.flatMap((s) =>
    s.positions.flatMap((p) =>
      typeof p.value === 'number'
        ? [
            {
              date: new Date(`${parseEdtf(s.date).earliest}T00:00:00Z`),
              day: s.date,
              party: p.party,
              value: p.value,
            },
          ]
        : [],
    ),
  );
}

/** The days from `first` to `last` (YYYY-MM-DD), for the date slider. */
export function daysBetween(first: string, last: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse(`${last}T00:00:00Z`); t += 86_400_000)
    days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}
