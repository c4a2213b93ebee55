import type { Round } from '@parley/model/schema/rounds.ts';
import { compareEdtfText } from '@parley/model/edtf.ts';
import { contestedLookup, contestedText, type ContestedNote } from './contested-json.ts';
import { list } from './table.ts';
import type { View } from './view.ts';

export interface RoundsJson {
  view: 'rounds';
  case: string;
  rounds: Array<Round & { contested: ContestedNote[] }>;
}

export const roundsView: View<RoundsJson> = {
  build(c) {
    const contested = contestedLookup(c);
    const rounds = [...c.rounds].sort((a, b) => compareEdtfText(a.date, b.date));
    return {
      view: 'rounds',
      case: c.meta.id,
      rounds: rounds.map((r) => ({ ...r, contested: contested(r.contestedBy) })),
    };
  },
  render(data) {
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
  },
};
