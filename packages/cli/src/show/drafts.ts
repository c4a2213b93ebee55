import type { DraftDocument } from '@parley/model/schema/drafts.ts';
import { renderTable } from './table.ts';
import type { View } from './view.ts';

/** Words of text, not markup: brackets, headings marks and list numbers' dots are not words. */
const countWords = (text: string) => text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;

export interface DraftsJson {
  view: 'drafts';
  case: string;
  documents: Array<DraftDocument & { words: Record<string, number> }>;
}

export const draftsView: View<DraftsJson> = {
  build(c) {
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
  },
  render(data) {
    return data.documents
      .map(
        (d) =>
          `${d.id} — ${d.title} (${d.kind})\n` +
          renderTable(
            ['version', 'date', 'author', 'basis', 'status', 'words', 'notes'],
            d.versions.map((v) => [
              v.id,
              v.date,
              v.author,
              v.basis ?? '',
              v.status,
              d.words[v.id] ?? 0,
              [
                v.reconstruction ? 'reconstruction' : 'original text',
                v.initialledBy?.length ? `initialled per claims ${v.initialledBy.join(', ')}` : '',
              ]
                .filter(Boolean)
                .join('; '),
            ]),
          ),
      )
      .join('\n\n');
  },
};
