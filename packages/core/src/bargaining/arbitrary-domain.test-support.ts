import fc from 'fast-check';
import type { NegotiationDomain } from './outcome-space.ts';

/**
 * Small random domains, with deliberately coarse scores (many exact ties) and sometimes a
 * guarantor whose consent is required only when one issue takes certain options.
 */
export const domainArbitrary = (maxIssues = 4) =>
  fc
    .record({
      issues: fc.integer({ min: 1, max: maxIssues }),
      options: fc.integer({ min: 1, max: 4 }),
      parties: fc.integer({ min: 1, max: 3 }),
      guarantor: fc.boolean(),
      coarse: fc.boolean(),
      seed: fc.integer({ min: 0, max: 1e9 }),
    })
    .chain((shape) => {
      const stakeholders = shape.parties + (shape.guarantor ? 1 : 0);
      // Scores live on the 0..1 scale every import produces (tolerances are relative to it).
      const score = fc
        .integer({ min: 0, max: shape.coarse ? 3 : 1_000_000 })
        .map((x) => x / (shape.coarse ? 3 : 1_000_000));
      return fc.record({
        shape: fc.constant(shape),
        scores: fc.array(
          fc.array(fc.array(score, { minLength: shape.options, maxLength: shape.options }), {
            minLength: shape.issues,
            maxLength: shape.issues,
          }),
          { minLength: stakeholders, maxLength: stakeholders },
        ),
        reservations: fc.array(
          fc.integer({ min: 0, max: 90 }).map((x) => x / 100),
          { minLength: stakeholders, maxLength: stakeholders },
        ),
        trigger: fc.array(fc.boolean(), { minLength: shape.options, maxLength: shape.options }),
      });
    })
    .map(({ shape, scores, reservations, trigger }): NegotiationDomain => ({
      issues: Array.from({ length: shape.issues }, (_, i) => ({
        name: `i${i}`,
        options: Array.from({ length: shape.options }, (_, j) => `o${j}`),
      })),
      stakeholders: scores.map((table, q) => {
        const best = table.reduce((s, row) => s + Math.max(...row), 0);
        const isGuarantor = shape.guarantor && q === scores.length - 1;
        return {
          id: `s${q}`,
          role: isGuarantor ? ('guarantor' as const) : ('party' as const),
          scores: table,
          reservationValue: reservations[q]! * best,
          ...(isGuarantor
            ? { obligedWhen: { issue: 0, options: trigger.flatMap((t, j) => (t ? [j] : [])) } }
            : {}),
        };
      }),
    }));
