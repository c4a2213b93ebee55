import type { Case } from '@parley/model/case.ts';
import type { Claim, Proposition } from '@parley/model/schema/claims.ts';

export interface PropositionStanding {
  proposition: Proposition;
  supporting: Claim[];
  disputing: Claim[];
  /** The distinct values the claims give, for value questions (a date, a figure). */
  values: Array<string | number>;
  /** Claims on both sides, or claims giving different values. */
  contested: boolean;
}

/** How each proposition stands: who supports it, who disputes it, and whether it is contested. */
export function propositionStandings(c: Case): PropositionStanding[] {
  return c.propositions.map((proposition) => {
    const claims = c.claims.filter((cl) => cl.proposition === proposition.id);
    const supporting = claims.filter((cl) => cl.stance === 'supports');
    const disputing = claims.filter((cl) => cl.stance === 'disputes');
    const values = [...new Set(claims.flatMap((cl) => (cl.value === undefined ? [] : [cl.value])))];
    const contested = (supporting.length > 0 && disputing.length > 0) || values.length > 1;
    return { proposition, supporting, disputing, values, contested };
  });
}

export function contestedPropositionIds(c: Case): Set<string> {
  return new Set(
    propositionStandings(c)
      .filter((s) => s.contested)
      .map((s) => s.proposition.id),
  );
}

/**
 * The contested propositions among those a record points at. A record marked `contestedBy` a
 * proposition that turns out uncontested is shown plainly: the claims decide, not the marker.
 */
export function contestedMarks(contestedBy: string[] | undefined, contested: Set<string>): string[] {
  return (contestedBy ?? []).filter((id) => contested.has(id));
}
