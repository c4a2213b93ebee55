import { z } from 'zod';
import { edtfDateField } from '../inputs/fields.ts';

/** A day of the analysis; a month or an interval stands for its first day. */
const day = (field: string) => edtfDateField(field, '2022-04-15').optional();
/** A scenario of the case's model (its id), applied to the model before the analysis. */
const scenario = z.string().optional();

/** `deals`: one day, by default the case's `asOf`. */
export const dayInput = z.object({ at: day('at'), scenario });
/** `deals window`: the days to show. */
export const windowInput = z.object({ from: day('from'), to: day('to'), scenario });
/** `deals sensitivity`: one assumption, on one day or over the whole window. */
export const sensitivityInput = z.object({ assumption: z.string(), at: day('at'), scenario });
/** `deals adjusted-winner`. */
export const adjustedWinnerInput = z.object({ scenario });
/** `deals export-genius`: the day whose reservation values to export. */
export const exportGeniusInput = z.object({ at: day('at'), scenario });
/** `deals genius`: weights that do not sum to 1 are divided by their sum instead of refused. */
export const geniusInput = z.object({ normalizeWeights: z.boolean().default(false) });

export type DayInput = z.output<typeof dayInput>;
export type WindowInput = z.output<typeof windowInput>;
export type SensitivityInput = z.output<typeof sensitivityInput>;
export type AdjustedWinnerInput = z.output<typeof adjustedWinnerInput>;
export type ExportGeniusInput = z.output<typeof exportGeniusInput>;
export type GeniusInput = z.output<typeof geniusInput>;
