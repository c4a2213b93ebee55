import { propositionStandings } from '../../evidence/contested.ts';
import type { Claim } from '../../case/schema/claims.ts';
import type { View } from './view.ts';

export interface ClaimsJson {
  view: 'claims';
  case: string;
  contestedOnly: boolean;
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
  return `    ${cl.claimant} (${cl.asserted})${value}: ${cl.summary}${quote} [${cl.sources.join(', ')}]`;
}

export const claimsView: View<ClaimsJson> = {
  build(c, { contestedOnly }) {
    const standings = propositionStandings(c).filter((s) => !contestedOnly || s.contested);
    return {
      view: 'claims',
      case: c.meta.id,
      contestedOnly,
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
    return data.propositions
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
  },
};
