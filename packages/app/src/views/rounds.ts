import type { Case } from '@parley/model/case.ts';
import { compareEdtfText } from '@parley/model/edtf.ts';
import type { Round } from '@parley/model/schema/rounds.ts';
import { contestedLookup, type ContestedNote } from './contested.ts';

export interface RoundsJson {
  view: 'rounds';
  case: string;
  rounds: Array<Round & { contested: ContestedNote[] }>;
}

/** The rounds of talks in date order, with the contested marks. */
export function roundsView(c: Case): RoundsJson {
  const contested = contestedLookup(c);
  const rounds = [...c.rounds].sort((a, b) => compareEdtfText(a.date, b.date));
  return {
    view: 'rounds',
    case: c.meta.id,
    rounds: rounds.map((r) => ({ ...r, contested: contested(r.contestedBy) })),
  };
}
