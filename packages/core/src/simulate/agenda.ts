import type { NegotiationDomain } from '../bargaining/outcome-space.ts';
import type { Calendar } from './calendar.ts';

/**
 * A negotiation on part of the agenda (the ceasefire-first question): only the agenda's issues
 * are bargained over; the others are left to later talks.
 *
 * Assumption (a model choice, stated in docs/simulate.md): a stakeholder judges a partial
 * agreement on the issues it settles, against its alternative on the same scale — as if the
 * deferred issues were worth to it, later, what no agreement is worth now. So its utility on the
 * agenda is renormalised by the share of its weight the agenda carries (`shares`), and its
 * reservation value is unchanged. A stakeholder that values none of the agenda gets 0 from
 * every package. When the guarantor issue is off the agenda, no package obliges a guarantor:
 * the guarantors leave the negotiation (they sign nothing).
 */
export function onAgenda(
  domain: NegotiationDomain,
  calendar: Calendar,
  /** Issue indices kept, ascending. */
  issues: readonly number[],
  /** Per stakeholder (domain order): the share of its total weight on the kept issues. */
  shares: readonly number[],
): { domain: NegotiationDomain; calendar: Calendar } {
  const position = new Map(issues.map((i, k) => [i, k]));
  const kept = domain.stakeholders.flatMap((s, q) => {
    if (s.role === 'guarantor' && s.obligedWhen && !position.has(s.obligedWhen.issue)) return [];
    return [q];
  });
  const stakeholders = kept.map((q) => {
    const s = domain.stakeholders[q]!;
    const share = shares[q]!;
    const scores = issues.map((i) => s.scores[i]!.map((v) => (share > 0 ? v / share : 0)));
    const { obligedWhen, ...rest } = s;
    return {
      ...rest,
      scores,
      ...(obligedWhen ? { obligedWhen: { ...obligedWhen, issue: position.get(obligedWhen.issue)! } } : {}),
    };
  });
  return {
    domain: { issues: issues.map((i) => domain.issues[i]!), stakeholders },
    calendar: {
      days: calendar.days,
      reservationValues: calendar.reservationValues.map((day) => kept.map((q) => day[q]!)),
    },
  };
}
