import { SeededRandom } from '../random/seeded-random.ts';
import type { NegotiationDomain } from './outcome-space.ts';

export interface RandomDomainShape {
  issues: number;
  options: number;
  parties: number;
  seed: number;
  /** Reservation value of every party, as a share of its best utility (default 0). */
  reservationShare?: number;
}

/**
 * A seeded random additive domain for tests and benchmarks: every party gets random issue
 * weights (summing to 1) and random option scores in [0, 1], like a GENIUS profile.
 */
export function randomDomain(shape: RandomDomainShape): NegotiationDomain {
  const random = new SeededRandom(shape.seed);
  const draw = () => random.float();
  const issues = Array.from({ length: shape.issues }, (_, i) => ({
    name: `issue-${i + 1}`,
    options: Array.from({ length: shape.options }, (_, j) => `option-${j + 1}`),
  }));
  const stakeholders = Array.from({ length: shape.parties }, (_, p) => {
    const raw = issues.map(() => draw() + 0.05);
    const total = raw.reduce((s, w) => s + w, 0);
    const scores = issues.map((issue, i) => issue.options.map(() => (raw[i]! / total) * draw()));
    const best = scores.reduce((s, row) => s + Math.max(...row), 0);
    return {
      id: `party-${p + 1}`,
      role: 'party' as const,
      scores,
      reservationValue: (shape.reservationShare ?? 0) * best,
    };
  });
  return { issues, stakeholders };
}
