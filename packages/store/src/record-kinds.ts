import { z } from 'zod';
import { actorSchema } from '@parley/model/schema/actors.ts';
import { analystModelSchema, scenario, stakeholderModel } from '@parley/model/schema/analyst-model.ts';
import { caseMetaSchema } from '@parley/model/schema/case-meta.ts';
import { carrySchema, messageSchema, proposalSchema } from '@parley/model/schema/conduct.ts';
import { claimSchema, propositionSchema } from '@parley/model/schema/claims.ts';
import { draftDocumentSchema } from '@parley/model/schema/drafts.ts';
import { eventSchema } from '@parley/model/schema/events.ts';
import { guaranteesFileSchema } from '@parley/model/schema/guarantee.ts';
import { issueSchema } from '@parley/model/schema/issues.ts';
import { positionSchema } from '@parley/model/schema/positions.ts';
import { roleSchema } from '@parley/model/schema/roles.ts';
import { roundSchema } from '@parley/model/schema/rounds.ts';
import {
  criticismSchema,
  roundAnswerSchema,
  singleTextSchema,
  textRoundSchema,
} from '@parley/model/schema/single-text.ts';
import { sourceSchema } from '@parley/model/schema/sources.ts';
import type { Visibility } from './visibility.ts';

/**
 * The kinds of record a stored case holds: one row each, so each carries its own visibility and
 * version. The case's lists become rows one per entry; the meta, the guarantees file and the
 * model's shared part are single records (id `case`); the model's stakeholders and scenarios are
 * records of their own, so a party's preference model can be hidden from the other side; each
 * draft version's text is a record `document@version`, seen exactly as its document is.
 */
export const recordKinds = {
  meta: caseMetaSchema,
  actor: actorSchema,
  role: roleSchema,
  round: roundSchema,
  event: eventSchema,
  source: sourceSchema,
  proposition: propositionSchema,
  claim: claimSchema,
  issue: issueSchema,
  position: positionSchema,
  draft: draftDocumentSchema,
  'draft-text': z.strictObject({ text: z.string() }),
  guarantees: guaranteesFileSchema,
  model: analystModelSchema.omit({ stakeholders: true, scenarios: true }),
  stakeholder: stakeholderModel,
  scenario,
  // The conduct of the negotiation (caucus messages, proposals, carries): not case-file content.
  message: messageSchema,
  proposal: proposalSchema,
  carry: carrySchema,
  // The single negotiating text: pen-holders, criticisms, yes/no rounds and their answers.
  'single-text': singleTextSchema,
  criticism: criticismSchema,
  'text-round': textRoundSchema,
  'round-answer': roundAnswerSchema,
} as const;

export type RecordKind = keyof typeof recordKinds;
export const recordKindNames = Object.keys(recordKinds) as RecordKind[];

/** The kinds of which a case holds exactly one, with the id it has. */
export const singletonKinds: ReadonlySet<RecordKind> = new Set(['meta', 'guarantees', 'model']);
export const SINGLETON_ID = 'case';

/**
 * The kinds that record the conduct of a negotiation rather than the case: kept beside the case
 * (the caller's view lists the ones they see), never part of its files or its checks, and written
 * only through their own routes, which log each step.
 */
export const conductKinds: ReadonlySet<RecordKind> = new Set([
  'message',
  'proposal',
  'carry',
  'single-text',
  'criticism',
  'text-round',
  'round-answer',
]);

export interface StoredRecord {
  kind: RecordKind;
  id: string;
  /** Its place among the records of its kind, so a case comes back in the order it went in. */
  position: number;
  visibility: Visibility;
  /** Counts the writes to this record: the ETag a client must send back to replace it. */
  version: number;
  body: unknown;
}

/**
 * The visibility a record gets when none is given: a party's own preference model (its
 * stakeholder record) is that party's alone; everything else is the whole case's.
 */
export function defaultVisibility(kind: RecordKind, body: unknown): Visibility {
  if (kind === 'stakeholder') {
    const s = body as z.infer<typeof stakeholderModel>;
    if (s.role === 'party') return `party:${s.actor}`;
  }
  return 'case';
}

/** The id a record of this kind has, read from its body. */
export function idOfRecord(kind: RecordKind, body: unknown): string {
  if (singletonKinds.has(kind)) return SINGLETON_ID;
  if (kind === 'stakeholder') return (body as { actor: string }).actor;
  return (body as { id: string }).id;
}
