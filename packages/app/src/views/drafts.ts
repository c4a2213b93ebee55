import type { Case } from '@parley/model/case.ts';
import type { DraftDocument } from '@parley/model/schema/drafts.ts';

/** Words of text, not markup: brackets, headings marks and list numbers' dots are not words. */
const countWords = (text: string) => text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;

export interface DraftsJson {
  view: 'drafts';
  case: string;
  documents: Array<DraftDocument & { words: Record<string, number> }>;
}

/** The draft documents and their versions, with each version's length in words. */
export function draftsView(c: Case): DraftsJson {
  return {
    view: 'drafts',
    case: c.meta.id,
    documents: c.drafts.map((d) => ({
      ...d,
      words: Object.fromEntries(
        d.versions.map((v) => [v.id, countWords(c.draftTexts[`${d.id}@${v.id}`] ?? '')]),
      ),
    })),
  };
}
