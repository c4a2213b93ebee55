import type { DraftsJson } from '@parley/app/views/drafts.ts';
import { renderTable } from './table.ts';

export function renderDrafts(data: DraftsJson): string {
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
}
