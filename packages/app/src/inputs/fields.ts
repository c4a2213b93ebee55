import { z } from 'zod';
import { isEdtf, parseEdtf } from '@parley/model/edtf.ts';

/**
 * Input fields that several use cases share. Messages mark the field as `` `field` `` for the
 * shell to name (inputs/parse-input.ts) and quote the value as it was given.
 */

/** A whole number in [min, max], given as a number (a request body) or as its digits (a flag). */
export function wholeNumber(field: string, min: number, max: number) {
  return z.unknown().transform((value, ctx) => {
    const n =
      typeof value === 'number'
        ? value
        : typeof value === 'string' && /^\d+$/.test(value)
          ? Number(value)
          : NaN;
    if (Number.isInteger(n) && n >= min && n <= max) return n;
    ctx.addIssue({
      code: 'custom',
      input: value,
      message: `\`${field}\` "${String(value)}" must be a whole number from ${min} to ${max}`,
    });
    return z.NEVER;
  });
}

/**
 * A date given as "as of" (`--at`): a day, a month or a year (`2022-04-15`, `2022-04`, `2022`),
 * optionally qualified (`2022-04?`). An interval is refused: "as of" names one moment, and
 * `asOfDay` turns what was given into the day used. `examples` go in the message.
 */
export const edtfDateField = (field: string, examples: string) =>
  z
    .string()
    .refine(isEdtf, {
      error: (issue) => `\`${field}\` "${String(issue.input)}" is not an EDTF date (e.g. ${examples})`,
    })
    .refine((text) => !text.includes('/'), {
      error: (issue) =>
        `\`${field}\` "${String(issue.input)}" is an interval: give one day, month or year (e.g. ${examples})`,
    });

/**
 * THE rule for a date read "as of" (every `--at`, and a case's `asOf` when it stands in): a day
 * is itself; a month or a year stands for its last day, so `2031-05` is 2031-05-31 and `2031`
 * is 2031-12-31 — as of May means by the end of May. (A case's `asOf` may be an interval: its
 * last day, or its first when it is open-ended.) Commands print the day used with `asOfNote`.
 */
export function asOfDay(text: string): string {
  const date = parseEdtf(text);
  return date.latest === 'infinity' ? date.earliest : date.latest;
}

/** How a command names the day it used: `` for a day, ` (the last day of 2031-05)` otherwise. */
export function asOfNote(text: string, day: string = asOfDay(text)): string {
  return day === text.replace(/[?~%]$/, '') ? '' : ` (the last day of ${text})`;
}
