import { ParleyError } from '@parley/model/errors.ts';
import type { Message } from '@parley/model/schema/conduct.ts';
import type { Database } from '../database.ts';
import type { StoredRecord } from '../record-kinds.ts';
import { applyChanges } from '../records.ts';
import type { Audience } from '../visibility.ts';
import { visibleCase } from '../visible-case.ts';
import {
  actingRole,
  channelVisibility,
  conductIdOf,
  delegationsOf,
  isMediation,
  requireChannel,
  sharedView,
  type ConductWriter,
} from './channels.ts';

export interface MessageInput {
  text: string;
  attachments?: Message['attachments'];
}

/**
 * Posts a message in a channel the writer may use, logged like every write. The documents it
 * attaches must be ones everyone in the channel sees.
 */
export async function postMessage(
  database: Database,
  caseId: string,
  writer: ConductWriter,
  channel: string,
  input: MessageInput,
  now = new Date(),
): Promise<StoredRecord> {
  const c = (await visibleCase(database, caseId, writer.audience))!.case;
  requireChannel(c, writer.audience, caseId, channel);
  const shared = await sharedView(database, caseId, channel);
  const problems = (input.attachments ?? []).flatMap((a, i) => {
    const document = shared.drafts.find((d) => d.id === a.document);
    const known =
      document !== undefined &&
      (a.version === undefined || document.versions.some((v) => v.id === a.version));
    if (known) return [];
    const name = a.version === undefined ? a.document : `${a.document}@${a.version}`;
    const mine = c.drafts.some(
      (d) => d.id === a.document && (a.version === undefined || d.versions.some((v) => v.id === a.version)),
    );
    return [
      {
        code: 'unknown-reference',
        severity: 'error' as const,
        path: `attachments[${i}]`,
        message: mine ? `not everyone in the channel sees the draft "${name}"` : `unknown draft "${name}"`,
      },
    ];
  });
  if (problems.length > 0)
    throw new ParleyError('invalid-input', `the message has ${problems.length} problem(s)`, problems);
  // A member who is both mediator and delegate speaks, in a caucus, as that party; else as the team.
  const party = delegationsOf(writer.memberships).find((p) => p === channel);
  const role = actingRole(
    writer.memberships,
    party ?? (isMediation(writer.memberships) ? 'mediation' : delegationsOf(writer.memberships)[0]!),
  );
  const body: Message = {
    id: conductIdOf('m'),
    channel,
    author: { user: writer.userId, role, at: now.toISOString() },
    text: input.text,
    ...(input.attachments && input.attachments.length > 0 ? { attachments: input.attachments } : {}),
  };
  const [record] = await applyChanges(database, caseId, writer, [
    { op: 'create', kind: 'message', body, visibility: channelVisibility(channel) },
  ]);
  return record!;
}

/** A channel's messages the reader sees, oldest first. */
export async function listMessages(
  database: Database,
  caseId: string,
  audience: Audience,
  channel: string,
): Promise<StoredRecord[]> {
  const state = (await visibleCase(database, caseId, audience))!;
  requireChannel(state.case, audience, caseId, channel);
  return state.records.filter((r) => r.kind === 'message' && (r.body as Message).channel === channel);
}
