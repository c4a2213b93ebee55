import type { Case } from '@parley/model/case.ts';
import type { Source } from '@parley/model/schema/sources.ts';

export interface SourcesJson {
  view: 'sources';
  case: string;
  sources: Array<Source & { citedBy: number }>;
}

/** How many records cite each source: a quick read of what rests on what. */
function citationCounts(c: Case): Map<string, number> {
  const counts = new Map<string, number>();
  const records: Array<{ sources: string[] }> = [
    ...c.actors,
    ...c.roles,
    ...c.rounds,
    ...c.events,
    ...c.claims,
    ...c.issues,
    ...c.positions,
    ...c.drafts.flatMap((d) => d.versions),
  ];
  for (const r of records) for (const s of r.sources) counts.set(s, (counts.get(s) ?? 0) + 1);
  return counts;
}

/** The sources with how many records cite each. */
export function sourcesView(c: Case): SourcesJson {
  const counts = citationCounts(c);
  return {
    view: 'sources',
    case: c.meta.id,
    sources: c.sources.map((s) => ({ ...s, citedBy: counts.get(s.id) ?? 0 })),
  };
}
