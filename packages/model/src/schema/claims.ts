import { z } from 'zod';
import { edtfDate, recordId, sourceRefs } from './common.ts';

/**
 * A proposition is a statement that claims support or dispute. Where sources disagree on a
 * value (a date, a figure, a name), the proposition names the question and each claim gives
 * its `value`: differing values make the proposition contested, just as opposing stances do.
 */
export const propositionSchema = z.strictObject({
  id: recordId,
  statement: z
    .string()
    .min(1)
    .describe('The statement the claims support or dispute, or the question whose value they give.'),
  topic: z
    .string()
    .optional()
    .describe('A free label grouping propositions: `parley show <case> claims --topic <t>`.'),
});

const quote = z
  .string()
  .refine((q) => q.trim().split(/\s+/).length <= 25, 'a quotation may be at most 25 words');

/**
 * Whether the claimant made the claim (`stated`, the default) or the analyst infers it from what
 * the claimant wrote — from their silence on a point or from the thrust of their argument.
 */
export const claimBasis = z.enum(['stated', 'inferred']);

export const claimSchema = z
  .strictObject({
    id: recordId,
    proposition: recordId.describe('The proposition (an id under `propositions`) the claim is about.'),
    stance: z
      .enum(['supports', 'disputes'])
      .describe('Claims on both sides, or giving different values, make the proposition contested.'),
    value: z
      .union([z.string(), z.number()])
      .optional()
      .describe('For value questions: the value this claim gives (a date, a figure, an actor id).'),
    claimant: recordId.describe('Who asserts it: an actor id.'),
    with: z
      .array(recordId)
      .optional()
      .describe('Co-authors who assert it with the claimant (a jointly written article, a joint statement).'),
    asserted: edtfDate.describe('When it was asserted.'),
    summary: z.string().min(1).describe("The claim in the analyst's own words."),
    quote: z
      .string()
      .pipe(quote)
      .optional()
      .describe('A short verbatim quotation (≤ 25 words), attributed to the claimant via the sources.'),
    sources: sourceRefs.describe('The sources that report the claim.'),
    basis: claimBasis
      .optional()
      .describe(
        '`inferred` when the claimant never makes the claim and the analyst infers it; default `stated`.',
      ),
    reasoning: z
      .string()
      .min(1)
      .optional()
      .describe('Why the analyst infers the claim: required when `basis` is `inferred`, and only then.'),
  })
  .superRefine((claim, ctx) => {
    if (claim.basis === 'inferred' && claim.reasoning === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['reasoning'],
        message: 'an inferred claim (basis: inferred) must give the reasoning behind the inference',
      });
    if (claim.basis !== 'inferred' && claim.reasoning !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['reasoning'],
        message: 'reasoning is given only for an inferred claim: add basis: inferred, or remove it',
      });
  });

export const claimsFileSchema = z.strictObject({
  propositions: z.array(propositionSchema),
  claims: z.array(claimSchema),
});
export type Proposition = z.infer<typeof propositionSchema>;
export type Claim = z.infer<typeof claimSchema>;
export type ClaimBasis = z.infer<typeof claimBasis>;

/** A claim's basis, with the default filled in. */
export function basisOf(claim: Pick<Claim, 'basis'>): ClaimBasis {
  return claim.basis ?? 'stated';
}
