import { z } from 'zod';
import { contestedBy, edtfDate, recordId, sourceRefs } from './common.ts';

export const eventKind = z.enum(['military', 'political', 'diplomatic', 'humanitarian', 'statement']);

/** Something outside the negotiating room that analyses can key on (BATNA shifts, say). */
export const eventSchema = z.strictObject({
  id: recordId,
  date: edtfDate,
  kind: eventKind,
  title: z.string().min(1),
  description: z.string().optional(),
  actors: z.array(recordId).default([]),
  contestedBy,
  sources: sourceRefs,
});

export const eventsFileSchema = z.strictObject({ events: z.array(eventSchema) });
export type CaseEvent = z.infer<typeof eventSchema>;
