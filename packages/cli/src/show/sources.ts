import type { SourcesJson } from '@parley/app/views/sources.ts';
import { renderTable } from './table.ts';

export function renderSources(data: SourcesJson): string {
  return renderTable(
    ['id', 'reliability', 'kind', 'date', 'cited by', 'source'],
    data.sources.map((s) => [
      s.id,
      s.reliability,
      s.kind,
      s.date ?? '',
      s.citedBy,
      [s.author, s.title, s.outlet].filter(Boolean).join(' — ') + (s.note ? ` (${s.note})` : ''),
    ]),
  );
}
