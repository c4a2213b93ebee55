import type { ContestedNote } from '@parley/app/views/contested.ts';

/** The contested marks of a record, as one line of terminal text. */
export function contestedText(notes: ContestedNote[]): string {
  return notes
    .map((n) => `⚑ contested (${n.proposition}${n.values.length > 1 ? `: ${n.values.join(' vs ')}` : ''})`)
    .join('; ');
}
