import type { IssueStanding } from '@parley/core/chronology/positions-at.ts';
import type { PositionValue } from '@parley/model/schema/positions.ts';
import type { ContestedNote } from './contested.ts';

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
