import {
  describeOutcome,
  isRequiredSignatory,
  utilitiesOf,
  type NegotiationDomain,
  type Outcome,
} from '../../bargaining/outcome-space.ts';
import type { SeededRandom } from '../../random/seeded-random.ts';
import type { Calendar } from '../calendar.ts';
import type { Negotiator } from '../negotiator.ts';
import { discounted, type RunResult } from '../run-result.ts';
import { entryFor, type TraceEntry } from '../trace.ts';

/**
 * Single negotiating text (mediated; after Raiffa's single-text procedure and Klein et al.'s
 * 2003 mediated protocol). A mediator, who knows only the parties' answers, starts from a random
 * package and each step proposes a variant of its current text (one issue changed at random).
 *
 * - veto: each party answers accept or reject (accept when the package meets its current target,
 *   its tactic's concession curve); when every required signatory accepts, that is the agreement.
 *   The mediator moves its text to the variant when the variant won at least as many accepts.
 * - hill-climbing: each party answers better or worse than the current text; the mediator moves
 *   when nobody says worse. At the deadline the text is agreed if it gives every required
 *   signatory at least its reservation value.
 *
 * Guarantors answer on their reservation value, and only when the package obliges them.
 *
 * Case calendar (optional): mediator step s is day s + 1 of the calendar, as a SAOP round is, and
 * every answer is given on that day's reservation values (each party's curve ends at its limit of
 * the day; a guarantor signs what gives it its limit of the day), so a text can become signable,
 * or stop being so, while the mediator works. The hill-climbing variant's final check is on the
 * last day's values.
 */
export interface SingleTextOptions {
  variant: 'veto' | 'hill-climbing';
  /** Mediator steps before the deadline. */
  deadline: number;
  random: SeededRandom;
  discounts?: readonly number[];
  /** Case runs: the day of each step and that day's reservation values (calendar.ts). */
  calendar?: Calendar;
}

export function runSingleText(
  domain: NegotiationDomain,
  negotiators: readonly Negotiator[],
  options: SingleTextOptions,
): RunResult {
  const { random } = options;
  const ids = domain.stakeholders.map((s) => s.id);
  const byParty = new Map(negotiators.map((n) => [n.party, n]));
  const trace: TraceEntry[] = [];
  const mutate = (text: Outcome): Outcome => {
    const next = [...text];
    const issue = random.int(0, domain.issues.length - 1);
    next[issue] = random.int(0, domain.issues[issue]!.options.length - 1);
    return next;
  };
  // Stakeholder q's reservation value at step s: the calendar day's, else its profile's.
  const limitAt = (s: number, q: number) =>
    options.calendar?.reservationValues[s]?.[q] ?? domain.stakeholders[q]!.reservationValue;
  const signs = (q: number, s: number, time: number, outcome: Outcome, utilities: number[]) => {
    const negotiator = byParty.get(q);
    return negotiator ? negotiator.wouldSign(time, outcome, limitAt(s, q)) : utilities[q]! >= limitAt(s, q);
  };
  const dayOf = (s: number) => {
    const day = options.calendar?.days[s];
    return day ? { day } : {};
  };
  const signatories = (outcome: Outcome) =>
    domain.stakeholders.flatMap((s, q) => (isRequiredSignatory(s, outcome) ? [q] : []));
  const agreementAt = (outcome: Outcome, step: number, time: number, utilities: number[]): RunResult => ({
    protocol: 'single-text',
    agreement: {
      outcome,
      package: describeOutcome(domain, outcome),
      step,
      round: step + 1,
      time,
      ...dayOf(step),
      utilities,
      discounted: utilities.map((u, q) => discounted(u, options.discounts?.[q] ?? 1, time)),
    },
    ending: 'agreement',
    steps: step + 1,
    trace,
  });

  let text: Outcome = domain.issues.map((issue) => random.int(0, issue.options.length - 1));
  let textAccepts = -1;
  for (let step = 0; step < options.deadline; step++) {
    const time = step / options.deadline;
    const candidate = step === 0 ? text : mutate(text);
    const utilities = utilitiesOf(domain, candidate);
    const at = { step, round: step + 1, time, ...dayOf(step), party: 'mediator' };
    const asked = signatories(candidate);
    if (options.variant === 'veto') {
      const answers = asked.map((q) => [
        ids[q]!,
        signs(q, step, time, candidate, utilities) ? 'accept' : 'reject',
      ]);
      const accepts = answers.filter(([, a]) => a === 'accept').length;
      trace.push({
        ...at,
        action: 'propose',
        responses: Object.fromEntries(answers),
        ...entryFor(domain, candidate),
      });
      if (accepts === asked.length) return agreementAt(candidate, step, time, utilities);
      if (accepts >= textAccepts) [text, textAccepts] = [candidate, accepts];
    } else {
      const before = utilitiesOf(domain, text);
      const answers = asked.map((q) => [ids[q]!, utilities[q]! >= before[q]! ? 'better' : 'worse']);
      trace.push({
        ...at,
        action: 'propose',
        responses: Object.fromEntries(answers),
        ...entryFor(domain, candidate),
      });
      if (answers.every(([, a]) => a === 'better')) text = candidate;
    }
  }
  if (options.variant === 'hill-climbing') {
    const step = options.deadline - 1;
    const time = step / options.deadline;
    const utilities = utilitiesOf(domain, text);
    const answers = signatories(text).map((q) => [
      ids[q]!,
      utilities[q]! >= limitAt(step, q) ? 'accept' : 'reject',
    ]);
    const agreed = answers.every(([, a]) => a === 'accept');
    trace.push({
      step,
      round: step + 1,
      time,
      ...dayOf(step),
      party: 'mediator',
      action: agreed ? 'agree' : 'end',
      responses: Object.fromEntries(answers),
      ...entryFor(domain, text),
    });
    if (agreed) return agreementAt(text, step, time, utilities);
  }
  return { protocol: 'single-text', agreement: null, ending: 'deadline', steps: options.deadline, trace };
}
