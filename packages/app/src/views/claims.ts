import type { Case } from '@parley/model/case.ts';
import { basisOf, type Claim, type ClaimBasis } from '@parley/model/schema/claims.ts';
import { claimMatrix, type MatrixCell } from '@parley/core/evidence/claim-matrix.ts';
import { propositionStandings } from '@parley/core/evidence/contested.ts';

export interface ClaimsJson {
  view: 'claims';
  case: string;
  contestedOnly: boolean;
  topic?: string;
  /** Who says what: claimant → proposition → stance, over the listed propositions. */
  matrix: Record<string, Record<string, MatrixCell>>;
  /**
   * The matrix cells that rest only on claims the analyst inferred (basis: inferred):
   * claimant → the propositions where that claimant's stance is the analyst's inference.
   */
  matrixInferred: Record<string, string[]>;
  propositions: Array<{
    id: string;
    statement: string;
    topic?: string;
    contested: boolean;
    values: Array<string | number>;
    supporting: ClaimJson[];
    disputing: ClaimJson[];
  }>;
}

/** A claim as views give it: `basis` always present (`stated` unless the analyst inferred it). */
export type ClaimJson = Claim & { basis: ClaimBasis };

export function claimJson(cl: Claim): ClaimJson {
  return { ...cl, basis: basisOf(cl) };
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
    matrixInferred: inferredCells(standings),
    propositions: standings.map((s) => ({
      id: s.proposition.id,
      statement: s.proposition.statement,
      ...(s.proposition.topic ? { topic: s.proposition.topic } : {}),
      contested: s.contested,
      values: s.values,
      supporting: s.supporting.map(claimJson),
      disputing: s.disputing.map(claimJson),
    })),
  };
}

/** For each claimant, the propositions on which every claim they (co-)make is inferred. */
function inferredCells(standings: ReturnType<typeof propositionStandings>): Record<string, string[]> {
  const bases = new Map<string, Map<string, Set<ClaimBasis>>>();
  for (const s of standings)
    for (const cl of [...s.supporting, ...s.disputing])
      for (const who of [cl.claimant, ...(cl.with ?? [])]) {
        const row = bases.get(who) ?? new Map<string, Set<ClaimBasis>>();
        bases.set(who, row);
        const set = row.get(s.proposition.id) ?? new Set<ClaimBasis>();
        row.set(s.proposition.id, set);
        set.add(basisOf(cl));
      }
  const out: Record<string, string[]> = {};
  for (const [who, row] of bases) {
    const ids = [...row].filter(([, set]) => set.size === 1 && set.has('inferred')).map(([id]) => id);
    if (ids.length > 0) out[who] = ids;
  }
  return out;
}
