import { randomBytes } from 'node:crypto';
import type { Case } from '@parley/model/case.ts';
import { ParleyError } from '@parley/model/errors.ts';
import type { Database } from '../database.ts';
import type { Membership } from '../membership.ts';
import type { Writer } from '../records.ts';
import { visibleCase } from '../visible-case.ts';
import { sees, type Audience, type Visibility } from '../visibility.ts';

export const PLENARY = 'plenary';

/** One channel a member may use: the plenary (the whole case) or a party's caucus. */
export interface Channel {
  id: string;
  /** The party whose caucus it is; null for the plenary. */
  party: string | null;
  visibility: Visibility;
}

/** Who writes in a channel: what they see, their account, their roles (for the record of each step). */
export interface ConductWriter extends Writer {
  userId: string;
  roles: string;
  memberships: readonly Membership[];
}

export const channelVisibility = (channel: string): Visibility =>
  channel === PLENARY ? 'case' : `channel:${channel}`;

/** The parties of a case: the actors it gives the role `party`, in the order of their roles. */
export function partiesOf(c: Case): string[] {
  return [...new Set(c.roles.filter((r) => r.role === 'party').map((r) => r.actor))];
}

/** The channels a member sees: the plenary, and the caucus of each party whose channel they see. */
export function channelsFor(c: Case, audience: Audience): Channel[] {
  return [
    { id: PLENARY, party: null, visibility: 'case' },
    ...partiesOf(c)
      .filter((p) => sees(audience, `channel:${p}`))
      .map((p) => ({ id: p, party: p, visibility: channelVisibility(p) })),
  ];
}

/** The channel, when the member may use it; any other answers as a missing one. */
export function requireChannel(c: Case, audience: Audience, caseId: string, channel: string): Channel {
  const found = channelsFor(c, audience).find((ch) => ch.id === channel);
  if (!found) throw new ParleyError('not-found', `no channel "${channel}" in case "${caseId}"`);
  return found;
}

/**
 * The case as everyone in a channel sees it: the plenary as any member does; a caucus as both
 * the mediation team and the party's delegation do (what only one of them sees is left out).
 * What a channel's records refer to must be in it, so no one in the channel meets a reference
 * to something hidden from them.
 */
export async function sharedView(database: Database, caseId: string, channel: string): Promise<Case> {
  if (channel === PLENARY)
    return (await visibleCase(database, caseId, { mediation: false, parties: [] }))!.case;
  const team = (await visibleCase(database, caseId, { mediation: true, parties: [] }))!.case;
  const party = (await visibleCase(database, caseId, { mediation: false, parties: [channel] }))!.case;
  const issues = new Set(party.issues.map((i) => i.id));
  const versions = new Set(party.drafts.flatMap((d) => d.versions.map((v) => `${d.id}@${v.id}`)));
  return {
    ...team,
    issues: team.issues.filter((i) => issues.has(i.id)),
    drafts: team.drafts
      .map((d) => ({ ...d, versions: d.versions.filter((v) => versions.has(`${d.id}@${v.id}`)) }))
      .filter((d) => d.versions.length > 0),
  };
}

/** The role a member acts in, as a record of conduct names it (`mediator`, `delegation-head:north`). */
export function actingRole(memberships: readonly Membership[], as: 'mediation' | string): string {
  const order = as === 'mediation' ? ['mediator-lead', 'mediator'] : ['delegation-head', 'delegation-member'];
  for (const role of order) {
    const m = memberships.find((x) => x.role === role && (as === 'mediation' || x.party === as));
    if (m) return m.party ? `${m.role}:${m.party}` : m.role;
  }
  throw new ParleyError('forbidden', `you act neither for the mediation team nor for ${as}`);
}

/** The parties a member speaks for as a delegation (head or member). */
export function delegationsOf(memberships: readonly Membership[]): string[] {
  return [
    ...new Set(
      memberships
        .filter((m) => (m.role === 'delegation-head' || m.role === 'delegation-member') && m.party)
        .map((m) => m.party!),
    ),
  ];
}

export const isMediation = (memberships: readonly Membership[]) =>
  memberships.some((m) => m.role === 'mediator-lead' || m.role === 'mediator');

/**
 * A fresh random id (`m-…`, `p-…`, `c-…`): 20 letters or digits, about 103 bits, so an id tells
 * nothing of how many records exist or which came before, and a sealed audit entry cannot be
 * matched by guessing its payload.
 */
export function conductIdOf(letter: 'm' | 'p' | 'c'): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(20);
  return `${letter}-${[...bytes].map((b) => alphabet[b % 36]).join('')}`;
}
