import { z } from 'zod';
import { recordId, sourceRefs } from './common.ts';

export const actorKind = z.enum(['state', 'organisation', 'person']);

export const actorSchema = z.strictObject({
  id: recordId,
  kind: actorKind,
  name: z.string().min(1),
  /** For a person: the state or organisation they act for. */
  affiliation: recordId.optional(),
  /** For a person: the office held during the case (e.g. "presidential adviser"). */
  office: z.string().optional(),
  description: z.string().optional(),
  sources: sourceRefs,
});

export const actorsFileSchema = z.strictObject({ actors: z.array(actorSchema) });
export type Actor = z.infer<typeof actorSchema>;
