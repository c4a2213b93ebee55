import { draftKey } from '@parley/model/case.ts';
import { ParleyError } from '@parley/model/errors.ts';
import type { RoundAnswer, TextRound } from '@parley/model/schema/single-text.ts';
import type { Database } from '../database.ts';
import type { StoredRecord } from '../record-kinds.ts';
import type { Writer } from '../records.ts';
import { writeSingleText } from './text-write.ts';

type TextWriter = Writer & { roles: string };

/**
 * Puts a version to a yes/no round (`<document>@<version>#<n>`, seen by the whole case). One
 * round at a time per version.
 */
export async function openRound(
  database: Database,
  caseId: string,
  writer: TextWriter,
  round: { document: string; version: string; signatories: string[]; openedBy: string },
): Promise<StoredRecord> {
  const [record] = await writeSingleText(database, caseId, writer, (records) => {
    const onVersion = roundsOf(records).filter(
      (r) => r.document === round.document && r.version === round.version,
    );
    const open = onVersion.find((r) => r.status === 'open');
    if (open) throw new ParleyError('conflict', `round ${open.id} is still open: close it first`);
    const id = `${draftKey(round.document, round.version)}#${onVersion.length + 1}`;
    const body: TextRound = { id, ...round, status: 'open' };
    return [{ action: 'single-text.round-open', kind: 'text-round', id, visibility: 'case', body }];
  });
  return record!;
}

/**
 * A required signatory's answer, yes or no, kept in its caucus channel while the round is open
 * (the party and the mediation team see it); it may change its answer until the round closes.
 */
export async function answerRound(
  database: Database,
  caseId: string,
  writer: TextWriter,
  answer: Omit<RoundAnswer, 'id'>,
): Promise<StoredRecord> {
  const [record] = await writeSingleText(database, caseId, writer, (records) => {
    const round = openRoundOf(records, answer.round);
    if (!round.signatories.includes(answer.party))
      throw new ParleyError(
        'forbidden',
        `round ${round.id} asks ${round.signatories.join(', ')} for an answer, not ${answer.party}`,
      );
    const id = `${round.id}/${answer.party}`;
    return [
      {
        action: 'single-text.answer',
        kind: 'round-answer',
        id,
        visibility: `channel:${answer.party}`,
        body: { id, ...answer },
      },
    ];
  });
  return record!;
}

/** Closes a round: who said yes, who said no, who said nothing becomes the whole case's to see. */
export async function closeRound(
  database: Database,
  caseId: string,
  writer: TextWriter,
  roundId: string,
): Promise<StoredRecord> {
  const [record] = await writeSingleText(database, caseId, writer, (records) => {
    const round = openRoundOf(records, roundId);
    const answers = new Map(
      records
        .filter((r) => r.kind === 'round-answer' && (r.body as RoundAnswer).round === roundId)
        .map((r) => [(r.body as RoundAnswer).party, (r.body as RoundAnswer).answer]),
    );
    const said = (value: string | undefined) => round.signatories.filter((p) => answers.get(p) === value);
    const body: TextRound = {
      ...round,
      status: 'closed',
      result: { yes: said('yes'), no: said('no'), none: said(undefined) },
    };
    return [{ action: 'single-text.round-close', kind: 'text-round', id: roundId, visibility: 'case', body }];
  });
  return record!;
}

function roundsOf(records: readonly StoredRecord[]): TextRound[] {
  return records.filter((r) => r.kind === 'text-round').map((r) => r.body as TextRound);
}

function openRoundOf(records: readonly StoredRecord[], roundId: string): TextRound {
  const round = roundsOf(records).find((r) => r.id === roundId);
  if (!round) throw new ParleyError('not-found', `no round "${roundId}"`);
  if (round.status !== 'open') throw new ParleyError('conflict', `round ${roundId} is closed`);
  return round;
}
