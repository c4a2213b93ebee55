import { z } from 'zod';
import { confidence, contestedBy, edtfDate, recordId, sourceRefs } from './common.ts';

/** A position's value: its shape must fit the issue's kind (checked against issues.yaml). */
export const positionValue = z.union([z.boolean(), z.number(), z.string(), z.array(z.string())]);

export const numberRange = z.strictObject({ min: z.number().optional(), max: z.number().optional() });

export const positionStatus = z.enum(['proposed', 'accepted', 'rejected', 'withdrawn']);

/** What one party held on one issue from one date, as the sources report it. */
export const positionSchema = z.strictObject({
  id: recordId,
  party: recordId,
  issue: recordId,
  date: edtfDate,
  value: positionValue.optional(),
  /** number issues: an acceptable range instead of (or around) a point value. */
  range: numberRange.optional(),
  /** The red line (reservation): the worst value the party is reported to accept. */
  redLine: z.union([positionValue, numberRange]).optional(),
  unit: z.string().optional(),
  status: positionStatus,
  confidence,
  /** The draft version where the position is written, as `document@version`. */
  document: z.string().optional(),
  note: z.string().optional(),
  contestedBy,
  sources: sourceRefs,
});

export const positionsFileSchema = z.strictObject({ positions: z.array(positionSchema) });
export type Position = z.infer<typeof positionSchema>;
export type PositionValue = z.infer<typeof positionValue>;
