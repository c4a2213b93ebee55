import { describe, expect, it } from 'vitest';
import { bruteBest, bruteFrontier } from './interacting-brute-force.test-support.ts';
import { interactingFrontier, interactingSolutions } from './interacting-analysis.ts';
import { searchInteracting } from './interacting-search.ts';
import { rawUtility, type InteractingDomain } from './interacting-utility.ts';
import { paretoXml, parseParetoXml, uncoveredPoints } from './pareto-xml.ts';
import { randomInteractingDomain } from './random-interacting.ts';

/** Two issues with three options; one party likes (0,0) and a box, the other the opposite corner. */
const tiny: InteractingDomain = {
  issues: [
    { name: 'x', options: ['1', '2', '3'] },
    { name: 'y', options: ['1', '2', '3'] },
  ],
  profiles: [
    {
      id: 'A',
      role: 'party',
      constant: 0,
      scores: [
        [0.2, 0.1, 0],
        [0, 0, 0],
      ],
      terms: [
        {
          value: 0.5,
          bounds: [
            { issue: 0, lo: 0, hi: 1 },
            { issue: 1, lo: 0, hi: 0 },
          ],
        },
        { value: -0.3, bounds: [{ issue: 1, lo: 2, hi: 2 }] },
      ],
      scale: 1,
      reservationValue: 0,
    },
    {
      id: 'B',
      role: 'party',
      constant: 0.3,
      scores: [
        [0, 0, 0],
        [0, 0.1, 0.2],
      ],
      terms: [
        {
          value: 0.4,
          bounds: [
            { issue: 0, lo: 1, hi: 2 },
            { issue: 1, lo: 1, hi: 2 },
          ],
        },
      ],
      scale: 1,
      reservationValue: 0,
    },
  ],
};

describe('interacting utilities (additive part + hyper-rectangles)', () => {
  it('evaluate a package by hand', () => {
    // A at (x=1, y=1): 0.2 + box 0.5 = 0.7; at (x=2, y=3): 0.1 − 0.3 = −0.2.
    expect(rawUtility(tiny.profiles[0]!, [0, 0])).toBeCloseTo(0.7, 15);
    expect(rawUtility(tiny.profiles[0]!, [1, 2])).toBeCloseTo(-0.2, 15);
    // B at (x=2, y=3): 0.3 + 0.2 + 0.4 = 0.9.
    expect(rawUtility(tiny.profiles[1]!, [1, 2])).toBeCloseTo(0.9, 15);
  });

  it('finds the hand-computed frontier and points', () => {
    const frontier = interactingFrontier(tiny);
    expect(frontier.proven).toBe(true);
    expect(frontier.points.map((p) => p.utilities.map((u) => Number(u.toFixed(12))))).toEqual(
      bruteFrontier(tiny).map((p) => p.map((u) => Number(u.toFixed(12)))),
    );
    // (x=2,y=1): A 0.1+0.5 = 0.6, B 0.3 → welfare 0.9; (x=2,y=2): A 0.1, B 0.3+0.1+0.4 = 0.8 → 0.9;
    // (x=1,y=1): A 0.7, B 0.3 → 1.0, the best.
    const points = interactingSolutions(tiny, frontier);
    expect('candidate' in points.maxWelfare && points.maxWelfare.candidate.outcome).toEqual([0, 0]);
    expect('candidate' in points.maxWelfare && points.maxWelfare.candidate.value).toBeCloseTo(1.0, 12);
    // Nash: 0.7 × 0.3 = 0.21 beats 0.6 × 0.3 and 0.1 × 0.8 and (x=3,y=3): 0 × … → (1,1).
    expect('candidate' in points.nash && points.nash.candidate.outcome).toEqual([0, 0]);
    expect(points.nash.certificate?.proven).toBe(true);
  });
});

describe('generated non-linear domains against brute force', () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    const domain = randomInteractingDomain({ issues: 6, values: 4, parties: 2, rectangles: 12, seed });
    it(`seed ${seed}: frontier, Nash and welfare match enumeration of 4^6 packages`, () => {
      const frontier = interactingFrontier(domain);
      expect(frontier.proven).toBe(true);
      const brute = bruteFrontier(domain);
      expect(frontier.size).toBe(brute.length);
      frontier.points.forEach((p, k) => {
        expect(p.utilities[0]).toBeCloseTo(brute[k]![0]!, 12);
        expect(p.utilities[1]).toBeCloseTo(brute[k]![1]!, 12);
      });
      const floors = [0, 0];
      for (const kind of ['nash', 'linear'] as const) {
        const objective = { kind, weights: [1, 1], thresholds: floors, floors };
        const result = searchInteracting(domain, objective);
        expect(result.certificate.proven).toBe(true);
        expect(result.certificate.value).toBeCloseTo(bruteBest(domain, objective), 12);
        expect(result.certificate.upperBound).toBeGreaterThanOrEqual(result.certificate.value);
      }
    });
  }

  it('reports "not proven" with a valid bound when the node budget runs out', () => {
    const domain = randomInteractingDomain({ issues: 7, values: 4, parties: 2, rectangles: 30, seed: 9 });
    const objective = { kind: 'linear' as const, weights: [1, 1], thresholds: [0, 0], floors: [0, 0] };
    const cut = searchInteracting(domain, objective, { nodeLimit: 3 });
    expect(cut.certificate.proven).toBe(false);
    const exact = bruteBest(domain, objective);
    expect(cut.certificate.upperBound).toBeGreaterThanOrEqual(exact - 1e-12);
    expect(cut.certificate.value).toBeLessThanOrEqual(exact + 1e-12);
  });
});

describe('pareto.xml check', () => {
  const domain = randomInteractingDomain({ issues: 5, values: 4, parties: 2, rectangles: 10, seed: 11 });
  const reference = parseParetoXml(paretoXml(bruteFrontier(domain)), 'pareto.xml');

  it('our frontier contains or dominates every point GENIUS-style pareto.xml lists', () => {
    const frontier = interactingFrontier(domain);
    expect(reference.length).toBe(frontier.size);
    expect(uncoveredPoints(frontier.points, reference)).toEqual([]);
  });

  it('names a reference point that our frontier misses', () => {
    const frontier = interactingFrontier(domain);
    const missing = frontier.points.slice(1);
    expect(uncoveredPoints(missing, reference)).toEqual([reference[0]]);
  });
});
