import { z } from 'zod';
import { edtfDate, recordId, sourceRefs } from './common.ts';

/**
 * The schema of `guarantees.yaml` (in a case) and of the reference instruments in
 * `library/instruments/*.yaml`: security-guarantee instruments, the places their scope names,
 * the councils whose vetoes matter, and the analyst's willingness assumptions.
 */

/** What sets an instrument off. A nuclear attack is also an armed attack (see triggerCovers). */
export const triggerKind = z.enum(['armed-attack', 'nuclear-attack', 'threat-of-attack', 'nuclear-threat']);

/**
 * The ladder of help a guaranteed state can receive, weakest first. `consultation` and
 * `unsc-request` are procedural; the rest are the assistance forms an instrument may name.
 */
export const assistanceLevels = [
  'consultation',
  'unsc-request',
  'diplomatic',
  'sanctions',
  'weapons',
  'no-fly-zone',
  'armed-force',
] as const;
export const assistanceLevel = z.enum(assistanceLevels);
export const assistanceForm = z.enum(['diplomatic', 'sanctions', 'weapons', 'no-fly-zone', 'armed-force']);

/** Who must agree before guarantors act. `unsc` means the council named in `council` decides. */
export const decisionRule = z.enum([
  'individual',
  'unanimity-all',
  'unanimity-excluding-attacker',
  'majority',
  'unsc',
]);

/** How strongly the instrument binds the guarantors once it applies. */
export const obligationStrength = z.enum(['must-act', 'may-act', 'consult-only', 'seek-unsc-action']);

/** The parts of an instrument a provision can establish; the explanation cites by these. */
export const instrumentAspect = z.enum([
  'guarantors',
  'triggers',
  'scope',
  'consultation',
  'decision-rule',
  'obligation',
  'assistance',
]);

const probability = z
  .number()
  .min(0, 'a probability must lie within [0, 1]')
  .max(1, 'a probability must lie within [0, 1]');

/** An analyst judgement, never a fact: marked as such and always argued. */
const assumptionMark = {
  assumption: z
    .literal(true, 'an analyst judgement must be marked "assumption: true"')
    .describe('Always `true`: this is an analyst judgement, not a fact.'),
  rationale: z.string().min(1, 'an assumption needs a rationale').describe('Why the analyst judges so.'),
};

export const provisionSchema = z.strictObject({
  id: recordId,
  draft: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*@[a-z0-9][a-z0-9-]*$/, 'must be "<document>@<version>"')
    .optional()
    .describe('The draft version the provision is in, as `document@version` (case instruments).'),
  label: z.string().min(1).describe('Where in the text: "Art. 5 para. 2", "point 5".'),
  summary: z.string().min(1).describe('What the provision says, in our own words.'),
  covers: z
    .array(instrumentAspect)
    .min(1, 'name the aspects this provision establishes')
    .describe(
      "The aspects of the instrument this provision establishes. Together an instrument's provisions must cover guarantors, triggers, scope, decision-rule, obligation and assistance, and consultation when it has one.",
    ),
});

export const consultationSchema = z.strictObject({
  triggers: z.array(triggerKind).min(1).describe('The events on which the guarantors must consult.'),
  days: z
    .number()
    .int()
    .positive()
    .optional()
    .describe('The longest the consultations may last before assistance, when the text fixes it.'),
  withGuaranteedState: z
    .boolean()
    .describe('True when the guaranteed state takes part in the consultations.'),
});

export const disputedGuarantorSchema = z.strictObject({
  actor: recordId,
  proposedBy: recordId,
  opposedBy: z
    .array(recordId)
    .min(1)
    .optional()
    .describe('Parties reported to reject it; omitted when the sources only say it was not agreed.'),
  sources: sourceRefs,
});

export const guaranteeInstrumentSchema = z.strictObject({
  id: recordId,
  title: z.string().min(1),
  date: edtfDate,
  wordingOf: recordId
    .optional()
    .describe('The party whose wording this is, when the text was bracketed between parties.'),
  guaranteedState: recordId.describe('The state the instrument protects (an actor id).'),
  guarantors: z
    .array(recordId)
    .min(1, 'an instrument needs at least one guarantor')
    .describe(
      'The agreed guarantors (actor ids); a guarantor that attacks is never willing to help against itself.',
    ),
  disputedGuarantors: z
    .array(disputedGuarantorSchema)
    .optional()
    .describe('Guarantors proposed by one side and rejected by another: shown, never counted.'),
  triggers: z
    .array(triggerKind)
    .min(1, 'an instrument needs at least one trigger')
    .describe('The events that set off the main clause; a nuclear attack is also an armed attack.'),
  requiresRequest: z.boolean().describe('True when help is due only once the guaranteed state asks for it.'),
  excludes: z
    .array(recordId)
    .optional()
    .describe('Places (by id) of the guaranteed state that the guarantee does not cover.'),
  consultation: consultationSchema.optional(),
  decisionRule: decisionRule.describe(
    'Who must agree before guarantors act: each for itself (individual), all (unanimity-all), all but the attacker, more than half of all guarantors with the attacker voting no (majority), or the `council` (unsc, each veto holder can stop it).',
  ),
  obligation: obligationStrength.describe(
    'How strongly the guarantors are bound once it applies: must-act and may-act owe the `assistance` forms; consult-only needs a `consultation`; seek-unsc-action only takes the matter to the `council`.',
  ),
  council: recordId
    .optional()
    .describe('The council (in `councils`) for the `unsc` rule and for `seek-unsc-action`.'),
  assistance: z
    .array(assistanceForm)
    .describe('The assistance forms the text names; help outside this menu is not owed under it.'),
  issues: z.array(recordId).optional().describe('Agenda issues (issues.yaml) this instrument settles.'),
  provisions: z
    .array(provisionSchema)
    .min(1, 'link at least one provision')
    .describe(
      'The clauses the instrument is read from. Every aspect must be covered by some provision: guarantors, triggers, scope, decision-rule, obligation, assistance, and consultation when the instrument has one.',
    ),
  interpretation: z
    .strictObject(assumptionMark)
    .optional()
    .describe('Where the model is a reading of reported or ambiguous text, the reading and why.'),
  notes: z.string().optional(),
  sources: sourceRefs,
});

export const placeSchema = z.strictObject({
  id: recordId,
  name: z.string().min(1),
  of: recordId.describe('The state whose territory this is, as the guarantee instruments treat it.'),
  partOf: recordId
    .optional()
    .describe(
      'The place (of the same state) this one lies in. Excluding a place from a guarantee excludes every place inside it.',
    ),
  description: z.string().optional(),
  sources: sourceRefs.optional(),
});

export const councilSchema = z.strictObject({
  id: recordId.describe("The council's actor id, e.g. `un-security-council`."),
  name: z.string().min(1),
  vetoHolders: z.array(recordId).min(1).describe('Members whose single "no" defeats a decision.'),
  sources: sourceRefs,
});

export const willingnessLevelsSchema = z.strictObject(
  Object.fromEntries(assistanceLevels.map((level) => [level, probability])) as Record<
    (typeof assistanceLevels)[number],
    typeof probability
  >,
);

/**
 * How likely each guarantor is to provide each level of help to one guaranteed state. The most
 * specific entry wins: one naming the instrument beats one that doesn't, then one naming the
 * attacker beats one that doesn't.
 */
export const willingnessSchema = z.strictObject({
  id: recordId,
  guarantors: z.array(recordId).min(1).describe('The guarantors (actor ids) this judgement is about.'),
  guaranteedState: recordId.describe('The state they would help.'),
  attackers: z.array(recordId).min(1).optional().describe('Omitted: against any attacker.'),
  instruments: z.array(recordId).min(1).optional().describe('Omitted: under any instrument.'),
  levels: willingnessLevelsSchema.describe(
    'The probability (0 to 1) that each guarantor gives each level of help, weakest first: consultation, unsc-request, diplomatic, sanctions, weapons, no-fly-zone, armed-force.',
  ),
  ...assumptionMark,
  sources: sourceRefs.optional(),
});

/**
 * The analyst's default columns of the guarantee comparison: each attacker against each place.
 * Attackers are actor ids or `third-state`; places are place ids or `core` (the guaranteed
 * state's territory outside any named place). Without it, the columns are derived from the records.
 */
export const comparisonSchema = z
  .strictObject({
    attackers: z.array(recordId).min(1, 'name at least one attacker'),
    places: z.array(recordId).min(1, 'name at least one place (or "core")'),
  })
  .meta({
    description:
      'The default columns of `parley guarantees`: each attacker (an actor id or third-state) against each place (a place id or core).',
  });

export const guaranteesFileSchema = z.strictObject({
  instruments: z
    .array(guaranteeInstrumentSchema)
    .describe(
      'Security-guarantee instruments: what each clause promises, read from the draft texts (facts, with sources).',
    ),
  places: z
    .array(placeSchema)
    .optional()
    .describe(
      'Named parts of a state’s territory, for the instruments’ `excludes` and the comparison’s columns.',
    ),
  councils: z
    .array(councilSchema)
    .optional()
    .describe(
      'Councils whose veto holders can block help: needed when an instrument has decisionRule `unsc` or obligation `seek-unsc-action`.',
    ),
  willingness: z
    .array(willingnessSchema)
    .optional()
    .describe(
      "The analyst's judgement of how likely each guarantor is to help (assumptions, each with a rationale). The most specific entry wins: one naming the instrument, then one naming the attacker.",
    ),
  comparison: comparisonSchema.optional(),
});

/** A library file is self-contained: it also defines the actors and sources it cites. */
export const libraryActorSchema = z.strictObject({
  id: recordId,
  name: z.string().min(1),
  note: z.string().optional(),
});

export const librarySourceSchema = z.strictObject({
  id: recordId,
  title: z.string().min(1),
  url: z.url().optional(),
  note: z.string().optional(),
});

// A library file serves every case, so the choice of comparison columns stays with the case.
const { comparison: _caseOnly, ...sharedShape } = guaranteesFileSchema.shape;

export const libraryFileSchema = z.strictObject({
  ...sharedShape,
  instruments: z.array(guaranteeInstrumentSchema).optional(),
  actors: z.array(libraryActorSchema).optional(),
  sources: z.array(librarySourceSchema).min(1, 'a library file must define the sources it cites'),
});

export type TriggerKind = z.infer<typeof triggerKind>;
export type AssistanceLevel = z.infer<typeof assistanceLevel>;
export type AssistanceForm = z.infer<typeof assistanceForm>;
export type DecisionRule = z.infer<typeof decisionRule>;
export type ObligationStrength = z.infer<typeof obligationStrength>;
export type InstrumentAspect = z.infer<typeof instrumentAspect>;
export type Provision = z.infer<typeof provisionSchema>;
export type GuaranteeInstrument = z.infer<typeof guaranteeInstrumentSchema>;
export type Place = z.infer<typeof placeSchema>;
export type Council = z.infer<typeof councilSchema>;
export type Willingness = z.infer<typeof willingnessSchema>;
export type WillingnessLevels = z.infer<typeof willingnessLevelsSchema>;
export type Comparison = z.infer<typeof comparisonSchema>;
export type GuaranteesFile = z.infer<typeof guaranteesFileSchema>;
export type LibraryFile = z.infer<typeof libraryFileSchema>;
