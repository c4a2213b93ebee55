import { z } from 'zod';
import type { Case } from './case.ts';
import { formatPath, type Diagnostic } from './diagnostic.ts';
import { migrateCase } from './format/migrate.ts';
import { actorSchema } from './schema/actors.ts';
import { analystModelSchema } from './schema/analyst-model.ts';
import { caseMetaSchema } from './schema/case-meta.ts';
import { checkSchema } from './schema/check.ts';
import { claimSchema, propositionSchema } from './schema/claims.ts';
import { draftDocumentSchema } from './schema/drafts.ts';
import { eventSchema } from './schema/events.ts';
import { guaranteesFileSchema } from './schema/guarantee.ts';
import { issueSchema } from './schema/issues.ts';
import { positionSchema } from './schema/positions.ts';
import { roleSchema } from './schema/roles.ts';
import { roundSchema } from './schema/rounds.ts';
import { sourceSchema } from './schema/sources.ts';

/** The parts of a case: its meta, its record lists, the draft texts, guarantees and model. */
export type CasePart = keyof Case;

/** Parts left out of a case because their records failed their schema check, with the value given. */
export type UncheckedParts = Partial<Record<CasePart, unknown>>;

const partSchemas: Record<CasePart, z.ZodType> = {
  meta: caseMetaSchema,
  actors: z.array(actorSchema),
  roles: z.array(roleSchema),
  rounds: z.array(roundSchema),
  events: z.array(eventSchema),
  sources: z.array(sourceSchema),
  propositions: z.array(propositionSchema),
  claims: z.array(claimSchema),
  issues: z.array(issueSchema),
  positions: z.array(positionSchema),
  drafts: z.array(draftDocumentSchema),
  draftTexts: z.record(z.string(), z.string()),
  guarantees: guaranteesFileSchema,
  model: analystModelSchema,
};

// Stands in for a meta that failed its check, so the rest of the case can still be cross-checked.
const invalidMeta: Case['meta'] = { id: 'invalid', title: '', summary: '', period: '..' };

export interface ParsedCase {
  /**
   * The records that passed their schema check; a part that failed is left out (empty) and
   * listed in `unchecked`. Undefined when the input cannot be read as a case at all.
   */
  records?: Case;
  unchecked: UncheckedParts;
  /** Every problem, each at its record path (`actors[2].kind`, `meta.period`). */
  diagnostics: Diagnostic[];
}

/**
 * Checks an assembled case of unknown type — a JSON body, or the parts a case folder holds —
 * against the record schemas: brings it to the current format version first, then checks each
 * part on its own, so one broken part does not hide the problems of the others.
 */
export function parseCase(input: unknown): ParsedCase {
  const diagnostics: Diagnostic[] = [];
  const problem = (code: string, path: (string | number)[], message: string) =>
    diagnostics.push({ code, severity: 'error', path: formatPath(path), message });

  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    problem('invalid-value', [], 'a case is an object of its parts: meta, actors, roles, …');
    return { unchecked: {}, diagnostics };
  }
  const migrated = migrateCase(input as Record<string, unknown>);
  if ('problem' in migrated) {
    problem(migrated.problem.code, ['formatVersion'], migrated.problem.message);
    return { unchecked: {}, diagnostics };
  }
  const given = migrated.records;
  for (const key of Object.keys(given)) {
    if (!(key in partSchemas)) problem('unknown-field', [key], 'unknown field');
  }

  const records: Record<string, unknown> = {};
  const unchecked: UncheckedParts = {};
  for (const [part, schema] of Object.entries(partSchemas) as [CasePart, z.ZodType][]) {
    const value = given[part];
    // Only the meta is required: lists and texts are then empty, guarantees and model absent.
    if (value === undefined && part !== 'meta') continue;
    const checked = checkSchema(schema, value);
    for (const p of checked.problems) problem(p.code, [part, ...p.path], p.message);
    if (checked.problems.length > 0) unchecked[part] = value;
    else records[part] = checked.value;
  }
  return {
    records: leaveOut(records as Partial<Case>, Object.keys(unchecked) as CasePart[]),
    unchecked,
    diagnostics,
  };
}

/**
 * A whole case from the parts given, with `parts` left out: each left-out or absent part is
 * empty (the meta a stand-in; guarantees and model absent). For records that cannot be trusted.
 */
export function leaveOut(c: Partial<Case>, parts: Iterable<CasePart>): Case {
  const out: Case = {
    meta: c.meta ?? invalidMeta,
    actors: c.actors ?? [],
    roles: c.roles ?? [],
    rounds: c.rounds ?? [],
    events: c.events ?? [],
    sources: c.sources ?? [],
    propositions: c.propositions ?? [],
    claims: c.claims ?? [],
    issues: c.issues ?? [],
    positions: c.positions ?? [],
    drafts: c.drafts ?? [],
    draftTexts: c.draftTexts ?? {},
    ...(c.guarantees ? { guarantees: c.guarantees } : {}),
    ...(c.model ? { model: c.model } : {}),
  };
  for (const part of parts) {
    if (part === 'meta') out.meta = invalidMeta;
    else if (part === 'guarantees' || part === 'model') delete out[part];
    else if (part === 'draftTexts') out.draftTexts = {};
    else out[part] = [];
  }
  return out;
}
