import type { RolesJson } from '@parley/app/views/roles.ts';
import { contestedText } from './contested.ts';
import { renderTable } from './table.ts';

export function renderRoles(data: RolesJson): string {
  return renderTable(
    ['actor', 'role', 'for', 'when', 'notes'],
    data.roles.map((r) => [
      r.actor,
      r.role,
      r.for ?? '',
      r.from || r.to ? `${r.from ?? '…'} – ${r.to ?? '…'}` : r.rounds ? `rounds: ${r.rounds.join(', ')}` : '',
      [contestedText(r.contested), r.note ?? ''].filter(Boolean).join(' '),
    ]),
  );
}
