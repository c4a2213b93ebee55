import type { Case } from '@parley/model/case.ts';
import { ParleyError } from '@parley/model/errors.ts';
import type { PackageValue } from '@parley/model/schema/conduct.ts';
import { replayPlan, type ReplayStep } from '@parley/app/replay/replay-plan.ts';
import { createUser, findUserByEmail } from '../accounts/users.ts';
import { importCase } from '../cases.ts';
import { PLENARY, partiesOf, type ConductWriter } from '../conduct/channels.ts';
import { postMessage } from '../conduct/messages.ts';
import { tableProposal } from '../conduct/proposals.ts';
import { carryProposal } from '../conduct/shuttle.ts';
import type { Database } from '../database.ts';
import { audienceOf, type Membership } from '../membership.ts';
import { grantRole } from '../members.ts';

/** What one replayed step left in the store: the ids of the records it wrote. */
export interface ReplayedStep {
  step: ReplayStep;
  /** The message or proposal written, then the carried copies (shuttle rounds). */
  records: { kind: 'message' | 'proposal'; id: string; channel: string }[];
}

export interface ReplayResult {
  caseId: string;
  steps: ReplayedStep[];
}

/**
 * Replays a case's recorded history into the store, so a trainer can step through the talks as
 * the mediation team saw them: the case is stored under a new id (`<id>-replay` unless given),
 * with a replay account for the mediation team and for each party's delegation (they have no
 * password: they only sign the replayed steps), and each step of replayPlan becomes a message
 * or a proposal in its channel, written through the same store functions the server uses (so
 * every step is checked, visible only to whom it should be, and in the audit log). A party's
 * new package supersedes its previous one in the same channel. A `trainer` (an existing
 * account) is made the case's mediator lead so they can open it in the workbench.
 */
export async function replayCase(
  database: Database,
  c: Case,
  options: { caseId?: string; trainer?: string } = {},
): Promise<ReplayResult> {
  const caseId = options.caseId ?? `${c.meta.id}-replay`;
  // Looked up first, so a mistyped email stores nothing.
  const trainer = options.trainer ? await findUserByEmail(database, options.trainer) : undefined;
  if (options.trainer && !trainer)
    throw new ParleyError('not-found', `no account with the email ${options.trainer}`);
  await importCase(database, { ...c, meta: { ...c.meta, id: caseId } }, { shareModels: true });
  const mediation = await replayAccount(database, caseId, 'mediation', [
    { role: 'mediator-lead', party: null },
  ]);
  const delegations = new Map<string, ConductWriter>();
  for (const party of partiesOf(c))
    delegations.set(
      party,
      await replayAccount(database, caseId, party, [{ role: 'delegation-head', party }]),
    );
  if (trainer) await grantRole(database, caseId, trainer.id, { role: 'mediator-lead', party: null });

  const standing = new Map<string, string>(); // party + channel → its latest proposal
  const steps: ReplayedStep[] = [];
  for (const step of replayPlan(c)) {
    const channel = step.channel.kind === 'plenary' ? PLENARY : step.channel.party;
    const records: ReplayedStep['records'] = [];
    const say = async (writer: ConductWriter, text: string) => {
      const attachments =
        step.action === 'version' ? [{ document: step.document, version: step.version }] : [];
      const message = await postMessage(database, caseId, writer, channel, {
        text,
        ...(attachments.length > 0 ? { attachments } : {}),
      });
      records.push({ kind: 'message', id: message.id, channel });
    };
    if (step.action === 'package') {
      const writer = delegations.get(step.party);
      const values = packageValues(step.values);
      if (!writer || values.length === 0) await say(mediation, noteOf(step));
      else {
        const key = `${step.party}\u0000${channel}`;
        const previous = standing.get(key);
        const tabled = await tableProposal(database, caseId, writer, channel, {
          content: { type: 'package', values },
          note: noteOf(step),
          ...(previous ? { supersedes: previous } : {}),
        });
        standing.set(key, tabled.id);
        records.push({ kind: 'proposal', id: tabled.id, channel });
        for (const to of step.carryTo) {
          const carried = await carryProposal(database, caseId, mediation, tabled.id, { to, as: 'as-is' });
          records.push({ kind: 'proposal', id: carried.id, channel: to });
        }
      }
    } else if (step.action === 'answer') {
      await say(delegations.get(step.party) ?? mediation, noteOf(step));
    } else {
      await say(mediation, noteOf(step));
    }
    steps.push({ step, records });
  }
  return { caseId, steps };
}

/** A replay account for one side of the talks, made a member of the replayed case. */
async function replayAccount(
  database: Database,
  caseId: string,
  side: string,
  memberships: Membership[],
): Promise<ConductWriter> {
  const email = `${side}@${caseId}.replay.invalid`;
  const user =
    (await findUserByEmail(database, email)) ??
    (await createUser(database, {
      email,
      displayName: side === 'mediation' ? 'Mediation team (replay)' : `${side} delegation (replay)`,
      // Not a scrypt hash: no password opens this account.
      passwordHash: 'replay-account:no-login',
      isAdmin: false,
    }));
  for (const membership of memberships) await grantRole(database, caseId, user.id, membership);
  return {
    userId: user.id,
    audience: audienceOf(memberships),
    memberships,
    roles: memberships.map((m) => m.role).join(','),
  };
}

/** A position's point values as a package; ranges are left to the step's note. */
function packageValues(values: Extract<ReplayStep, { action: 'package' }>['values']): PackageValue[] {
  return Object.entries(values).flatMap(([issue, value]) =>
    value === undefined || (typeof value === 'object' && !Array.isArray(value)) ? [] : [{ issue, value }],
  );
}

/** The text a step leaves in its channel: its date, its line, its sources and how it was placed. */
function noteOf(step: ReplayStep): string {
  const values =
    step.action === 'answer' || step.action === 'package'
      ? ` — ${Object.entries(step.values)
          .map(([issue, value]) => `${issue}: ${JSON.stringify(value)}`)
          .join('; ')}`
      : '';
  const sources = step.sources.length > 0 ? ` [${step.sources.join(', ')}]` : '';
  const placed = step.reconstruction ? ` (replay: ${step.reconstruction})` : '';
  return `${step.date} — ${step.summary}${values}${sources}${placed}`;
}
