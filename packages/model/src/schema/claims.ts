import { z } from 'zod';
import { edtfDate, recordId, sourceRefs } from './common.ts';

/**
 * A proposition is a statement that claims support or dispute. Where sources disagree on a
 * value (a date, a figure, a name), the proposition names the question and each claim gives
 * its `value`: differing values make the proposition contested, just as opposing stances do.
 */
export const propositionSchema = z.strictObject({
  id: recordId,
  statement: z.string().min(1),
  topic: z.string().optional(),
});

const quote = z
  .string()
  .refine((q) => q.trim().split(/\s+/).length <= 25, 'a quotation may be at most 25 words');

export const claimSchema = z.strictObject({
  id: recordId,
  proposition: recordId,
  stance: z.enum(['supports', 'disputes']),
  /** For value questions: the value this claim gives (a date, a figure, an actor id). */
  value: z.union([z.string(), z.number()]).optional(),
  /** Who asserts it: an actor id. */
  claimant: recordId,
  /** Co-authors who assert it with the claimant (a jointly written article, a joint statement). */
  with: z.array(recordId).optional(),
  /** When it was asserted. */
  asserted: edtfDate,
  /** The claim in the analyst's own words. */
  summary: z.string().min(1),
  /** A short verbatim quotation (≤ 25 words), attributed to the claimant via the sources. */
  quote: z.string().pipe(quote).optional(),
  /** The sources that report the claim. */
  sources: sourceRefs,
});

export const claimsFileSchema = z.strictObject({
  propositions: z.array(propositionSchema),
  claims: z.array(claimSchema),
});
export type Proposition = z.infer<typeof propositionSchema>;
export type Claim = z.infer<typeof claimSchema>;
