import { z } from 'zod';
import { recordId, sourceRefs } from './common.ts';

export const actorKind = z.enum(['state', 'organisation', 'person']);

export const actorSchema = z.strictObject({
  id: recordId,
  kind: actorKind.describe(
    'A person may name the state or organisation it acts for (`affiliation`) and its `office`.',
  ),
  name: z.string().min(1),
  affiliation: recordId.optional().describe('For a person: the state or organisation they act for.'),
  office: z
    .string()
    .optional()
    .describe('For a person: the office held during the case (e.g. "presidential adviser").'),
  description: z.string().optional(),
  sources: sourceRefs,
});

export const actorsFileSchema = z.strictObject({ actors: z.array(actorSchema) });
export type Actor = z.infer<typeof actorSchema>;
