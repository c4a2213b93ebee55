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
    weight: z
      .strictObject({ value: z.number().min(0), rationale })
      .describe("Relative importance; utilities divide by the sum of the stakeholder's weights."),
    scores: z
      .strictObject({ value: z.record(z.string(), unitScore), rationale })
      .optional()
      .describe(
        'Scores from 0 to 1 by option: a boolean issue by the option ids `yes` and `no`, a choice issue by its option ids, a set issue by the ids of its packages (under `packages`). Every option must be scored.',
      ),
    curve: z
      .strictObject({ value: z.array(z.tuple([z.number().finite(), unitScore])).min(2), rationale })
      .optional()
      .describe(
        'number issues: a piecewise-linear value, points [x, score] with x increasing; flat beyond the ends. The issue also needs a grid under `grids`.',
      ),
    members: z
      .strictObject({ value: z.record(z.string(), z.number().min(-1).max(1)), rationale })
      .optional()
      .describe(
        "set issues, instead of scores per package: each member's contribution (-1 to 1); a package scores the sum of its members' contributions, clamped to [0, 1].",
      ),
  })
  .describe(
    'How one stakeholder values one issue: a weight and exactly one of `scores`, `curve` or `members`, matching the issue kind (a text issue cannot be scored).',
  )
  .refine((v) => [v.scores, v.curve, v.members].filter(Boolean).length === 1, {
    error: 'give exactly one of scores, curve or members',
  });

/** The value of no agreement from a date on, tied to the event that moved it. */
export const reservationPoint = z.strictObject({
  event: recordId.describe('The case event after which this value holds (an id in events.yaml).'),
  date: edtfDate.describe('The date it takes effect (EDTF; an interval takes effect at its start).'),
  value: z
    .number()
    .min(0)
    .max(1)
    .describe('The utility of no agreement (0 to 1): a package must beat it for this stakeholder to sign.'),
  rationale,
});

/**
 * Time that costs one stakeholder, as GENIUS discounts: a package agreed t units after the model's
 * first reservation day is worth utility × value^t, and no agreement then is worth the reservation
 * value × value^t too.
 */
export const discountFactor = z.strictObject({
  value: z
    .number()
    .gt(0, 'a discount factor lies in (0, 1]')
    .max(1, 'a discount factor lies in (0, 1]')
    .describe('The factor per unit of time: 1 means waiting costs nothing.'),
  per: z
    .enum(['day', 'round'])
    .describe(
      'The unit of time: a calendar day, or a negotiating round of rounds.yaml held since the start.',
    ),
  rationale,
});

/**
 * Preferences that interact: a bonus or penalty the stakeholder's utility takes when every issue
 * listed under `when` takes one of the options listed for it (a hyper-rectangle term). An analyst
 * judgement like every number here, so it carries its rationale; `sources` name what it leans on.
 * It sits inside the stakeholder's own entry, so it is stored and seen exactly as that
 * stakeholder's preferences are (a party's are its delegation's alone).
 */
export const interaction = z.strictObject({
  id: recordId,
  when: z
    .record(recordId, z.array(z.string().min(1)).min(1))
    .describe(
      'Issue id → the option ids (boolean: yes/no; choice: its options; set: package ids) for which the term pays; it pays when every listed issue takes one of its listed options. At least two issues; number issues are not supported.',
    ),
  value: z
    .strictObject({ value: z.number().min(-1).max(1), rationale })
    .describe(
      "Added to the stakeholder's utility (a bonus above 0, a penalty below) when the term pays, in utility points (-1 to 1).",
    ),
  sources: sourceRefs
    .optional()
    .describe('The sources the rationale leans on (they inspire the judgement; none states the number).'),
});

export const stakeholderModel = z.strictObject({
  actor: recordId,
  role: z
    .enum(['party', 'guarantor'])
    .describe('party: bargains. guarantor: must sign any package that names it as a guarantor.'),
  summary: z.string().min(1),
  issues: z
    .record(recordId, issueValuation)
    .describe(
      'Issue id (issues.yaml) → how this stakeholder values it. Issues left out do not matter to it.',
    ),
  reservation: z
    .array(reservationPoint)
    .min(1)
    .describe('The reservation value over time (a step function), at least one point, dates ascending.'),
  discount: discountFactor
    .optional()
    .describe('How fast a deal loses value for this stakeholder as time passes (none: time costs nothing).'),
  interactions: z
    .array(interaction)
    .optional()
    .describe(
      "Terms that make this stakeholder's preferences interact (e.g. neutrality is worth less without binding guarantees); every bargaining analysis accounts for them exactly.",
    ),
});

/** The options the model considers for an issue whose positions are sets. */
export const setPackage = z.strictObject({
  id: recordId,
  label: z.string().min(1),
  members: z
    .array(recordId)
    .describe(
      "The members of the set issue this package chooses (ids from the issue's `members`); may be empty.",
    ),
  sources: sourceRefs
    .optional()
    .describe('Where this package was proposed, if it was (a hypothetical package has no sources).'),
});

/** The grid a number issue is searched on: explicit points, or from/to/step. */
export const numberGrid = z.union([
  z
    .strictObject({ points: z.array(z.number().finite()).min(1) })
    .describe('The values of the number issue the search tries, listed.'),
  z
    .strictObject({ from: z.number().finite(), to: z.number().finite(), step: z.number().positive() })
    .describe('The values of the number issue the search tries: from, from + step, … up to to.'),
]);

/** Replaces named assumptions (see assumption paths in bargaining/case-model.ts). */
export const scenario = z.strictObject({
  id: recordId,
  title: z.string().min(1),
  rationale,
  sources: sourceRefs
    .optional()
    .describe('The sources of the account the scenario encodes (checked like every other citation).'),
  overrides: z
    .array(
      z.strictObject({
        assumption: z
          .string()
          .min(1)
          .describe(
            'The assumption replaced: <actor>.<issue>.weight, <actor>.<issue>.scores.<option>, <actor>.<issue>.members.<member>, <actor>.<issue>.curve.<k>, <actor>.reservation.<event>, <actor>.interactions.<id> or <actor>.discount.',
          ),
        value: z.number().finite().describe('The value it takes in this scenario.'),
        rationale: rationale.optional(),
      }),
    )
    .min(1),
});

export const analystModelSchema = z.strictObject({
  status: z
    .literal('assumption')
    .describe('Always `assumption`: this whole file is analyst judgement, not fact.'),
  summary: z.string().min(1),
  guarantorIssue: recordId
    .optional()
    .describe(
      'The set issue whose chosen members are the guarantors a package obliges: a stakeholder with role guarantor must sign every package whose members name it.',
    ),
  grids: z
    .record(recordId, numberGrid)
    .default({})
    .describe(
      'Number issue id → the values the search tries for it, merged with the x of every stakeholder curve point. Every scored number issue needs one.',
    ),
  packages: z
    .record(recordId, z.array(setPackage).min(1))
    .default({})
    .describe(
      'Set issue id → the packages (named subsets of its members) the search chooses among. Every scored set issue needs its packages.',
    ),
  stakeholders: z
    .array(stakeholderModel)
    .min(1)
    .describe('The actors the model scores: at least one party; guarantors sign only packages naming them.'),
  scenarios: z
    .array(scenario)
    .default([])
    .describe('What-if variants: `parley deals --scenario <id>` reruns with their overrides.'),
});

export type AnalystModel = z.infer<typeof analystModelSchema>;
export type StakeholderModel = z.infer<typeof stakeholderModel>;
export type IssueValuation = z.infer<typeof issueValuation>;
export type ReservationPoint = z.infer<typeof reservationPoint>;
export type ModelScenario = z.infer<typeof scenario>;
export type ModelInteraction = z.infer<typeof interaction>;
export type DiscountFactor = z.infer<typeof discountFactor>;
