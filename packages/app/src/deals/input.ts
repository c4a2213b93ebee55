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
/** A signatory of the model, by actor id. */
const signatory = (field: string) =>
  z.string({ error: `\`${field}\` must name a signatory (an actor id)` }).min(1, {
    error: `\`${field}\` must name a signatory (an actor id)`,
  });
/** `deals/frontier` (web): the Pareto frontier projected on two signatories on one day. */
export const pairFrontierInput = z.object({ a: signatory('a'), b: signatory('b'), at: day('at'), scenario });
/** `deals adjusted-winner`. */
export const adjustedWinnerInput = z.object({ scenario });
/** `deals export-genius`: the day whose reservation values to export. */
export const exportGeniusInput = z.object({ at: day('at'), scenario });
/**
 * The budget of the exact searches behind an analysis, in seconds and nodes: past it a search
 * reports the best package it found and its bound as "not proven within budget".
 */
const budgetFields = {
  timeLimit: z.coerce
    .number({ error: '`timeLimit` must be a number of seconds' })
    .positive({ error: '`timeLimit` must be above 0 seconds' })
    .max(86_400, { error: '`timeLimit` must be at most 86400 seconds (a day)' })
    .default(30),
  nodeLimit: z.coerce
    .number({ error: '`nodeLimit` must be a whole number of nodes' })
    .int({ error: '`nodeLimit` must be a whole number of nodes' })
    .positive({ error: '`nodeLimit` must be at least 1' })
    .optional(),
};

/**
 * `deals genius`: weights are read as GENIUS reads them (as written, utility capped at 1) unless
 * `normalizeWeights` divides them by their sum; `convention` picks whose definitions of the Nash
 * and Kalai–Smorodinsky points to follow (Parley's by default).
 */
export const geniusInput = z.object({
  ...budgetFields,
  normalizeWeights: z.boolean().default(false),
  convention: z
    .enum(['parley', 'genius', 'negmas'], {
      error: (issue) => `\`convention\` "${String(issue.input)}" is not one of parley, genius, negmas`,
    })
    .default('parley'),
});

/**
 * `deals frontier`: what can be said of the Pareto frontier when it cannot be listed: its size
 * when countable, a sample of proven frontier points, the projection on two parties, the frontier
 * point nearest a proposed package.
 */
export const frontierInput = z.object({
  normalizeWeights: z.boolean().default(false),
  sample: z.coerce
    .number({ error: '`sample` must be a whole number of points' })
    .int({ error: '`sample` must be a whole number of points' })
    .min(0, { error: '`sample` must be at least 0' })
    .max(1000, { error: '`sample` must be at most 1000 points' })
    .default(12),
  method: z
    .enum(['weighted-sum', 'chebyshev'], {
      error: (issue) => `\`method\` "${String(issue.input)}" is not one of weighted-sum, chebyshev`,
    })
    .default('weighted-sum'),
  project: z.string().optional(),
  nearest: z.string().optional(),
  ...budgetFields,
});

export type DayInput = z.output<typeof dayInput>;
export type PairFrontierInput = z.output<typeof pairFrontierInput>;
export type WindowInput = z.output<typeof windowInput>;
export type SensitivityInput = z.output<typeof sensitivityInput>;
export type AdjustedWinnerInput = z.output<typeof adjustedWinnerInput>;
export type ExportGeniusInput = z.output<typeof exportGeniusInput>;
export type GeniusInput = z.output<typeof geniusInput>;
export type FrontierInput = z.output<typeof frontierInput>;
