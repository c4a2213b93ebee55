import { z } from 'zod';
import { isEdtf, parseEdtf } from '@parley/model/edtf.ts';
import { edtfDateField } from '../inputs/fields.ts';

const firstDay = (date: string) => parseEdtf(date).earliest;
/** Whether `from` comes after `to` (a month or an interval stands for its first day). */
const reversed = (w: { from?: string; to?: string }) =>
  w.from !== undefined &&
  w.to !== undefined &&
  isEdtf(w.from) &&
  isEdtf(w.to) &&
  firstDay(w.from) > firstDay(w.to);

/** A day of the analysis; a month or an interval stands for its first day. */
const day = (field: string) => edtfDateField(field, '2022-04-15').optional();
/** A scenario of the case's model (its id), applied to the model before the analysis. */
const scenario = z.string().optional();

/** `deals`: one day, by default the case's `asOf`. */
export const dayInput = z.object({ at: day('at'), scenario });
/** `deals window`: the days to show. */
export const windowInput = z
  .object({ from: day('from'), to: day('to'), scenario })
  .refine((w) => !reversed(w), {
    error: (issue) => {
      const w = issue.input as { from: string; to: string };
      return `\`from\` ${w.from} is after \`to\` ${w.to}: give the earlier day to \`from\``;
    },
  });
/** `deals sensitivity`: one assumption, on one day or over the whole window. */
export const sensitivityInput = z.object({ assumption: z.string(), at: day('at'), scenario });
/** `deals adjusted-winner`. */
export const adjustedWinnerInput = z.object({ scenario });
/** `deals export-genius`: the day whose reservation values to export. */
export const exportGeniusInput = z.object({ at: day('at'), scenario });
/**
 * `deals genius`: weights are read as GENIUS reads them (as written, utility capped at 1) unless
 * `normalizeWeights` divides them by their sum; `convention` picks whose definitions of the Nash
 * and Kalai–Smorodinsky points to follow (Parley's by default).
 */
export const geniusInput = z.object({
  normalizeWeights: z.boolean().default(false),
  convention: z
    .enum(['parley', 'genius', 'negmas'], {
      error: (issue) => `\`convention\` "${String(issue.input)}" is not one of parley, genius, negmas`,
    })
    .default('parley'),
});

export type DayInput = z.output<typeof dayInput>;
export type WindowInput = z.output<typeof windowInput>;
export type SensitivityInput = z.output<typeof sensitivityInput>;
export type AdjustedWinnerInput = z.output<typeof adjustedWinnerInput>;
export type ExportGeniusInput = z.output<typeof exportGeniusInput>;
export type GeniusInput = z.output<typeof geniusInput>;
