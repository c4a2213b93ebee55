import type { ClaimJson, ClaimsJson } from '@parley/app/views/claims.ts';
import type { MatrixCell } from '@parley/core/evidence/claim-matrix.ts';
import { INFERRED, inferredReasoning } from './contested.ts';
import { renderTable } from './table.ts';

function claimLine(cl: ClaimJson): string {
  const value = cl.value !== undefined ? ` [${cl.value}]` : '';
  const quote = cl.quote ? ` — "${cl.quote}"` : '';
  const who = [cl.claimant, ...(cl.with ?? [])].join(' & ');
  const line = `    ${who} (${cl.asserted})${value}: ${cl.summary}${quote} [${cl.sources.join(', ')}]`;
  if (cl.basis !== 'inferred') return line;
  // An inferred claim says so before anything else, and gives the analyst's reasoning.
  return `    ${INFERRED} ${line.trimStart()}\n      ${inferredReasoning(cl.reasoning)}`;
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
  const inferred = (who: string, id: string): boolean => data.matrixInferred[who]?.includes(id) ?? false;
  const grid = renderTable(
    ['claimant', ...ids.map((_, i) => `P${i + 1}`)],
    Object.entries(data.matrix).map(([who, row]) => [
      who,
      // A stance the analyst infers is bracketed: (−) is not the same as −.
      ...ids.map((id) => (row[id] ? (inferred(who, id) ? `(${mark[row[id]]})` : mark[row[id]]) : '')),
    ]),
  );
  const legend = ids.map((id, i) => `  P${i + 1} ${id}`).join('\n');
  const key =
    Object.keys(data.matrixInferred).length > 0
      ? '\n  (+) (−) a stance inferred by the analyst, not stated by the claimant'
      : '';
  return `Who says what on "${data.topic}" (+ supports, − disputes, ± both)\n${grid}\n${legend}${key}\n\n${details}`;
}
