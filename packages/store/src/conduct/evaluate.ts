import { ParleyError } from '@parley/model/errors.ts';
import type { Proposal } from '@parley/model/schema/conduct.ts';
import { reservationOn } from '@parley/core/bargaining/case-model.ts';
import { packageUtility } from '@parley/core/conduct/package-utility.ts';
import type { Database } from '../database.ts';
import type { Membership } from '../membership.ts';
import type { Audience } from '../visibility.ts';
import { visibleCase } from '../visible-case.ts';
import { delegationsOf } from './channels.ts';

export interface PackageEvaluation {
  proposal: string;
  party: string;
  /** The day the reservation value is read for (YYYY-MM-DD). */
  at: string;
  utility: number;
  /** Issues the party values that the package leaves open (they score 0). */
  open: string[];
  /** Null when the model sets none yet on that day. */
  reservationValue: number | null;
  aboveReservation: boolean | null;
  /** The party's own packages (other than this one) the caller sees, oldest first. */
  previousOffers: { proposal: string; channel: string; state: Proposal['state']; utility: number }[];
}

/**
 * A package the caller sees, valued by the preference model of the party its delegation speaks
 * for: the utility, the reservation value on the day, and the utility of the party's own earlier
 * packages. The model itself is not in the answer, and no other party's model is used.
 */
export async function evaluatePackage(
  database: Database,
  caseId: string,
  who: { audience: Audience; memberships: readonly Membership[] },
  proposalId: string,
  options: { party?: string; day: string },
): Promise<PackageEvaluation> {
  const state = (await visibleCase(database, caseId, who.audience))!;
  const record = state.records.find((r) => r.kind === 'proposal' && r.id === proposalId);
  if (!record) throw new ParleyError('not-found', `no proposal "${proposalId}" in case "${caseId}"`);
  const proposal = record.body as Proposal;
  if (proposal.content.type !== 'package')
    throw new ParleyError(
      'invalid-input',
      `proposal "${proposalId}" is an amendment: only a package has a utility`,
    );
  const parties = delegationsOf(who.memberships);
  const party = options.party ?? (parties.length === 1 ? parties[0] : undefined);
  if (party === undefined)
    throw new ParleyError('usage', `you speak for ${parties.join(' and ')}: say which with ?party=`);
  if (!parties.includes(party))
    throw new ParleyError('forbidden', `you evaluate for your own delegation's party, not for ${party}`);
  const c = state.case;
  const stakeholder = c.model?.stakeholders.find((s) => s.actor === party);
  if (!c.model || !stakeholder)
    throw new ParleyError('invalid-model', `${party} has no preference model in this case that you see`);
  const utilityOf = (p: Proposal) =>
    p.content.type === 'package'
      ? packageUtility(stakeholder, p.content.values, c.issues, c.model!)
      : undefined;
  const { utility, open } = utilityOf(proposal)!;
  const reservationValue = reservationOn(stakeholder, options.day) ?? null;
  const previousOffers = state.records
    .filter((r) => r.kind === 'proposal' && r.id !== proposalId)
    .map((r) => r.body as Proposal)
    .filter((p) => p.tabledBy === party && p.content.type === 'package')
    .map((p) => ({ proposal: p.id, channel: p.channel, state: p.state, utility: utilityOf(p)!.utility }));
  return {
    proposal: proposalId,
    party,
    at: options.day,
    utility,
    open,
    reservationValue,
    aboveReservation: reservationValue === null ? null : utility > reservationValue,
    previousOffers,
  };
}
