import type { Case } from '@parley/model/case.ts';
import type { Role } from '@parley/model/schema/roles.ts';
import { rolesAt } from '@parley/core/chronology/roles-at.ts';
import { contestedLookup, type ContestedNote } from './contested.ts';

export interface RolesJson {
  view: 'roles';
  case: string;
  /** With `at`: only the roles that may have been held on that date. */
  at?: string;
  roles: Array<Role & { contested: ContestedNote[] }>;
}

/** Who held which role, with the contested marks; with `at` (EDTF), only the roles held then. */
export function rolesView(c: Case, { at }: { at?: string | undefined } = {}): RolesJson {
  const contested = contestedLookup(c);
  const roles = at === undefined ? c.roles : rolesAt(c, at);
  return {
    view: 'roles',
    case: c.meta.id,
    ...(at !== undefined ? { at } : {}),
    roles: roles.map((r) => ({ ...r, contested: contested(r.contestedBy) })),
  };
}
