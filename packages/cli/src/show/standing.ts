import type { IssueStanding } from '@parley/core/chronology/positions-at.ts';
import type { PositionValue } from '@parley/model/schema/positions.ts';
import { contestedText, type ContestedNote } from './contested-json.ts';

/** One issue's standing as JSON: each party's latest position and, for numbers, the gap. */
export interface StandingJson {
  issue: string;
  title: string;
  kind: string;
  category: string;
  unit?: string;
  positions: Array<{
    party: string;
    id: string;
    date: string;
    value?: PositionValue;
    range?: { min?: number; max?: number };
    redLine?: unknown;
    status: string;
    confidence: string;
    document?: string;
    note?: string;
    sources: string[];
    contested: ContestedNote[];
  }>;
  gap?: {
    value: number;
    unit: string;
    low: { party: string; value: number };
    high: { party: string; value: number };
  };
}

export function standingJson(
  { issue, positions, gap }: IssueStanding,
  contested: (ids: string[] | undefined) => ContestedNote[],
): StandingJson {
  return {
    issue: issue.id,
    title: issue.title,
    kind: issue.kind,
    category: issue.category,
    ...(issue.unit ? { unit: issue.unit } : {}),
    positions: positions.map((p) => ({
      party: p.party,
      id: p.id,
      date: p.date,
      ...(p.value !== undefined ? { value: p.value } : {}),
      ...(p.range ? { range: p.range } : {}),
      ...(p.redLine !== undefined ? { redLine: p.redLine } : {}),
      status: p.status,
      confidence: p.confidence,
      ...(p.document ? { document: p.document } : {}),
      ...(p.note ? { note: p.note } : {}),
      sources: p.sources,
      contested: contested(p.contestedBy),
    })),
    ...(gap ? { gap: { value: gap.gap, unit: gap.unit, low: gap.low, high: gap.high } } : {}),
  };
}

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
