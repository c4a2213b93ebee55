import type { Case } from '@parley/model/case.ts';
import { parseEdtf, type EdtfDate } from '@parley/model/edtf.ts';
import type { Role } from '@parley/model/schema/roles.ts';

// Spans overlap when neither ends before the other starts; open ends ('-infinity', 'infinity')
// meet everything on their open side.
function overlaps(a: EdtfDate, b: EdtfDate): boolean {
  const startsBeforeEnd = (x: EdtfDate, y: EdtfDate) =>
    x.earliest === '-infinity' || y.latest === 'infinity' || x.earliest <= y.latest;
  return startsBeforeEnd(a, b) && startsBeforeEnd(b, a);
}

/**
 * The roles that may have been held on a date: bounded roles whose `from`–`to` span meets it,
 * roles tied to rounds when one of those rounds meets it, and unbounded roles always.
 */
export function rolesAt(c: Case, at: string): Role[] {
  const when = parseEdtf(at);
  const roundDates = new Map(c.rounds.map((r) => [r.id, parseEdtf(r.date)]));
  return c.roles.filter((role) => {
    if (role.rounds && role.rounds.length > 0) {
      return role.rounds.some((id) => {
        const date = roundDates.get(id);
        return date !== undefined && overlaps(date, when);
      });
    }
    if (!role.from && !role.to) return true;
    const span = parseEdtf(`${role.from ?? '..'}/${role.to ?? '..'}`);
    return overlaps(span, when);
  });
}
