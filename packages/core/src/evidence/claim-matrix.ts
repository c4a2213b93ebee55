import type { PropositionStanding } from './contested.ts';

export type MatrixCell = 'supports' | 'disputes' | 'both';

/**
 * Who says what: for each claimant, their stance on each proposition. Reading across a row
 * shows one actor's account; reading down a column shows who lines up on each side.
 */
export function claimMatrix(standings: PropositionStanding[]): {
  claimants: string[];
  propositions: string[];
  cells: Record<string, Record<string, MatrixCell>>;
} {
  const cells: Record<string, Record<string, MatrixCell>> = {};
  for (const s of standings) {
    for (const claim of [...s.supporting, ...s.disputing]) {
      for (const who of [claim.claimant, ...(claim.with ?? [])]) {
        const row = (cells[who] ??= {});
        const previous = row[s.proposition.id];
        row[s.proposition.id] = previous && previous !== claim.stance ? 'both' : claim.stance;
      }
    }
  }
  return { claimants: Object.keys(cells), propositions: standings.map((s) => s.proposition.id), cells };
}
