import { z } from 'zod';
import { isEdtf } from '@parley/model/edtf.ts';

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

/** An EDTF date (`2022-04-15`, `2022-04`, `2022-03-13/2022-03-17`); `examples` go in the message. */
export const edtfDateField = (field: string, examples: string) =>
  z.string().refine(isEdtf, {
    error: (issue) => `\`${field}\` "${String(issue.input)}" is not an EDTF date (e.g. ${examples})`,
  });
