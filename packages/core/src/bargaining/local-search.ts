import { objectiveValue, TIE_TOLERANCE, type SearchObjective } from './objectives.ts';
import { utilitiesOf, type NegotiationDomain, type Outcome } from './outcome-space.ts';

/**
 * Cheap heuristics that give the exact searches a good first incumbent, so pruning starts at
 * once. They never decide a result: the searches prove or improve whatever these find.
 */

/** Options per issue a search may use: every option, except a fixed issue's single one. */
export function choicesOf(domain: NegotiationDomain, fixed?: Map<number, number>): number[][] {
  return domain.issues.map((issue, i) => {
    const f = fixed?.get(i);
    return f === undefined ? issue.options.map((_, j) => j) : [f];
  });
}

/** Per issue, the allowed option with the largest sum of utilities. */
export function welfarePackage(domain: NegotiationDomain, choices = choicesOf(domain)): Outcome {
  return choices.map((options, i) => {
    let best = options[0]!;
    let bestSum = -Infinity;
    options.forEach((j) => {
      const sum = domain.stakeholders.reduce((s, q) => s + q.scores[i]![j]!, 0);
      if (sum > bestSum) {
        bestSum = sum;
        best = j;
      }
    });
    return best;
  });
}

/**
 * Coordinate ascent: change one issue at a time while the objective improves. Utilities are
 * updated by differences while climbing; the returned value is recomputed exactly. Only options
 * in `choices` are tried.
 */
export function ascend(
  domain: NegotiationDomain,
  objective: SearchObjective,
  start: Outcome,
  choices = choicesOf(domain),
): { outcome: Outcome; value: number } {
  const current = [...start];
  const utilities = utilitiesOf(domain, current);
  const trial = [...utilities];
  let value = objectiveValue(domain, objective, current, utilities);
  for (let sweep = 0; sweep < 20; sweep++) {
    let improved = false;
    for (let i = 0; i < current.length; i++) {
      const keep = current[i]!;
      for (const j of choices[i]!) {
        if (j === keep) continue;
        domain.stakeholders.forEach((s, q) => {
          trial[q] = utilities[q]! - s.scores[i]![keep]! + s.scores[i]![j]!;
        });
        current[i] = j;
        const tried = objectiveValue(domain, objective, current, trial);
        if (tried > value + TIE_TOLERANCE * Math.max(1, Math.abs(value))) {
          value = tried;
          for (let q = 0; q < utilities.length; q++) utilities[q] = trial[q]!;
          improved = true;
          break;
        }
        current[i] = keep;
      }
    }
    if (!improved) break;
  }
  return {
    outcome: current,
    value: objectiveValue(domain, objective, current, utilitiesOf(domain, current)),
  };
}
