import type { StandingJson } from '@parley/app/views/standing.ts';
import type { PositionValue } from '@parley/model/schema/positions.ts';
import { contestedText } from './contested.ts';

const n = (x: number) => x.toLocaleString('en-US');

/** A position as the table prints it: a range and a number carry the issue's unit. */
function show(
  value: PositionValue | undefined,
  range: { min?: number; max?: number } | undefined,
  unit: string,
): string {
  const u = unit ? ` ${unit}` : '';
  if (range) {
    const span = `${range.min !== undefined ? n(range.min) : '…'}–${range.max !== undefined ? n(range.max) : '…'}${u}`;
    return value !== undefined ? `${span} (${show(value, undefined, '')})` : span;
  }
  if (value === undefined) return '—';
  if (Array.isArray(value)) return value.join(', ');
  return typeof value === 'number' ? `${n(value)}${u}` : String(value);
}

/**
 * The notes of the gap row: the two ends the gap is measured between (the nearest ends of the
 * parties' ranges), or the values the ranges share when they overlap.
 */
function gapNote({ low, high, unit }: NonNullable<StandingJson['gap']>): string {
  if (low.value > high.value)
    return `ranges overlap on ${n(high.value)}–${n(low.value)}${unit ? ` ${unit}` : ''}`;
  return `${low.party} ${n(low.value)} vs ${high.party} ${n(high.value)}`;
}

/** Table rows for one standing, led by `label`: one per party, then the gap row. */
export function standingRows(label: string, s: StandingJson): string[][] {
  const rows = s.positions.map((p) => [
    label,
    p.party,
    (p.status === 'rejected' ? 'rejects: ' : '') + show(p.value, p.range, s.unit ?? ''),
    p.date,
    `${p.status}, ${p.confidence}`,
    [contestedText(p.contested), `[${p.sources.join(', ')}]`].filter(Boolean).join(' '),
  ]);
  if (s.gap) rows.push([label, 'gap', `${n(s.gap.value)} ${s.gap.unit}`, '', '', gapNote(s.gap)]);
  return rows;
}
