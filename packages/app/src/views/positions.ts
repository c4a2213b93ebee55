import type { Case } from '@parley/model/case.ts';
import { caseParties, positionsAt } from '@parley/core/chronology/positions-at.ts';
import { asOfDay } from '../inputs/fields.ts';
import { contestedLookup } from './contested.ts';
import { standingJson, type StandingJson } from './standing.ts';

export interface PositionsJson {
  view: 'positions';
  case: string;
  /** The date asked for (or the case's `asOf`, else its period), as given. */
  at: string;
  /** The day the positions are taken on: `at` read by the one as-of rule (`asOfDay`). */
  day: string;
  parties: string[];
  issues: StandingJson[];
}

/**
 * Each party's latest position per issue as of `at` (EDTF; default the case's `asOf`, else its
 * period), leaving out issues nobody had a position on yet.
 */
export function positionsView(c: Case, { at }: { at?: string | undefined } = {}): PositionsJson {
  const when = at ?? c.meta.asOf ?? c.meta.period;
  const day = asOfDay(when);
  const parties = caseParties(c);
  const contested = contestedLookup(c);
  return {
    view: 'positions',
    case: c.meta.id,
    at: when,
    day,
    parties,
    issues: positionsAt(c, parties, day)
      .filter((s) => s.positions.length > 0)
      .map((s) => standingJson(s, contested)),
  };
}
