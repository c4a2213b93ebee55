import type { Actor } from '@parley/model/schema/actors.ts';
import { rolesAt } from '@parley/core/chronology/roles-at.ts';
import type { Role } from '@parley/model/schema/roles.ts';
import { contestedLookup, contestedText, type ContestedNote } from './contested-json.ts';
import { list, renderTable } from './table.ts';
import type { View } from './view.ts';

export interface ActorsJson {
  view: 'actors';
  case: string;
  actors: Array<Actor & { roles: string[] }>;
}

export const actorsView: View<ActorsJson> = {
  build(c) {
    return {
      view: 'actors',
      case: c.meta.id,
      actors: c.actors.map((a) => ({
        ...a,
        roles: [...new Set(c.roles.filter((r) => r.actor === a.id).map((r) => r.role))],
      })),
    };
  },
  render(data) {
    return renderTable(
      ['id', 'kind', 'name', 'affiliation', 'roles'],
      data.actors.map((a) => [
        a.id,
        a.kind,
        a.office ? `${a.name} (${a.office})` : a.name,
        a.affiliation ?? '',
        list(a.roles),
      ]),
    );
  },
};

export interface RolesJson {
  view: 'roles';
  case: string;
  /** With `--at`: only the roles that may have been held on that date. */
  at?: string;
  roles: Array<Role & { contested: ContestedNote[] }>;
}

export const rolesView: View<RolesJson> = {
  build(c, { at }) {
    const contested = contestedLookup(c);
    const roles = at === undefined ? c.roles : rolesAt(c, at);
    return {
      view: 'roles',
      case: c.meta.id,
      ...(at !== undefined ? { at } : {}),
      roles: roles.map((r) => ({ ...r, contested: contested(r.contestedBy) })),
    };
  },
  render(data) {
    return renderTable(
      ['actor', 'role', 'for', 'when', 'notes'],
      data.roles.map((r) => [
        r.actor,
        r.role,
        r.for ?? '',
        r.from || r.to
          ? `${r.from ?? '…'} – ${r.to ?? '…'}`
          : r.rounds
            ? `rounds: ${r.rounds.join(', ')}`
            : '',
        [contestedText(r.contested), r.note ?? ''].filter(Boolean).join(' '),
      ]),
    );
  },
};
