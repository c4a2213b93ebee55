import type { Case } from '@parley/model/case.ts';
import type { Role } from '@parley/model/schema/roles.ts';
import { rolesAt } from '@parley/core/chronology/roles-at.ts';
import { asOfDay } from '../inputs/fields.ts';
import { contestedLookup, type ContestedNote } from './contested.ts';

export interface RolesJson {
  view: 'roles';
  case: string;
  /** With `at`: only the roles that may have been held on that date. */
  at?: string;
  /** With `at`: the day the roles are taken on, `at` read by the one as-of rule (`asOfDay`). */
  day?: string;
  roles: Array<Role & { contested: ContestedNote[] }>;
}

/** Who held which role, with the contested marks; with `at` (EDTF), only the roles held then. */
export function rolesView(c: Case, { at }: { at?: string | undefined } = {}): RolesJson {
  const contested = contestedLookup(c);
  const day = at === undefined ? undefined : asOfDay(at);
  const roles = day === undefined ? c.roles : rolesAt(c, day);
  return {
    view: 'roles',
    case: c.meta.id,
    ...(at !== undefined && day !== undefined ? { at, day } : {}),
    roles: roles.map((r) => ({ ...r, contested: contested(r.contestedBy) })),
  };
}
