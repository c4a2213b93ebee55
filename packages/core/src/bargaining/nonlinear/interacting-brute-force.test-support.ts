import { objectiveOfUtilities, type InteractingObjective } from './interacting-search.ts';
import { utilitiesOfPackage, type InteractingDomain } from './interacting-utility.ts';

/** Every package of a small interacting domain, with its utilities (the tests' independent baseline). */
export function allPackages(domain: InteractingDomain): { outcome: number[]; utilities: number[] }[] {
  const out: { outcome: number[]; utilities: number[] }[] = [];
  const outcome = domain.issues.map(() => 0);
  const walk = (i: number) => {
    if (i === domain.issues.length) {
      out.push({ outcome: [...outcome], utilities: utilitiesOfPackage(domain, outcome) });
      return;
    }
    for (let o = 0; o < domain.issues[i]!.options.length; o++) {
      outcome[i] = o;
      walk(i + 1);
    }
  };
  walk(0);
  return out;
}

export function bruteBest(domain: InteractingDomain, objective: InteractingObjective): number {
  return Math.max(...allPackages(domain).map((p) => objectiveOfUtilities(objective, p.utilities)));
}

/** Distinct non-dominated utility vectors of two profiles, first party descending. */
export function bruteFrontier(domain: InteractingDomain, a = 0, b = 1): number[][] {
  const points = allPackages(domain).map((p) => [p.utilities[a]!, p.utilities[b]!]);
  points.sort((x, y) => y[0]! - x[0]! || y[1]! - x[1]!);
  const kept: number[][] = [];
  for (const p of points) if (kept.length === 0 || p[1]! > kept[kept.length - 1]![1]!) kept.push(p);
  return kept;
}
