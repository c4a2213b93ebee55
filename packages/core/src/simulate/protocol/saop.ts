import {
  describeOutcome,
  isRequiredSignatory,
  utilitiesOf,
  type NegotiationDomain,
  type Outcome,
} from '../../bargaining/outcome-space.ts';
import type { Calendar } from '../calendar.ts';
import type { Negotiator } from '../negotiator.ts';
import { discounted, type RunResult } from '../run-result.ts';
import { entryFor, type TraceEntry } from '../trace.ts';

/**
 * Stacked alternating offers (SAOP; Aydoğan et al. 2017, as GENIUS and NegMAS run it), bilateral
 * or multilateral. The parties move in turn; on its turn a party accepts the offer on the table,
 * replaces it with its own, or ends the negotiation. An offer is agreed when every other party has
 * accepted it, one after the other. The deadline is in rounds (each party moves once a round);
 * turn s happens at relative time t = s / (rounds × parties), and with discount factor d a party's
 * utility of an agreement at t is u·d^t (its reservation value is discounted alike, so whether a
 * deal beats no deal does not change with time).
 *
 * Required signatories: guarantors do not bargain, but a package that obliges one (the case
 * model's trigger) is agreed only if it gives that guarantor at least its reservation value;
 * otherwise the guarantor vetoes it, the offer is withdrawn and the next party must offer anew.
 * Every party hears of the veto (a learning party takes it into account: guarantors.ts).
 *
 * Case calendar (optional): round r is a day, and every reservation value — each party's limit
 * and each guarantor's veto — is that day's (calendar.ts). An offer accepted on a later day than
 * it was made is checked again on the day of agreement: a party (its proposer included) whose
 * reservation value has meanwhile risen above it vetoes it like a guarantor.
 */
export interface SaopOptions {
  /** Rounds before the deadline. */
  deadline: number;
  /** Discount factor per stakeholder (domain order); 1 or absent: none. */
  discounts?: readonly number[];
  /** Case runs: the day of each round and that day's reservation values (calendar.ts). */
  calendar?: Calendar;
  /**
   * 'lean': the trace keeps only ends and vetoes (what a Monte Carlo record counts), not every
   * offer and acceptance with its package and utilities; default 'full'.
   */
  trace?: 'full' | 'lean';
}

export function runSaop(
  domain: NegotiationDomain,
  negotiators: readonly Negotiator[],
  options: SaopOptions,
): RunResult {
  const parties = negotiators.map((n) => n.party);
  const n = parties.length;
  const total = options.deadline * n;
  const ids = domain.stakeholders.map((s) => s.id);
  const full = options.trace !== 'lean';
  const trace: TraceEntry[] = [];
  let standing: Outcome | undefined;
  let accepted: number[] = [];
  // Party q's reservation value under the day's limits (one function for the run, not one a step).
  const reservationUnder = (limits: readonly number[] | undefined, q: number) =>
    limits?.[q] ?? domain.stakeholders[q]!.reservationValue;
  for (let step = 0; step < total; step++) {
    const time = step / total;
    const round = Math.floor(step / n) + 1;
    const mover = negotiators[step % n]!;
    const day = options.calendar?.days[round - 1];
    const limits = options.calendar?.reservationValues[round - 1];
    const move = mover.move({
      step,
      time,
      standing,
      // An offer at step s needs the n − 1 others to accept by the last step: s + n − 1 < total.
      last: step > total - n,
      ...(options.calendar ? { reservationValue: reservationUnder(limits, mover.party) } : {}),
      ...(limits ? { limits } : {}),
      ...(day ? { day } : {}),
    });
    const at = { step, round, time, ...(day ? { day } : {}), party: ids[mover.party]! };
    if (move.kind === 'end' || (move.kind === 'accept' && !standing)) {
      trace.push({ ...at, action: 'end' });
      return { protocol: 'saop', agreement: null, ending: 'walked-away', steps: step + 1, trace };
    }
    if (move.kind === 'offer') {
      standing = move.outcome;
      accepted = [mover.party];
      for (const other of negotiators) other.observe(mover.party, move.outcome);
      if (full) trace.push({ ...at, action: 'offer', ...entryFor(domain, standing) });
      continue;
    }
    accepted.push(mover.party);
    if (full) {
      const responses = Object.fromEntries(accepted.map((q) => [ids[q]!, 'accept']));
      trace.push({ ...at, action: 'accept', responses, ...entryFor(domain, standing) });
    }
    if (accepted.length < n) continue;
    const agreed: Outcome = standing!;
    const utilities = utilitiesOf(domain, agreed);
    const vetoes = domain.stakeholders
      .map((_, q) => q)
      .filter(
        (q) =>
          isRequiredSignatory(domain.stakeholders[q]!, agreed) && utilities[q]! < reservationUnder(limits, q),
      );
    if (vetoes.length > 0) {
      for (const q of vetoes) {
        trace.push({ ...at, party: ids[q]!, action: 'veto', ...entryFor(domain, agreed) });
        for (const other of negotiators) other.vetoed?.(q, agreed);
      }
      standing = undefined;
      accepted = [];
      continue;
    }
    return {
      protocol: 'saop',
      agreement: {
        outcome: agreed,
        package: describeOutcome(domain, agreed),
        step,
        round,
        time,
        ...(day ? { day } : {}),
        utilities,
        discounted: utilities.map((u, q) => discounted(u, options.discounts?.[q] ?? 1, time)),
      },
      ending: 'agreement',
      steps: step + 1,
      trace,
    };
  }
  return { protocol: 'saop', agreement: null, ending: 'deadline', steps: total, trace };
}
