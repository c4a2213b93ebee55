import { z } from 'zod';
import { contestedBy, edtfDate, recordId, sourceRefs } from './common.ts';

export const roundFormat = z.enum(['in-person', 'video', 'shuttle', 'phone', 'mixed']);

export const delegationSchema = z.strictObject({
  party: recordId,
  head: recordId.optional(),
  members: z.array(recordId).default([]),
});

export const roundSchema = z.strictObject({
  id: recordId,
  /** The sequence number the parties or sources used ("seventh round"), when there is one. */
  number: z.number().int().positive().optional(),
  name: z.string().min(1),
  date: edtfDate,
  venue: z.string().min(1),
  format: roundFormat,
  delegations: z.array(delegationSchema).default([]),
  hosts: z.array(recordId).default([]),
  mediators: z.array(recordId).default([]),
  outcome: z.string().min(1),
  /** Draft versions tabled or produced, as `document@version`. */
  documents: z.array(z.string().regex(/^[a-z0-9-]+@[a-z0-9-]+$/, 'must be document@version')).default([]),
  contestedBy,
  sources: sourceRefs,
});

export const roundsFileSchema = z.strictObject({ rounds: z.array(roundSchema) });
export type Round = z.infer<typeof roundSchema>;
