import type { NegotiationDomain, NegotiationIssue, Outcome } from '../outcome-space.ts';

/**
 * Preferences that interact: a profile's utility is an additive part (one score per option of
 * each issue, as in NegotiationDomain) plus a sum of hyper-rectangle terms. A term adds its value
 * when the package's option of every constrained issue lies in that issue's range (GENIUS's
 * inclusive hyper-rectangles; an exclusive one, which pays when any bound is violated, is a
 * constant plus an inclusive term of the opposite value, so the importer rewrites it that way).
 *
 *   raw(package)     = constant + Σ_issue score[issue][option] + Σ_terms value × [package in box]
 *   utility(package) = min(cap, scale × raw)
 *
 * GENIUS divides a non-linear profile by its `maxutility` and caps at 1 (scale = 1/maxutility,
 * cap = 1); a case model uses scale 1 and no cap. Both maps are non-decreasing, so every bound
 * on `raw` is a bound on the utility.
 */

export interface RectangleBound {
  issue: number;
  /** Inclusive range of option indices. */
  lo: number;
  hi: number;
}

export interface RectangleTerm {
  value: number;
  /** A term with no bound always pays (GENIUS writes such a rectangle without INCLUDES). */
  bounds: RectangleBound[];
  /** Where the term comes from, for reports (a file location or a case-model path). */
  source?: string;
}

export interface InteractingProfile {
  id: string;
  role: 'party' | 'guarantor';
  constant: number;
  /** scores[issue][option], as in NegotiationDomain. */
  scores: number[][];
  terms: RectangleTerm[];
  scale: number;
  /** Utilities above it count as it (GENIUS: 1); undefined for no cap. */
  cap?: number;
  reservationValue: number;
}

export interface InteractingDomain {
  issues: NegotiationIssue[];
  profiles: InteractingProfile[];
}

export function rawUtility(profile: InteractingProfile, outcome: Outcome): number {
  let raw = profile.constant;
  for (let i = 0; i < outcome.length; i++) raw += profile.scores[i]![outcome[i]!]!;
  for (const term of profile.terms) {
    if (term.bounds.every((b) => outcome[b.issue]! >= b.lo && outcome[b.issue]! <= b.hi)) raw += term.value;
  }
  return raw;
}

/** The utility map: scale, then the cap. */
export const scaled = (profile: InteractingProfile, raw: number) =>
  profile.cap === undefined ? profile.scale * raw : Math.min(profile.cap, profile.scale * raw);

export function utilitiesOfPackage(domain: InteractingDomain, outcome: Outcome): number[] {
  return domain.profiles.map((p) => scaled(p, rawUtility(p, outcome)));
}

/** An additive domain read as an interacting one with no terms (scale 1, no cap). */
export function fromAdditive(domain: NegotiationDomain): InteractingDomain {
  return {
    issues: domain.issues,
    profiles: domain.stakeholders.map((s) => ({
      id: s.id,
      role: s.role,
      constant: 0,
      scores: s.scores,
      terms: [],
      scale: 1,
      reservationValue: s.reservationValue,
    })),
  };
}

/** Problems with the shape of an interacting domain (ranges outside an issue, bad numbers). */
export function interactingProblems(domain: InteractingDomain): string[] {
  const problems: string[] = [];
  for (const p of domain.profiles) {
    if (p.scores.length !== domain.issues.length)
      problems.push(`${p.id}: scores for ${p.scores.length} issues, expected ${domain.issues.length}`);
    if (!(p.scale > 0) || !Number.isFinite(p.scale))
      problems.push(`${p.id}: scale ${p.scale} is not positive`);
    p.terms.forEach((t, k) => {
      if (!Number.isFinite(t.value)) problems.push(`${p.id}: term ${k + 1} has a non-finite value`);
      for (const b of t.bounds) {
        const issue = domain.issues[b.issue];
        if (!issue) problems.push(`${p.id}: term ${k + 1} constrains issue ${b.issue}, which does not exist`);
        else if (!(b.lo <= b.hi) || b.lo < 0 || b.hi >= issue.options.length)
          problems.push(`${p.id}: term ${k + 1} has an empty or out-of-range range on issue "${issue.name}"`);
      }
    });
  }
  return problems;
}
