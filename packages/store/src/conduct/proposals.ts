import type { Case } from '@parley/model/case.ts';
import { formatPath, type Diagnostic, type FieldPath } from '@parley/model/diagnostic.ts';
import { ParleyError } from '@parley/model/errors.ts';
import { MEDIATION, type Carry, type Proposal, type ProposalContent } from '@parley/model/schema/conduct.ts';
import { versionProvisions } from '@parley/app/conduct/single-text-standing.ts';
import { packageProblems } from '@parley/core/conduct/package-values.ts';
import { judgeMove, moveTo } from '@parley/core/conduct/proposal-life.ts';
import type { Database } from '../database.ts';
import type { StoredRecord } from '../record-kinds.ts';
import { applyChanges, getRecord, type Change } from '../records.ts';
import type { Audience } from '../visibility.ts';
import { visibleCase } from '../visible-case.ts';
import {
  actingRole,
  channelVisibility,
  conductIdOf,
  delegationsOf,
  isMediation,
  PLENARY,
  requireChannel,
  sharedView,
  type ConductWriter,
} from './channels.ts';

export interface TableInput {
  content: ProposalContent;
  /** A proposal of the same tabler, in the same channel, that this one replaces. */
  supersedes?: string;
  note?: string;
}

/**
 * Tables a proposal in a channel the writer may use: as its party's delegation (in its caucus or
 * the plenary) or as the mediation team (its own suggestion). A package is checked against the
 * agenda everyone in the channel sees, an amendment against the draft version and its provisions.
 * A proposal it supersedes moves to `superseded` in the same transaction.
 */
export async function tableProposal(
  database: Database,
  caseId: string,
  writer: ConductWriter,
  channel: string,
  input: TableInput,
  now = new Date(),
): Promise<StoredRecord> {
  const state = (await visibleCase(database, caseId, writer.audience))!;
  requireChannel(state.case, writer.audience, caseId, channel);
  const tabledBy = tablerFor(writer, channel);
  await requireFits(database, caseId, state.case, channel, input.content, ['content']);
  const at = now.toISOString();
  const role = actingRole(writer.memberships, tabledBy);
  const body: Proposal = {
    id: conductIdOf('p'),
    channel,
    tabledBy,
    content: input.content,
    state: 'tabled',
    history: [{ state: 'tabled', user: writer.userId, role, at }],
    ...(input.supersedes ? { supersedes: input.supersedes } : {}),
    ...(input.note ? { note: input.note } : {}),
  };
  const changes: Change[] = [
    { op: 'create', kind: 'proposal', body, visibility: channelVisibility(channel) },
  ];
  if (input.supersedes) {
    const old = state.records.find((r) => r.kind === 'proposal' && r.id === input.supersedes);
    if (!old) throw new ParleyError('not-found', `no proposal "${input.supersedes}" in case "${caseId}"`);
    const previous = old.body as Proposal;
    // Who may supersede it is the life's rule (its tabler); where, this one's: the same channel.
    if (previous.channel !== channel)
      throw new ParleyError(
        'conflict',
        `a proposal supersedes one in its own channel; "${old.id}" lies in ${previous.channel}`,
      );
    changes.push(moved(old, 'supersede', writer, at));
  }
  // The mediation team's own suggestion leaves a record for the team, as a carried one does,
  // so the parties' audit log cannot tell the two apart (docs/server.md, "Channels and proposals").
  if (tabledBy === MEDIATION)
    changes.push({
      op: 'create',
      kind: 'carry',
      body: {
        id: conductIdOf('c'),
        copy: body.id,
        to: channel,
        as: 'own',
        by: { user: writer.userId, role, at },
      } satisfies Carry,
      visibility: 'mediation',
    });
  const [record] = await applyChanges(database, caseId, writer, changes);
  return record!;
}

/** Moves a proposal to a new state, when the writer's roles and its state allow (403 / 409). */
export async function moveProposal(
  database: Database,
  caseId: string,
  writer: ConductWriter,
  id: string,
  to: Proposal['state'],
  now = new Date(),
): Promise<StoredRecord> {
  const current = await getRecord(database, caseId, writer.audience, 'proposal', id);
  const move = moveTo(to);
  if (move === undefined || move === 'supersede')
    throw new ParleyError(
      'invalid-input',
      move === 'supersede'
        ? `a proposal is superseded by tabling its successor with "supersedes": "${id}"`
        : 'a proposal is tabled once, when it is made',
      [{ code: 'invalid-value', severity: 'error', path: 'to', message: `cannot move a proposal to ${to}` }],
    );
  // The optimistic check: a move made meanwhile makes this one stale (409), never lost.
  const [record] = await applyChanges(database, caseId, writer, [
    moved(current, move, writer, now.toISOString()),
  ]);
  return record!;
}

function moved(
  current: StoredRecord,
  move: Parameters<typeof judgeMove>[1],
  writer: ConductWriter,
  at: string,
): Change {
  const proposal = current.body as Proposal;
  const verdict = judgeMove(proposal, move, {
    mediation: isMediation(writer.memberships),
    delegations: delegationsOf(writer.memberships),
  });
  if (!verdict.allowed) throw new ParleyError(verdict.refusal, verdict.message);
  const body: Proposal = {
    ...proposal,
    state: verdict.to,
    history: [
      ...proposal.history,
      { state: verdict.to, user: writer.userId, role: actingRole(writer.memberships, verdict.as), at },
    ],
  };
  return { op: 'update', kind: 'proposal', id: current.id, body, ifMatch: current.version };
}

/** Who a writer tables as in a channel: its party's delegation there, else the mediation team. */
function tablerFor(writer: ConductWriter, channel: string): string {
  const delegations = delegationsOf(writer.memberships);
  if (channel !== PLENARY && delegations.includes(channel)) return channel;
  if (isMediation(writer.memberships)) return MEDIATION;
  if (channel === PLENARY && delegations.length === 1) return delegations[0]!;
  throw new ParleyError(
    'forbidden',
    delegations.length > 1
      ? 'you speak for several parties: table in one of their caucuses'
      : 'only a delegation or the mediation team tables proposals',
  );
}

/**
 * Refuses content whose references not everyone in the channel sees (each at its field), naming
 * as unknown what the writer cannot see either.
 */
export async function requireFits(
  database: Database,
  caseId: string,
  own: Case,
  channel: string,
  content: ProposalContent,
  /** Where the content sits in the request (`content`; `[]` for a carry's edited values). */
  at: FieldPath,
): Promise<void> {
  const shared = await sharedView(database, caseId, channel);
  const problems: Diagnostic[] = [];
  if (content.type === 'package') {
    for (const d of packageProblems(content.values, shared.issues, [...at, 'values'])) {
      // An issue the writer sees that the other side of the channel does not: say so.
      const i = Number(/values\[(\d+)\]/.exec(d.path)?.[1]);
      const issue = content.values[i]?.issue;
      if (d.code === 'unknown-reference' && own.issues.some((x) => x.id === issue))
        problems.push({ ...d, message: `not everyone in the channel sees issue "${issue}"` });
      else problems.push(d);
    }
  } else {
    const document = shared.drafts.find((d) => d.id === content.document);
    const version = document?.versions.find((v) => v.id === content.version);
    if (!version)
      problems.push({
        code: 'unknown-reference',
        severity: 'error',
        path: formatPath([...at, 'version']),
        message: `unknown draft version "${content.document}@${content.version}"`,
      });
    else {
      const provisions = versionProvisions(own, content.document, content.version);
      if (!provisions.includes(content.provision))
        problems.push({
          code: 'unknown-reference',
          severity: 'error',
          path: formatPath([...at, 'provision']),
          message: `${content.document}@${content.version} has no provision "${content.provision}" (provisions: ${provisions.join(', ')})`,
        });
    }
  }
  if (problems.length > 0)
    throw new ParleyError('invalid-input', `the proposal has ${problems.length} problem(s)`, problems);
}

/** A channel's proposals the reader sees, in the order they were tabled. */
export async function listProposals(
  database: Database,
  caseId: string,
  audience: Audience,
  channel: string,
): Promise<StoredRecord[]> {
  const state = (await visibleCase(database, caseId, audience))!;
  requireChannel(state.case, audience, caseId, channel);
  return state.records.filter((r) => r.kind === 'proposal' && (r.body as Proposal).channel === channel);
}

/**
 * Where a proposal came from, when the reader sees the record of its carry: the mediation team
 * always, a party once the team has released it.
 */
export async function originsOf(
  database: Database,
  caseId: string,
  audience: Audience,
): Promise<Map<string, Carry>> {
  const state = (await visibleCase(database, caseId, audience))!;
  const carries = state.records.filter((r) => r.kind === 'carry').map((r) => r.body as Carry);
  return new Map(carries.filter((c) => c.as !== 'own').map((c) => [c.copy, c]));
}
