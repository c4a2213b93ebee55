import { deadlineOf, type SearchOptions } from '../incumbent.ts';
import { idealObjective, SOLUTION_NAMES, solutionObjective, type SolutionName } from '../solutions.ts';
import { listedPart, type MixedDomain } from './mixed-domain.ts';
import { searchMixed, type MixedCandidate, type MixedCertificate } from './mixed-search.ts';

/**
 * The bargaining points of a mixed domain, under the very definitions solutions.ts gives for
 * discrete domains (same objectives, agreement set, ideal point for Kalai–Smorodinsky), each
 * searched exactly by mixed-search.ts.
 */

export type MixedPoint =
  | { candidate: MixedCandidate; certificate: MixedCertificate }
  | { reason: string; certificate?: MixedCertificate };

export interface MixedSolutions {
  ideal?: number[];
  idealProven: boolean;
  points: Record<SolutionName, MixedPoint>;
}

const EMPTY = 'no package gives every party at least its reservation value (the agreement set is empty)';

export function mixedSolutions(domain: MixedDomain, options: SearchOptions = {}): MixedSolutions {
  const budget: SearchOptions = { ...options, deadline: deadlineOf(options) };
  const shadow = listedPart(domain);
  let idealProven = true;
  let ideal: number[] | undefined = [];
  for (let p = 0; p < domain.parties.length; p++) {
    const result = searchMixed(domain, idealObjective(shadow, p), budget);
    idealProven &&= result.certificate.proven;
    if (!result.best) {
      ideal = undefined;
      break;
    }
    ideal.push(result.best.utilities[p]!);
  }
  const points = {} as Record<SolutionName, MixedPoint>;
  for (const name of SOLUTION_NAMES) {
    if (!ideal) {
      points[name] = { reason: idealProven ? EMPTY : 'not proven within budget' };
      continue;
    }
    const objective = solutionObjective(shadow, name, ideal);
    if (!objective) {
      points[name] = {
        reason: 'every party gets exactly its reservation value in every package of the agreement set',
      };
      continue;
    }
    const result = searchMixed(domain, objective, budget);
    if (name === 'kalaiSmorodinsky' && !idealProven) result.certificate.proven = false;
    points[name] = result.best
      ? { candidate: result.best, certificate: result.certificate }
      : {
          reason: !result.certificate.proven
            ? 'not proven within budget'
            : name === 'nash'
              ? 'no package gives every party strictly more than its reservation value'
              : EMPTY,
          certificate: result.certificate,
        };
  }
  return { ideal, idealProven, points };
}
