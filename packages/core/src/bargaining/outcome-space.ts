/**
 * The plain data every bargaining analysis runs on: an additive multi-issue outcome space.
 *
 * An outcome (a package) picks one option per issue. Each stakeholder scores every option of every
 * issue; its utility for a package is the sum of the scores of the options the package picks
 * (weights are already folded into the scores). No agreement gives each stakeholder its
 * reservation value — the value of its best alternative to a negotiated agreement — so the
 * disagreement point is the vector of reservation values.
 *
 * Utilities are expected on the 0..1 scale every importer produces (GENIUS, GeniusWeb, case
 * models): the engines' tie and pruning tolerances (1e-12) are absolute below 1.
 */

export interface NegotiationIssue {
  name: string;
  /** Labels of the options, in a fixed order; an outcome refers to them by index. */
  options: string[];
}

/** A required obligation trigger: the guarantor must consent when `issue` takes one of `options`. */
export interface ObligationTrigger {
  issue: number;
  options: number[];
}

export interface Stakeholder {
  id: string;
  /**
   * `party`: bargains, and every fairness point (Nash, Kalai–Smorodinsky, …) is computed over the
   * parties' utilities. `guarantor`: does not bargain but must consent to any package that places
   * obligations on it.
   */
  role: 'party' | 'guarantor';
  /** scores[issue][option]: this stakeholder's utility contribution of that option. */
  scores: number[][];
  /** Utility of no agreement. A package is acceptable when it gives at least this much. */
  reservationValue: number;
  /**
   * Guarantors only: the package obliges this guarantor (so needs its signature) when the trigger
   * holds; without a trigger a guarantor is always a required signatory.
   */
  obligedWhen?: ObligationTrigger;
}

export interface NegotiationDomain {
  issues: NegotiationIssue[];
  stakeholders: Stakeholder[];
}

/** Option index per issue. */
export type Outcome = number[];

/**
 * The most options one issue may have (a GENIUS integer or discrete issue, a GeniusWeb range). The
 * engines never enumerate packages, but they do walk each issue's options, and an integer issue of
 * 10^9 values would exhaust memory before any message. The GENIUS importers refuse larger issues
 * with a located message; a case model's number issues have the lower MAX_GRID_VALUES
 * (case-model.ts). See docs/deals.md, "Limits".
 */
export const MAX_ISSUE_OPTIONS = 10_000;

/** "12,345": how messages write counts. */
export const countText = (n: number) =>
  n < 1e15 ? Math.round(n).toLocaleString('en-US') : n.toExponential(1);

/** Number of packages; a float because real domains exceed 2^53. */
export function outcomeCount(domain: NegotiationDomain): number {
  return domain.issues.reduce((n, issue) => n * issue.options.length, 1);
}

/** Utility of each stakeholder, summed in issue order (the same order everywhere, for exact ties). */
export function utilitiesOf(domain: NegotiationDomain, outcome: Outcome): number[] {
  return domain.stakeholders.map((s) => {
    let u = 0;
    for (let i = 0; i < domain.issues.length; i++) u += s.scores[i]![outcome[i]!]!;
    return u;
  });
}

/** Whether the package obliges (and so needs the signature of) stakeholder `s`. */
export function isRequiredSignatory(s: Stakeholder, outcome: Outcome): boolean {
  if (s.role === 'party' || !s.obligedWhen) return true;
  return s.obligedWhen.options.includes(outcome[s.obligedWhen.issue]!);
}

/** Indices of the bargaining parties. */
export function partyIndices(domain: NegotiationDomain): number[] {
  return domain.stakeholders.flatMap((s, i) => (s.role === 'party' ? [i] : []));
}

/** Issue name → option label, for reports. */
export function describeOutcome(domain: NegotiationDomain, outcome: Outcome): Record<string, string> {
  const named: Record<string, string> = {};
  domain.issues.forEach((issue, i) => {
    named[issue.name] = issue.options[outcome[i]!]!;
  });
  return named;
}

/** Checks the shape of a domain once, so the engines can trust it. Returns problems, not throws. */
export function domainProblems(domain: NegotiationDomain): string[] {
  const problems: string[] = [];
  if (domain.issues.length === 0) problems.push('the domain has no issues');
  domain.issues.forEach((issue, i) => {
    if (issue.options.length === 0) problems.push(`issue ${i} (${issue.name}) has no options`);
    if (issue.options.length > MAX_ISSUE_OPTIONS)
      problems.push(
        `issue ${i} (${issue.name}) has ${countText(issue.options.length)} options, above the limit of ${countText(MAX_ISSUE_OPTIONS)}`,
      );
  });
  if (!domain.stakeholders.some((s) => s.role === 'party')) problems.push('the domain has no party');
  for (const s of domain.stakeholders) {
    if (s.scores.length !== domain.issues.length)
      problems.push(`${s.id}: scores for ${s.scores.length} issues, expected ${domain.issues.length}`);
    s.scores.forEach((row, i) => {
      const expected = domain.issues[i]?.options.length;
      if (expected !== undefined && row.length !== expected)
        problems.push(`${s.id}: issue ${i} has ${row.length} scores, expected ${expected}`);
      if (row.some((v) => !Number.isFinite(v))) problems.push(`${s.id}: issue ${i} has a non-finite score`);
    });
    if (!Number.isFinite(s.reservationValue)) problems.push(`${s.id}: reservation value is not finite`);
    const trigger = s.obligedWhen;
    if (trigger) {
      const issue = domain.issues[trigger.issue];
      if (!issue)
        problems.push(`${s.id}: obligation trigger names issue ${trigger.issue}, which does not exist`);
      else if (trigger.options.some((o) => o < 0 || o >= issue.options.length))
        problems.push(`${s.id}: obligation trigger names an option outside issue ${issue.name}`);
    }
  }
  return problems;
}
