import { claimMatrix, type MatrixCell } from '@parley/core/evidence/claim-matrix.ts';
import { propositionStandings } from '@parley/core/evidence/contested.ts';
import { renderTable } from './table.ts';
import type { Claim } from '@parley/model/schema/claims.ts';
import type { View } from './view.ts';

export interface ClaimsJson {
  view: 'claims';
  case: string;
  contestedOnly: boolean;
  topic?: string;
  /** Who says what: claimant → proposition → stance, over the listed propositions. */
  matrix: Record<string, Record<string, MatrixCell>>;
  propositions: Array<{
    id: string;
    statement: string;
    topic?: string;
    contested: boolean;
    values: Array<string | number>;
    supporting: Claim[];
    disputing: Claim[];
  }>;
}

function claimLine(cl: Claim): string {
  const value = cl.value !== undefined ? ` [${cl.value}]` : '';
  const quote = cl.quote ? ` — "${cl.quote}"` : '';
  return `    ${[cl.claimant, ...(cl.with ?? [])].join(' & ')} (${cl.asserted})${value}: ${cl.summary}${quote} [${cl.sources.join(', ')}]`;
}

export const claimsView: View<ClaimsJson> = {
  build(c, { contestedOnly, topic }) {
    const standings = propositionStandings(c).filter(
      (s) => (!contestedOnly || s.contested) && (topic === undefined || s.proposition.topic === topic),
    );
    return {
      view: 'claims',
      case: c.meta.id,
      contestedOnly,
      ...(topic !== undefined ? { topic } : {}),
      matrix: claimMatrix(standings).cells,
      propositions: standings.map((s) => ({
        id: s.proposition.id,
        statement: s.proposition.statement,
        ...(s.proposition.topic ? { topic: s.proposition.topic } : {}),
        contested: s.contested,
        values: s.values,
        supporting: s.supporting,
        disputing: s.disputing,
      })),
    };
  },
  render(data) {
    if (data.propositions.length === 0)
      return data.contestedOnly ? 'No contested propositions.' : 'No propositions.';
    const details = data.propositions
      .map((p) =>
        [
          `${p.contested ? '⚑ CONTESTED ' : ''}${p.id}: ${p.statement}${p.values.length > 1 ? ` (values given: ${p.values.join(' vs ')})` : ''}`,
          p.supporting.length ? '  supports:' : '',
          ...p.supporting.map(claimLine),
          p.disputing.length ? '  disputes:' : '',
          ...p.disputing.map(claimLine),
        ]
          .filter(Boolean)
          .join('\n'),
      )
      .join('\n\n');
    // With a topic, a who-says-what grid first: one row per claimant, + supports, − disputes.
    if (data.topic === undefined) return details;
    const ids = data.propositions.map((p) => p.id);
    const mark: Record<MatrixCell, string> = { supports: '+', disputes: '−', both: '±' };
    const grid = renderTable(
      ['claimant', ...ids.map((_, i) => `P${i + 1}`)],
      Object.entries(data.matrix).map(([who, row]) => [
        who,
        ...ids.map((id) => (row[id] ? mark[row[id]] : '')),
      ]),
    );
    const legend = ids.map((id, i) => `  P${i + 1} ${id}`).join('\n');
    return `Who says what on "${data.topic}" (+ supports, − disputes, ± both)\n${grid}\n${legend}\n\n${details}`;
  },
};
