import { SeededRandom } from '../../random/seeded-random.ts';
import type { InteractingDomain, InteractingProfile, RectangleTerm } from './interacting-utility.ts';

export interface RandomInteractingShape {
  issues: number;
  /** Values per integer issue: 1..values. */
  values: number;
  parties: number;
  /** Hyper-rectangles per profile. */
  rectangles: number;
  /** At most this many issues bounded by one rectangle (default 3). */
  maxBounds?: number;
  seed: number;
  /** Reservation value of every party (default 0). */
  reservationValue?: number;
}

/**
 * A seeded non-linear domain shaped like the ANAC 2014 ones: integer issues 1..values, profiles
 * that are sums of hyper-rectangles (each bounding 1..maxBounds random issues to a random range,
 * paying a whole number from 1 to 100), no additive part. maxutility is the sum of the
 * rectangles' utilities, so utilities stay below 1 and the cap never binds.
 */
export function randomInteractingDomain(shape: RandomInteractingShape): InteractingDomain {
  const random = new SeededRandom(shape.seed);
  const int = (n: number) => Math.min(n - 1, Math.floor(random.float() * n));
  const issues = Array.from({ length: shape.issues }, (_, i) => ({
    name: `i${i + 1}`,
    options: Array.from({ length: shape.values }, (_, v) => String(v + 1)),
  }));
  const profiles = Array.from({ length: shape.parties }, (_, p): InteractingProfile => {
    const terms = Array.from({ length: shape.rectangles }, (): RectangleTerm => {
      const count = 1 + int(Math.min(shape.maxBounds ?? 3, shape.issues));
      const chosen = new Set<number>();
      while (chosen.size < count) chosen.add(int(shape.issues));
      const bounds = [...chosen]
        .sort((x, y) => x - y)
        .map((issue) => {
          const x = int(shape.values);
          const y = int(shape.values);
          return { issue, lo: Math.min(x, y), hi: Math.max(x, y) };
        });
      return { value: 1 + int(100), bounds };
    });
    const total = terms.reduce((s, t) => s + t.value, 0);
    return {
      id: `party-${p + 1}`,
      role: 'party',
      constant: 0,
      scores: issues.map((issue) => issue.options.map(() => 0)),
      terms,
      scale: 1 / total,
      cap: 1,
      reservationValue: shape.reservationValue ?? 0,
    };
  });
  return { issues, profiles };
}
