import type { Criticism } from '@parley/model/schema/single-text.ts';
import type { Database } from '../database.ts';
import type { StoredRecord } from '../record-kinds.ts';
import type { Writer } from '../records.ts';
import { writeSingleText } from './text-write.ts';

/**
 * Stores a party's criticism of a provision in its caucus channel (`channel:<party>`): the
 * mediation team and that delegation see it, no other party. Its id counts the party's own
 * criticisms of the version only, so it tells nothing of the others'.
 */
export async function submitCriticism(
  database: Database,
  caseId: string,
  writer: Writer & { roles: string },
  criticism: Omit<Criticism, 'id'>,
): Promise<StoredRecord> {
  const { document, version, party } = criticism;
  const [record] = await writeSingleText(database, caseId, writer, (records) => {
    const own = records.filter((r) => {
      const c = r.body as Criticism;
      return r.kind === 'criticism' && c.document === document && c.version === version && c.party === party;
    });
    const id = `${document}@${version}/${party}/${own.length + 1}`;
    return [
      {
        action: 'single-text.criticise',
        kind: 'criticism',
        id,
        visibility: `channel:${party}`,
        body: { id, ...criticism },
      },
    ];
  });
  return record!;
}
