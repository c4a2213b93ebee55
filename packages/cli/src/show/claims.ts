import type { ClaimsJson } from '@parley/app/views/claims.ts';
import type { MatrixCell } from '@parley/core/evidence/claim-matrix.ts';
import type { Claim } from '@parley/model/schema/claims.ts';
import { renderTable } from './table.ts';

function claimLine(cl: Claim): string {
  const value = cl.value !== undefined ? ` [${cl.value}]` : '';
  const quote = cl.quote ? ` — "${cl.quote}"` : '';
  return `    ${[cl.claimant, ...(cl.with ?? [])].join(' & ')} (${cl.asserted})${value}: ${cl.summary}${quote} [${cl.sources.join(', ')}]`;
}

export function renderClaims(data: ClaimsJson): string {
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
}
