import type { ContestedNote } from '@parley/app/views/contested.ts';

/** The contested marks of a record, as one line of terminal text. */
export function contestedText(notes: ContestedNote[]): string {
  return notes
    .map((n) => {
      const values = n.values.length > 1 ? `: ${n.values.join(' vs ')}` : '';
      // Say when part of the dispute is the analyst's inference, not what a claimant said.
      const inferred = n.claims.filter((cl) => cl.basis === 'inferred').length;
      const note = inferred > 0 ? `; ${inferred} of ${n.claims.length} claims inferred by the analyst` : '';
      return `⚑ contested (${n.proposition}${values}${note})`;
    })
    .join('; ');
}

/** How every view marks a claim the analyst inferred rather than one its claimant made. */
export const INFERRED = '(inferred by the analyst)';

export function inferredReasoning(reasoning: string | undefined): string {
  return `analyst's reasoning: ${reasoning ?? '(none given)'}`;
}
