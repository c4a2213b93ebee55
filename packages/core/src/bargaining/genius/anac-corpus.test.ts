import { describe, expect, it } from 'vitest';
import { enumerateOutcomes } from '../enumerate.ts';
import { outcomeCount } from '../outcome-space.ts';
import { paretoFrontier } from '../pareto.ts';
import { bargainingSolutions, idealPoint, solutionObjective, SOLUTION_NAMES } from '../solutions.ts';
import { geniusReport } from './genius-report.ts';
import { anacDomains, anacFiles, hasAnacCorpus } from './anac-corpus.test-support.ts';
import { importGenius } from './genius-xml.ts';

/**
 * Every ANAC domain in ../shared/corpora/genius (2010–2012 and 2016, bilateral and three-party,
 * discrete and integer issues): the engine's frontier size and solution points must equal
 * exhaustive enumeration (utilities within 1e-9).
 */

if (!hasAnacCorpus) console.warn('skipping the ANAC corpus tests: ../shared/corpora/genius absent');
const shared = hasAnacCorpus;

describe('ANAC corpus', () => {
  const all = anacFiles();

  it.skipIf(!shared)('holds the expected 99 domains', () => {
    expect(all.length).toBe(99);
  });

  it.skipIf(!shared)('matches exhaustive enumeration on every domain', { timeout: 120_000 }, () => {
    let compared = 0;
    for (const { name, domain } of anacDomains()) {
      const ideal = idealPoint(domain);
      const objectives = SOLUTION_NAMES.map((n) => solutionObjective(domain, n, ideal));
      const brute = enumerateOutcomes(
        domain,
        objectives.flatMap((o) => o ?? []),
        { frontier: true },
      );
      expect(brute.visited, name).toBe(outcomeCount(domain));
      const frontier = paretoFrontier(domain);
      expect(frontier.size, `${name} frontier`).toBe(brute.frontier!.length);
      const solved = bargainingSolutions(domain);
      let k = 0;
      SOLUTION_NAMES.forEach((solution, s) => {
        if (!objectives[s]) return;
        const expected = brute.best[k++];
        const point = solved.points[solution];
        const got = 'candidate' in point ? point.candidate.utilities : undefined;
        if (!expected || !got) expect(got, `${name} ${solution}`).toEqual(expected?.utilities);
        else
          got.forEach((u, p) =>
            expect(Math.abs(u - expected.utilities[p]!), `${name} ${solution}`).toBeLessThanOrEqual(1e-9),
          );
        compared++;
      });
    }
    expect(compared).toBeGreaterThan(350);
  });

  it.skipIf(!shared)(
    'reads weights summing to 1.0000518 as GENIUS does (Laptop, 2011): raw, capped at 1',
    () => {
      const { files } = all.find((d) => d.name === 'y2011/Laptop')!;
      const domainFile = files.find((f) => !/<weight\b/.test(f.text))!;
      const profiles = files.filter((f) => f !== domainFile);
      const nash = (normalizeWeights: boolean) => {
        const imported = importGenius(domainFile, profiles, { normalizeWeights });
        return geniusReport('Laptop', imported.negotiation, [], { caps: imported.caps }).nash.utilities;
      };
      // GENIUS's own figure for the seller is 0.8151054; dividing the weights by their sum gives 0.8150632.
      expect(nash(false)).toEqual([1, 0.8151053951696905]);
      expect(nash(true)).toEqual([1, 0.8150631714971639]);
    },
  );
});
