import type { Case } from '@parley/model/case.ts';
import { propositionStandings, type PropositionStanding } from '@parley/core/evidence/contested.ts';
import { basisOf, type ClaimBasis } from '@parley/model/schema/claims.ts';

/** A contested proposition as it marks a record in a view: what is disputed and who says what. */
export interface ContestedNote {
  proposition: string;
  statement: string;
  values: Array<string | number>;
  claims: Array<{
    id: string;
    claimant: string;
    with?: string[];
    stance: string;
    value?: string | number;
    sources: string[];
    /** Present (`inferred`) only when the analyst infers the claim; absent for a stated claim. */
    basis?: Extract<ClaimBasis, 'inferred'>;
    /** The analyst's reasoning, for an inferred claim. */
    reasoning?: string;
  }>;
}

/** Looks up how contested propositions stand, for marking records in every view. */
export function contestedLookup(c: Case): (ids: string[] | undefined) => ContestedNote[] {
  const byId = new Map<string, PropositionStanding>(
    propositionStandings(c).map((s) => [s.proposition.id, s]),
  );
  return (ids) =>
    (ids ?? []).flatMap((id) => {
      const s = byId.get(id);
      if (!s?.contested) return [];
      return [
        {
          proposition: id,
          statement: s.proposition.statement,
          values: s.values,
          claims: [...s.supporting, ...s.disputing].map((cl) => ({
            id: cl.id,
            claimant: cl.claimant,
            ...(cl.with ? { with: cl.with } : {}),
            stance: cl.stance,
            ...(cl.value !== undefined ? { value: cl.value } : {}),
            sources: cl.sources,
            ...(basisOf(cl) === 'inferred'
              ? {
                  basis: 'inferred' as const,
                  ...(cl.reasoning !== undefined ? { reasoning: cl.reasoning } : {}),
                }
              : {}),
          })),
        },
      ];
    });
}
