import { z } from 'zod';
import { contestedBy, edtfDate, recordId, sourceRefs } from './common.ts';

export const roundFormat = z.enum(['in-person', 'video', 'shuttle', 'phone', 'mixed']);

export const delegationSchema = z.strictObject({
  party: recordId,
  head: recordId.optional().describe('The head of the delegation (an actor id).'),
  members: z.array(recordId).default([]).describe('Other members of the delegation (actor ids).'),
});

export const roundSchema = z.strictObject({
  id: recordId,
  number: z
    .number()
    .int()
    .positive()
    .optional()
    .describe('The sequence number the parties or sources used ("seventh round"), when there is one.'),
  name: z.string().min(1),
  date: edtfDate,
  venue: z.string().min(1),
  format: roundFormat,
  delegations: z.array(delegationSchema).default([]).describe('Who came for each party.'),
  hosts: z.array(recordId).default([]).describe('The actors hosting the round.'),
  mediators: z.array(recordId).default([]).describe('The mediators or facilitators present.'),
  outcome: z.string().min(1),
  documents: z
    .array(z.string().regex(/^[a-z0-9-]+@[a-z0-9-]+$/, 'must be document@version'))
    .default([])
    .describe('Draft versions tabled or produced, as `document@version`.'),
  contestedBy,
  sources: sourceRefs,
});

export const roundsFileSchema = z.strictObject({ rounds: z.array(roundSchema) });
export type Round = z.infer<typeof roundSchema>;
