import { z } from 'zod';
import { recordId } from './common.ts';

/**
 * The records of a single negotiating text: a draft document the mediation team holds the pen
 * on, the parties' criticisms of its versions, and the yes/no rounds a version is put to. They
 * are the conduct of a negotiation, not case-file content: each is written through its own
 * route and logged, never through the generic record routes.
 */

/** A provision of a version as the drafts engine names it: `art-2`, `art-2.p1`, `preamble.p1`. */
export const provisionAnchor = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[a-z0-9][a-z0-9.-]*$/, 'must name a provision as the drafts engine does (art-2, art-2.p1)');

/** A draft document held as a single negotiating text (id: the document's id). */
export const singleTextSchema = z.strictObject({
  id: recordId.describe('The draft document held as a single negotiating text.'),
  title: z.string().min(1).describe("The document's title, for its first version."),
  kind: z.enum(['treaty', 'communique', 'memorandum', 'annex', 'other']),
  penHolders: z
    .array(z.string().min(1))
    .min(1)
    .describe('The accounts of the mediation team that issue its versions.'),
});

/** A party's criticism of one provision of one version: what is wrong with it, not a rewrite. */
export const criticismSchema = z.strictObject({
  id: z.string().min(1),
  document: recordId,
  version: recordId,
  provision: provisionAnchor,
  party: recordId.describe('The party whose delegation criticises (the record is its caucus channel).'),
  text: z.string().min(1).max(10_000),
  by: z.string().min(1).describe('The account that submitted it.'),
});

export const roundAnswerValue = z.enum(['yes', 'no']);

/** A version put to a yes/no round: each required signatory answers through its head of delegation. */
export const textRoundSchema = z.strictObject({
  id: z.string().min(1).describe('`<document>@<version>#<n>`: the n-th round on that version.'),
  document: recordId,
  version: recordId,
  signatories: z.array(recordId).min(1).describe('The parties whose answer the round asks for.'),
  status: z.enum(['open', 'closed']),
  openedBy: z.string().min(1),
  /** Once closed: who said yes, who said no, who said nothing. */
  result: z
    .strictObject({ yes: z.array(recordId), no: z.array(recordId), none: z.array(recordId) })
    .optional(),
});

/** One party's answer in a round, seen by that party and the mediation team while the round is open. */
export const roundAnswerSchema = z.strictObject({
  id: z.string().min(1).describe('`<round id>/<party>`'),
  round: z.string().min(1),
  party: recordId,
  answer: roundAnswerValue,
  by: z.string().min(1),
});

export type SingleText = z.infer<typeof singleTextSchema>;
export type Criticism = z.infer<typeof criticismSchema>;
export type TextRound = z.infer<typeof textRoundSchema>;
export type RoundAnswer = z.infer<typeof roundAnswerSchema>;
