import type { Case } from '@parley/model/case.ts';
import type { DraftDocument, DraftVersion } from '@parley/model/schema/drafts.ts';
import { versionParseOptions } from '@parley/core/drafts/case-drafts.ts';
import { parseDraft } from '@parley/core/drafts/parse.ts';
import { countWords } from '@parley/core/drafts/word-count.ts';

export interface DraftsJson {
  view: 'drafts';
  case: string;
  documents: Array<DraftDocument & { words: Record<string, number> }>;
}

/**
 * The draft documents and their versions, with each version's length in words: the words
 * `parley brackets` counts (`countWords`), of the text read as every command reads it.
 */
export function draftsView(c: Case): DraftsJson {
  const words = (version: DraftVersion, text: string | undefined) =>
    text === undefined ? 0 : countWords(parseDraft(text, versionParseOptions(c, version)).document).words;
  return {
    view: 'drafts',
    case: c.meta.id,
    documents: c.drafts.map((d) => ({
      ...d,
      words: Object.fromEntries(d.versions.map((v) => [v.id, words(v, c.draftTexts[`${d.id}@${v.id}`])])),
    })),
  };
}
