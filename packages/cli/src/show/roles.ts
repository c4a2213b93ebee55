import type { RolesJson } from '@parley/app/views/roles.ts';
import { asOfNote } from '@parley/app/inputs/fields.ts';
import { contestedText } from './contested.ts';
import { renderTable } from './table.ts';

export function renderRoles(data: RolesJson): string {
  const heading =
    data.at !== undefined && data.day !== undefined
      ? `Roles held on ${data.day}${asOfNote(data.at, data.day)}\n`
      : '';
  return (
    heading +
    renderTable(
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
    )
  );
}
