import type { TextWarnings } from '@parley/app/drafts/parsed-draft.ts';
import { formatDraftDiagnostic } from '@parley/core/drafts/model.ts';
import type { Output } from '../output.ts';

const MAX_WARNINGS_SHOWN = 20;

/**
 * Warnings are advice, not a stop: show the first few of each text and count the rest, so a
 * foreign text with hundreds of stray brackets does not bury the redline.
 */
export function printWarnings(output: Output, texts: readonly TextWarnings[]): void {
  for (const { file, warnings } of texts) {
    const shown = warnings.slice(0, MAX_WARNINGS_SHOWN);
    for (const warning of shown) output.err(formatDraftDiagnostic(warning));
    const hidden = warnings.length - shown.length;
    if (hidden > 0)
      output.err(`… and ${hidden} more warning${hidden === 1 ? '' : 's'} in ${file ?? 'the draft'}`);
  }
}
