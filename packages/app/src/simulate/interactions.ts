import type { NegotiationDomain } from '@parley/core/bargaining/outcome-space.ts';
import { describeOutcome } from '@parley/core/bargaining/outcome-space.ts';
import { foldTerms, type FoldedDomain } from '@parley/core/bargaining/nonlinear/fold-terms.ts';
import type { RectangleTerm } from '@parley/core/bargaining/nonlinear/interacting-utility.ts';
import type { Agreement } from '@parley/core/simulate/run-result.ts';
import type { TraceEntry } from '@parley/core/simulate/trace.ts';
import type { ScriptedPosition } from '@parley/core/simulate/tactics/scripted.ts';

/**
 * The case model's interaction terms in a simulation. The agents and the bid search play on any
 * additive domain, so a case simulation plays on the folded one (case-model.ts analysedOn: issues
 * joined by a term become one compound issue), and everything it shows — the trace, the agreement,
 * the CSV — is unfolded back to the case's own issues here.
 */

/** A package named on the folded domain, named on the case's issues. */
export function unfoldPackage(folded: FoldedDomain, named: Record<string, string>): Record<string, string> {
  const outcome = folded.domain.issues.map((issue) => issue.options.indexOf(named[issue.name]!));
  return describeOutcome(folded.original, folded.unfold(outcome));
}

export const unfoldTrace = (folded: FoldedDomain, trace: readonly TraceEntry[]): TraceEntry[] =>
  trace.map((e) => (e.offer ? { ...e, offer: unfoldPackage(folded, e.offer) } : e));

export const unfoldAgreement = (folded: FoldedDomain, agreement: Agreement): Agreement => ({
  ...agreement,
  outcome: folded.unfold(agreement.outcome),
  package: unfoldPackage(folded, agreement.package),
});

/**
 * The terms of a partial agenda (core simulate/agenda.ts onAgenda), folded into its restricted
 * domain. A term counts only when every issue it names is on the agenda; a term that names an
 * issue left for later talks is dropped. That follows onAgenda's assumption: a stakeholder judges a
 * partial agreement by what it settles, the deferred issues worth to it what no agreement is worth
 * now — and a combination the agreement does not settle is not the agreement's bonus or penalty.
 * A kept term is scaled as the scores are (÷ the stakeholder's share of weight on the agenda).
 *
 * `domain`: the whole additive domain (stakeholders in model order, as `terms`); `restricted`:
 * onAgenda's domain on `issues` (ascending indices), which may have dropped guarantors.
 */
export function foldOnAgenda(
  domain: NegotiationDomain,
  restricted: NegotiationDomain,
  terms: readonly (readonly RectangleTerm[])[],
  issues: readonly number[],
  shares: readonly number[],
): FoldedDomain {
  const position = new Map(issues.map((i, k) => [i, k]));
  const kept = restricted.stakeholders.map((s) => {
    const q = domain.stakeholders.findIndex((d) => d.id === s.id);
    const share = shares[q]!;
    return (terms[q] ?? []).flatMap((t): RectangleTerm[] =>
      t.bounds.every((b) => position.has(b.issue))
        ? [
            {
              ...t,
              value: share > 0 ? t.value / share : 0,
              bounds: t.bounds.map((b) => ({ ...b, issue: position.get(b.issue)! })),
            },
          ]
        : [],
    );
  });
  return foldTerms(restricted, kept);
}

/**
 * A party's recorded positions (recorded-positions.ts, on the case's issues) on the folded domain.
 * An issue alone keeps its positions. A compound issue gets a position on every day one of its
 * members' records changes: the combination with the recorded options, the members not yet recorded
 * at the party's best given those (folded scores `scores`, so its own terms count) — the scripted
 * tactic's rule that a party asks for its best where its record is silent.
 */
export function foldPositions(
  folded: FoldedDomain,
  scores: readonly (readonly number[])[],
  positions: readonly ScriptedPosition[],
): ScriptedPosition[] {
  return folded.groups.flatMap((group, f) => {
    if (group.length === 1)
      return positions.flatMap((p) => (p.issue === group[0] ? [{ ...p, issue: f }] : []));
    const mine = positions
      .filter((p) => group.includes(p.issue))
      .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
    const none = folded.domain.issues.map(() => 0);
    const held = new Map<number, number>();
    const out: ScriptedPosition[] = [];
    for (const p of mine) {
      held.set(p.issue, p.option);
      let best = -1;
      scores[f]!.forEach((score, c) => {
        const options = folded.unfold(none.map((o, g) => (g === f ? c : o)));
        const fits = [...held].every(([issue, option]) => options[issue] === option);
        if (fits && (best < 0 || score > scores[f]![best]!)) best = c;
      });
      const last = out.at(-1);
      if (last?.day === p.day) last.option = best;
      else out.push({ issue: f, day: p.day, option: best });
    }
    return out;
  });
}
