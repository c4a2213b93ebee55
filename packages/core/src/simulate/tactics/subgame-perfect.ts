import { ParleyError } from '@parley/model/errors.ts';
import type { NegotiationDomain, Outcome } from '../../bargaining/outcome-space.ts';
import { searchBid, SLACK } from '../bid-search.ts';
import type { Move, Negotiator, Turn } from '../negotiator.ts';
import { discounted } from '../run-result.ts';

/**
 * Subgame-perfect play of bilateral alternating offers with a deadline and discounting, by
 * backward induction over the turns (Rubinstein 1982 is its limit as the deadline recedes). It
 * needs complete information — both profiles and discount factors — so it is a benchmark for the
 * protocol, not a realistic party.
 *
 * W(s): each party's discounted value of the game from turn s, the mover at s about to propose.
 * At the last turn nobody can answer, so W is the disagreement point (rv·d at t = 1). Before it,
 * the mover proposes the package best for itself among those that give the responder at least
 * W(s+1) (what the responder gets by rejecting and proposing next) and each party its reservation
 * value — if that beats letting the turn pass; the responder accepts exactly such offers.
 */
interface Plan {
  proposal: Outcome | undefined;
  /** Per stakeholder: discounted value of the game from this turn. */
  values: number[];
}

export function subgamePerfectPlan(
  domain: NegotiationDomain,
  parties: readonly [number, number],
  deadline: number,
  discounts: readonly number[],
): Plan[] {
  const total = deadline * 2;
  const d = (q: number) => discounts[q] ?? 1;
  const rv = (q: number) => domain.stakeholders[q]!.reservationValue;
  const scores = (q: number) => domain.stakeholders[q]!.scores;
  const utility = (q: number, o: Outcome) => o.reduce((s, j, i) => s + scores(q)[i]![j]!, 0);
  const plans: Plan[] = new Array(total);
  plans[total - 1] = {
    proposal: undefined,
    values: domain.stakeholders.map((_, q) => discounted(rv(q), d(q), 1)),
  };
  for (let s = total - 2; s >= 0; s--) {
    const mover = parties[s % 2]!;
    const responder = parties[(s + 1) % 2]!;
    const later = plans[s + 1]!;
    const answeredAt = (s + 1) / total;
    // Undiscounted utility the responder needs to accept at s+1.
    const need = Math.max(rv(responder), later.values[responder]! / Math.pow(d(responder), answeredAt));
    const bid = searchBid(scores(responder), scores(mover), need);
    const gain = bid ? utility(mover, bid.outcome) : -Infinity;
    if (bid && gain >= rv(mover) - SLACK && discounted(gain, d(mover), answeredAt) >= later.values[mover]!) {
      plans[s] = {
        proposal: bid.outcome,
        values: domain.stakeholders.map((_, q) => discounted(utility(q, bid.outcome), d(q), answeredAt)),
      };
    } else plans[s] = { proposal: undefined, values: later.values };
  }
  return plans;
}

export class SubgamePerfect implements Negotiator {
  readonly tactic = 'subgame-perfect';
  private readonly best: Outcome;

  constructor(
    private readonly domain: NegotiationDomain,
    readonly party: number,
    private readonly plans: readonly Plan[],
    private readonly discount: number,
  ) {
    if (domain.stakeholders.filter((s) => s.role === 'party').length !== 2)
      throw new ParleyError('usage', 'the subgame-perfect tactic plays bilateral negotiations only');
    this.best = domain.stakeholders[party]!.scores.map((row) => row.indexOf(Math.max(...row)));
  }

  utility(outcome: Outcome): number {
    return outcome.reduce((s, j, i) => s + this.domain.stakeholders[this.party]!.scores[i]![j]!, 0);
  }

  observe(): void {}

  wouldSign(_time: number, outcome: Outcome): boolean {
    return this.utility(outcome) >= this.domain.stakeholders[this.party]!.reservationValue;
  }

  move(turn: Turn): Move {
    const plan = this.plans[turn.step]!;
    if (turn.standing) {
      const u = this.utility(turn.standing);
      const rv = this.domain.stakeholders[this.party]!.reservationValue;
      // The offer was built to meet this value up to the bid search's rounding slack.
      if (u >= rv - SLACK && discounted(u, this.discount, turn.time) >= plan.values[this.party]! - SLACK)
        return { kind: 'accept' };
    }
    return { kind: 'offer', outcome: plan.proposal ?? this.best };
  }
}
