import type { RoundsJson } from '@parley/app/views/rounds.ts';
import { contestedText } from './contested.ts';
import { list } from './table.ts';

export function renderRounds(data: RoundsJson): string {
  return data.rounds
    .map((r) => {
      const delegations = r.delegations
        .map((d) => `  ${d.party}: head ${d.head ?? '—'}; members ${list(d.members)}`)
        .join('\n');
      return [
        `${r.date}  ${r.name}${r.number ? ` (round ${r.number})` : ''} — ${r.format}, ${r.venue}`,
        delegations,
        r.hosts.length || r.mediators.length
          ? `  hosts: ${list(r.hosts)}; mediators: ${list(r.mediators)}`
          : '',
        `  outcome: ${r.outcome}`,
        r.documents.length ? `  documents: ${r.documents.join(', ')}` : '',
        r.contested.length ? `  ${contestedText(r.contested)}` : '',
        `  sources: ${r.sources.join(', ')}`,
      ]
        .filter(Boolean)
        .join('\n');
    })
    .join('\n\n');
}
