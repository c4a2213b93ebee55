import { caseParties, positionsAt } from '../../case/positions-at.ts';
import type { PositionValue } from '../../case/schema/positions.ts';
import { contestedLookup, contestedText, type ContestedNote } from './contested-json.ts';
import { renderTable } from './table.ts';
import type { View } from './view.ts';

export interface PositionsJson {
  view: 'positions';
  case: string;
  at: string;
  parties: string[];
  issues: Array<{
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
  }>;
}

function show(value: PositionValue | undefined, range?: { min?: number; max?: number }): string {
  if (range)
    return `${range.min ?? '…'}–${range.max ?? '…'}${value !== undefined ? ` (${show(value)})` : ''}`;
  if (value === undefined) return '—';
  if (Array.isArray(value)) return value.join(', ');
  return typeof value === 'number' ? value.toLocaleString('en-US') : String(value);
}

export const positionsView: View<PositionsJson> = {
  build(c, { at }) {
    const when = at ?? c.meta.asOf ?? c.meta.period;
    const parties = caseParties(c);
    const contested = contestedLookup(c);
    const standings = positionsAt(c, parties, when);
    return {
      view: 'positions',
      case: c.meta.id,
      at: when,
      parties,
      issues: standings
        .filter((s) => s.positions.length > 0)
        .map(({ issue, positions, gap }) => ({
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
        })),
    };
  },
  render(data) {
    const rows = data.issues.flatMap((issue) => {
      const lines = issue.positions.map((p) => [
        issue.issue,
        p.party,
        (p.status === 'rejected' ? 'rejects: ' : '') +
          show(p.value, p.range) +
          (issue.unit && typeof p.value === 'number' ? ` ${issue.unit}` : ''),
        p.date,
        `${p.status}, ${p.confidence}`,
        [contestedText(p.contested), `[${p.sources.join(', ')}]`].filter(Boolean).join(' '),
      ]);
      if (issue.gap) {
        lines.push([
          issue.issue,
          'gap',
          `${issue.gap.value.toLocaleString('en-US')} ${issue.gap.unit}`,
          '',
          '',
          `${issue.gap.low.party} ${issue.gap.low.value.toLocaleString('en-US')} vs ${issue.gap.high.party} ${issue.gap.high.value.toLocaleString('en-US')}`,
        ]);
      }
      return lines;
    });
    return (
      `Positions as of ${data.at} (latest per party; parties: ${data.parties.join(', ')})\n` +
      renderTable(['issue', 'party', 'position', 'since', 'status', 'notes / sources'], rows)
    );
  },
};
