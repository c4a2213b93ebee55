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
  assumption: z.literal(true, 'an analyst judgement must be marked "assumption: true"'),
  rationale: z.string().min(1, 'an assumption needs a rationale'),
};

export const provisionSchema = z.strictObject({
  id: recordId,
  /** The draft version the provision is in, as `document@version` (case instruments). */
  draft: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*@[a-z0-9][a-z0-9-]*$/, 'must be "<document>@<version>"')
    .optional(),
  /** Where in the text: "Art. 5 para. 2", "point 5". */
  label: z.string().min(1),
  /** What the provision says, in our own words. */
  summary: z.string().min(1),
  covers: z.array(instrumentAspect).min(1, 'name the aspects this provision establishes'),
});

export const consultationSchema = z.strictObject({
  triggers: z.array(triggerKind).min(1),
  /** The longest the consultations may last before assistance, when the text fixes it. */
  days: z.number().int().positive().optional(),
  /** True when the guaranteed state takes part in the consultations. */
  withGuaranteedState: z.boolean(),
});

export const disputedGuarantorSchema = z.strictObject({
  actor: recordId,
  proposedBy: recordId,
  /** Parties reported to reject it; omitted when the sources only say it was not agreed. */
  opposedBy: z.array(recordId).min(1).optional(),
  sources: sourceRefs,
});

export const guaranteeInstrumentSchema = z.strictObject({
  id: recordId,
  title: z.string().min(1),
  date: edtfDate,
  /** The party whose wording this is, when the text was bracketed between parties. */
  wordingOf: recordId.optional(),
  guaranteedState: recordId,
  guarantors: z.array(recordId).min(1, 'an instrument needs at least one guarantor'),
  /** Guarantors proposed by one side and rejected by another: shown, never counted. */
  disputedGuarantors: z.array(disputedGuarantorSchema).optional(),
  triggers: z.array(triggerKind).min(1, 'an instrument needs at least one trigger'),
  /** True when help is due only once the guaranteed state asks for it. */
  requiresRequest: z.boolean(),
  /** Places (by id) of the guaranteed state that the guarantee does not cover. */
  excludes: z.array(recordId).optional(),
  consultation: consultationSchema.optional(),
  decisionRule,
  obligation: obligationStrength,
  /** The council (in `councils`) for the `unsc` rule and for `seek-unsc-action`. */
  council: recordId.optional(),
  /** The assistance forms the text names; help outside this menu is not owed under it. */
  assistance: z.array(assistanceForm),
  /** Agenda issues (issues.yaml) this instrument settles. */
  issues: z.array(recordId).optional(),
  provisions: z.array(provisionSchema).min(1, 'link at least one provision'),
  /** Where the model is a reading of reported or ambiguous text, the reading and why. */
  interpretation: z.strictObject(assumptionMark).optional(),
  notes: z.string().optional(),
  sources: sourceRefs,
});

export const placeSchema = z.strictObject({
  id: recordId,
  name: z.string().min(1),
  /** The state whose territory this is, as the guarantee instruments treat it. */
  of: recordId,
  partOf: recordId.optional(),
  description: z.string().optional(),
  sources: sourceRefs.optional(),
});

export const councilSchema = z.strictObject({
  /** The council's actor id, e.g. `un-security-council`. */
  id: recordId,
  name: z.string().min(1),
  /** Members whose single "no" defeats a decision. */
  vetoHolders: z.array(recordId).min(1),
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
  guarantors: z.array(recordId).min(1),
  guaranteedState: recordId,
  /** Omitted: against any attacker. */
  attackers: z.array(recordId).min(1).optional(),
  /** Omitted: under any instrument. */
  instruments: z.array(recordId).min(1).optional(),
  levels: willingnessLevelsSchema,
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
  instruments: z.array(guaranteeInstrumentSchema),
  places: z.array(placeSchema).optional(),
  councils: z.array(councilSchema).optional(),
  willingness: z.array(willingnessSchema).optional(),
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
