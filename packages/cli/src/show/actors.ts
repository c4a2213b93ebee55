import type { ActorsJson } from '@parley/app/views/actors.ts';
import { list, renderTable } from './table.ts';

export function renderActors(data: ActorsJson): string {
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
}
