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
  value: positionValue
    .optional()
    .describe(
      'The position, fitting the issue kind: true or false (boolean), an option id (choice), a number (number), a list of member ids (set), wording (text). A position needs a value or a range.',
    ),
  range: numberRange
    .optional()
    .describe('number issues: an acceptable range instead of (or around) a point value.'),
  redLine: z
    .union([positionValue, numberRange])
    .optional()
    .describe('The red line (reservation): the worst value the party is reported to accept.'),
  unit: z.string().optional().describe("When given, must be the issue's unit."),
  status: positionStatus,
  confidence: confidence.describe(
    "How sure the analyst is that the sources report the party's position right.",
  ),
  document: z
    .string()
    .optional()
    .describe('The draft version where the position is written, as `document@version`.'),
  note: z.string().optional(),
  contestedBy,
  sources: sourceRefs,
});

export const positionsFileSchema = z.strictObject({ positions: z.array(positionSchema) });
export type Position = z.infer<typeof positionSchema>;
export type PositionValue = z.infer<typeof positionValue>;
