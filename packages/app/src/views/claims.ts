import type { Case } from '@parley/model/case.ts';
import type { Claim } from '@parley/model/schema/claims.ts';
import { claimMatrix, type MatrixCell } from '@parley/core/evidence/claim-matrix.ts';
import { propositionStandings } from '@parley/core/evidence/contested.ts';

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

export interface ClaimsInput {
  /** Only the propositions the claims disagree on. */
  contestedOnly?: boolean | undefined;
  /** Only the propositions on this topic. */
  topic?: string | undefined;
}

/** The propositions with the claims for and against each, and who says what. */
export function claimsView(c: Case, { contestedOnly = false, topic }: ClaimsInput = {}): ClaimsJson {
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
}
