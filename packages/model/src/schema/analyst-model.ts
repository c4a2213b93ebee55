import { z } from 'zod';
import { edtfDate, recordId, sourceRefs } from './common.ts';

/**
 * The schema of a case's `model.yaml`: the analyst's preference model used by the bargaining
 * engine. Nothing here is a fact. Every number is an assumption and sits inside an object that
 * carries its `rationale`, so a reader (or a program) can never take it for a sourced record:
 *
 *   weight: { value: 0.2, rationale: "why this much" }
 *
 * Only the option packages offered for set issues (e.g. which guarantor lists were on the table)
 * may cite sources, because they restate proposals; the scores attached to them are assumptions.
 */

const rationale = z.string().min(10, 'say why: a rationale of at least a few words');

/** One numeric judgement. */
export const assumedNumber = z.strictObject({ value: z.number().finite(), rationale });
const unitScore = z.number().min(0, 'scores lie in [0, 1]').max(1, 'scores lie in [0, 1]');

/** How one stakeholder values one issue. Exactly one way of scoring, matching the issue kind. */
export const issueValuation = z
  .strictObject({
    /** Relative importance; utilities divide by the sum of the stakeholder's weights. */
    weight: z.strictObject({ value: z.number().min(0), rationale }),
    /** boolean issues (`yes`/`no`) and choice issues (option ids), and set-issue packages by id. */
    scores: z.strictObject({ value: z.record(z.string(), unitScore), rationale }).optional(),
    /** number issues: piecewise-linear value, points [x, score] with x increasing. */
    curve: z
      .strictObject({ value: z.array(z.tuple([z.number().finite(), unitScore])).min(2), rationale })
      .optional(),
    /** set issues: each member's contribution; a package scores the clamped sum of its members. */
    members: z.strictObject({ value: z.record(z.string(), z.number().min(-1).max(1)), rationale }).optional(),
  })
  .refine((v) => [v.scores, v.curve, v.members].filter(Boolean).length === 1, {
    error: 'give exactly one of scores, curve or members',
  });

/** The value of no agreement from a date on, tied to the event that moved it. */
export const reservationPoint = z.strictObject({
  /** The case event after which this value holds (an id in events.yaml). */
  event: recordId,
  /** The date it takes effect (EDTF; an interval takes effect at its start). */
  date: edtfDate,
  value: z.number().min(0).max(1),
  rationale,
});

export const stakeholderModel = z.strictObject({
  actor: recordId,
  /** party: bargains. guarantor: must sign any package that names it as a guarantor. */
  role: z.enum(['party', 'guarantor']),
  summary: z.string().min(1),
  issues: z.record(recordId, issueValuation),
  /** The reservation value over time (a step function), at least one point, dates ascending. */
  reservation: z.array(reservationPoint).min(1),
});

/** The options the model considers for an issue whose positions are sets. */
export const setPackage = z.strictObject({
  id: recordId,
  label: z.string().min(1),
  members: z.array(recordId),
  /** Where this package was proposed, if it was (a hypothetical package has no sources). */
  sources: sourceRefs.optional(),
});

/** The grid a number issue is searched on: explicit points, or from/to/step. */
export const numberGrid = z.union([
  z.strictObject({ points: z.array(z.number().finite()).min(1) }),
  z.strictObject({ from: z.number().finite(), to: z.number().finite(), step: z.number().positive() }),
]);

/** Replaces named assumptions (see assumption paths in bargaining/case-model.ts). */
export const scenario = z.strictObject({
  id: recordId,
  title: z.string().min(1),
  rationale,
  overrides: z
    .array(
      z.strictObject({
        assumption: z.string().min(1),
        value: z.number().finite(),
        rationale: rationale.optional(),
      }),
    )
    .min(1),
});

export const analystModelSchema = z.strictObject({
  /** Always `assumption`: this whole file is analyst judgement, not fact. */
  status: z.literal('assumption'),
  summary: z.string().min(1),
  /** The set issue whose chosen members are the guarantors a package obliges. */
  guarantorIssue: recordId.optional(),
  grids: z.record(recordId, numberGrid).default({}),
  packages: z.record(recordId, z.array(setPackage).min(1)).default({}),
  stakeholders: z.array(stakeholderModel).min(1),
  scenarios: z.array(scenario).default([]),
});

export type AnalystModel = z.infer<typeof analystModelSchema>;
export type StakeholderModel = z.infer<typeof stakeholderModel>;
export type IssueValuation = z.infer<typeof issueValuation>;
export type ReservationPoint = z.infer<typeof reservationPoint>;
export type ModelScenario = z.infer<typeof scenario>;
