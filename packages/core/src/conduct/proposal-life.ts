import type { ProposalState } from '@parley/model/schema/conduct.ts';

/**
 * The life of a proposal: tabled → under-consideration → accepted | rejected | withdrawn |
 * superseded. Who may move it depends on who tabled it and where it lies:
 *
 * - the mediation team takes it under consideration;
 * - the receiving side accepts or rejects it: the mediation team always, and a delegation that
 *   is in the proposal's channel and did not table it (in a caucus, the party whose caucus it
 *   is; in the plenary, any other party);
 * - whoever tabled it withdraws it (a party's delegation, or the mediation team for its own);
 * - whoever tabled it supersedes it, by tabling a new proposal in its place.
 *
 * Accepted, rejected, withdrawn and superseded are final.
 */

export type ProposalMove = 'consider' | 'accept' | 'reject' | 'withdraw' | 'supersede';

/** The state each move leads to. */
export const moveTarget: Record<ProposalMove, ProposalState> = {
  consider: 'under-consideration',
  accept: 'accepted',
  reject: 'rejected',
  withdraw: 'withdrawn',
  supersede: 'superseded',
};

/** The states a move starts from. */
const movesFrom: Record<ProposalMove, readonly ProposalState[]> = {
  consider: ['tabled'],
  accept: ['tabled', 'under-consideration'],
  reject: ['tabled', 'under-consideration'],
  withdraw: ['tabled', 'under-consideration'],
  supersede: ['tabled', 'under-consideration'],
};

/** The move that leads to a state; `tabled` is where a proposal starts, not a move. */
export function moveTo(state: ProposalState): ProposalMove | undefined {
  return (Object.keys(moveTarget) as ProposalMove[]).find((m) => moveTarget[m] === state);
}

/** What the rule needs to know of a proposal. */
export interface ProposalStanding {
  state: ProposalState;
  /** The party that tabled it, or `mediation`. */
  tabledBy: string;
  /** `plenary` or the party whose caucus it lies in. */
  channel: string;
}

/** Who asks to move it: the mediation team, and the parties they speak for as a delegation. */
export interface Mover {
  mediation: boolean;
  delegations: readonly string[];
}

export type MoveVerdict =
  | {
      allowed: true;
      to: ProposalState;
      /** What the mover acts as: `mediation` or the party whose delegation moves it. */
      as: string;
    }
  | { allowed: false; refusal: 'forbidden' | 'conflict'; message: string };

/**
 * Whether a mover may make a move: refused as `forbidden` when no role of theirs may ever make
 * it on this proposal, as `conflict` when the proposal's state does not allow it.
 */
export function judgeMove(proposal: ProposalStanding, move: ProposalMove, mover: Mover): MoveVerdict {
  const as = actingAs(proposal, move, mover);
  if (as === undefined) return { allowed: false, refusal: 'forbidden', message: whoMay(proposal, move) };
  if (!movesFrom[move].includes(proposal.state))
    return {
      allowed: false,
      refusal: 'conflict',
      message: `the proposal is ${proposal.state}; it can be ${moveTarget[move]} only when ${movesFrom[move].join(' or ')}`,
    };
  return { allowed: true, to: moveTarget[move], as };
}

function actingAs(proposal: ProposalStanding, move: ProposalMove, mover: Mover): string | undefined {
  const team = mover.mediation ? 'mediation' : undefined;
  switch (move) {
    case 'consider':
      return team;
    case 'accept':
    case 'reject':
      return (
        team ??
        mover.delegations.find(
          (p) => p !== proposal.tabledBy && (proposal.channel === 'plenary' || proposal.channel === p),
        )
      );
    case 'withdraw':
    case 'supersede':
      if (proposal.tabledBy === 'mediation') return team;
      return mover.delegations.includes(proposal.tabledBy) ? proposal.tabledBy : undefined;
  }
}

function whoMay(proposal: ProposalStanding, move: ProposalMove): string {
  const tabler =
    proposal.tabledBy === 'mediation' ? 'the mediation team' : `the ${proposal.tabledBy} delegation`;
  switch (move) {
    case 'consider':
      return 'only the mediation team takes a proposal under consideration';
    case 'accept':
    case 'reject':
      return `only the receiving side (the mediation team, or a delegation in the proposal's channel other than ${tabler}) may ${move} a proposal`;
    case 'withdraw':
      return `only ${tabler}, which tabled it, may withdraw this proposal`;
    case 'supersede':
      return `only ${tabler}, which tabled it, may supersede this proposal`;
  }
}
