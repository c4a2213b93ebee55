import { ParleyError } from '@parley/model/errors.ts';
import {
  MEDIATION,
  type Carry,
  type PackageValue,
  type Proposal,
  type ProposalContent,
} from '@parley/model/schema/conduct.ts';
import type { Database } from '../database.ts';
import type { StoredRecord } from '../record-kinds.ts';
import { applyChanges, getRecord, releaseRecord } from '../records.ts';
import type { Visibility } from '../visibility.ts';
import { visibleCase } from '../visible-case.ts';
import {
  actingRole,
  channelVisibility,
  conductIdOf,
  PLENARY,
  requireChannel,
  type ConductWriter,
} from './channels.ts';
import { requireFits } from './proposals.ts';

export interface CarryInput {
  /** The receiving channel. */
  to: string;
  /** `as-is`: the origin is shown. `suggestion`: the mediation team's own, the origin hidden. */
  as: 'as-is' | 'suggestion';
  /** A suggestion only: the package's values or the amendment's text, reworded. */
  values?: PackageValue[];
  text?: string;
  note?: string;
}

/**
 * The mediation team carries a proposal into another channel: a copy with a fresh random id,
 * tabled there by the team (as is: attributed to its tabler; as a suggestion: to the team, its
 * wording and values as the team edits them), and a record linking the copy to the original
 * that only the team sees until it releases it. One transaction.
 */
export async function carryProposal(
  database: Database,
  caseId: string,
  writer: ConductWriter,
  originalId: string,
  input: CarryInput,
  now = new Date(),
): Promise<StoredRecord> {
  const original = await getRecord(database, caseId, writer.audience, 'proposal', originalId);
  const proposal = original.body as Proposal;
  if (proposal.state !== 'tabled' && proposal.state !== 'under-consideration')
    throw new ParleyError(
      'conflict',
      `the proposal is ${proposal.state}; only one tabled or under consideration is carried`,
    );
  const c = (await visibleCase(database, caseId, writer.audience))!.case;
  requireChannel(c, writer.audience, caseId, input.to);
  if (input.to === proposal.channel)
    throw new ParleyError('invalid-input', `the proposal is already in ${proposal.channel}`, [
      { code: 'invalid-value', severity: 'error', path: 'to', message: 'the channel the proposal lies in' },
    ]);
  const content = editedContent(proposal.content, input);
  // Problems at the edited values in the request, or in the original's content.
  const where = input.values ? [] : ['original', 'content'];
  await requireFits(database, caseId, c, input.to, content, where);
  const at = now.toISOString();
  const by = { user: writer.userId, role: actingRole(writer.memberships, MEDIATION), at };
  const note = input.as === 'as-is' ? proposal.note : input.note;
  const copy: Proposal = {
    id: conductIdOf('p'),
    channel: input.to,
    tabledBy: input.as === 'as-is' ? proposal.tabledBy : MEDIATION,
    content,
    state: 'tabled',
    history: [{ state: 'tabled', ...by }],
    ...(input.as === 'as-is' ? { carried: true as const } : {}),
    ...(note ? { note } : {}),
  };
  const link: Carry = {
    id: conductIdOf('c'),
    copy: copy.id,
    to: input.to,
    as: input.as,
    original: proposal.id,
    from: proposal.channel,
    origin: proposal.tabledBy,
    by,
  };
  const [record] = await applyChanges(database, caseId, writer, [
    { op: 'create', kind: 'proposal', body: copy, visibility: channelVisibility(input.to) },
    { op: 'create', kind: 'carry', body: link, visibility: 'mediation' },
  ]);
  return record!;
}

function editedContent(content: ProposalContent, input: CarryInput): ProposalContent {
  const edits = (['values', 'text', 'note'] as const).filter((k) => input[k] !== undefined);
  if (input.as === 'as-is' && edits.length > 0)
    throw new ParleyError(
      'invalid-input',
      'a proposal carried as is keeps its content; carry it as a suggestion to reword it',
      edits.map((k) => ({
        code: 'invalid-value',
        severity: 'error',
        path: k,
        message: 'not for an as-is carry',
      })),
    );
  const wrong = content.type === 'package' ? 'text' : 'values';
  if (input[wrong] !== undefined)
    throw new ParleyError('invalid-input', `a ${content.type} has no ${wrong} to edit`, [
      { code: 'invalid-value', severity: 'error', path: wrong, message: `not for a ${content.type}` },
    ]);
  if (content.type === 'package' && input.values) return { ...content, values: input.values };
  if (content.type === 'amendment' && input.text !== undefined) return { ...content, text: input.text };
  return content;
}

/**
 * Reveals where a carried proposal came from: its carry record is released to the receiving
 * channel (or, from the plenary, to the whole case), through the store's one release path.
 */
export async function releaseCarry(
  database: Database,
  caseId: string,
  writer: ConductWriter,
  carryId: string,
  to?: Visibility,
): Promise<StoredRecord> {
  const current = await getRecord(database, caseId, writer.audience, 'carry', carryId);
  const carry = current.body as Carry;
  if (carry.as === 'own')
    throw new ParleyError(
      'invalid-input',
      'the mediation team tabled this proposal itself: there is no origin to reveal',
    );
  const widest = to ?? (carry.to === PLENARY ? 'case' : channelVisibility(carry.to));
  return releaseRecord(database, caseId, writer, 'carry', carryId, widest, current.version);
}
