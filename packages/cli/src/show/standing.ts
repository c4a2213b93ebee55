import type { StandingJson } from '@parley/app/views/standing.ts';
import type { PositionValue } from '@parley/model/schema/positions.ts';
import { contestedText } from './contested.ts';

function show(value: PositionValue | undefined, range?: { min?: number; max?: number }): string {
  if (range)
    return `${range.min ?? '…'}–${range.max ?? '…'}${value !== undefined ? ` (${show(value)})` : ''}`;
  if (value === undefined) return '—';
  if (Array.isArray(value)) return value.join(', ');
  return typeof value === 'number' ? value.toLocaleString('en-US') : String(value);
}

/** Table rows for one standing, led by `label`: one per party, then the gap row. */
export function standingRows(label: string, s: StandingJson): string[][] {
  const rows = s.positions.map((p) => [
    label,
    p.party,
    (p.status === 'rejected' ? 'rejects: ' : '') +
      show(p.value, p.range) +
      (s.unit && typeof p.value === 'number' ? ` ${s.unit}` : ''),
    p.date,
    `${p.status}, ${p.confidence}`,
    [contestedText(p.contested), `[${p.sources.join(', ')}]`].filter(Boolean).join(' '),
  ]);
  if (s.gap) {
    const n = (x: number) => x.toLocaleString('en-US');
    rows.push([
      label,
      'gap',
      `${n(s.gap.value)} ${s.gap.unit}`,
      '',
      '',
      `${s.gap.low.party} ${n(s.gap.low.value)} vs ${s.gap.high.party} ${n(s.gap.high.value)}`,
    ]);
  }
  return rows;
}
