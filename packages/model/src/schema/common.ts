import { z } from 'zod';
import { isEdtf } from '../edtf.ts';

export const MAX_RECORD_ID = 120;

/**
 * Record ids are kebab-case so they read well in YAML, URLs and CLI arguments, and short enough
 * for a URL to name any record (a draft text's id is `document@version`).
 */
export const recordId = z
  .string()
  .max(MAX_RECORD_ID, `an id is at most ${MAX_RECORD_ID} characters`)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a kebab-case id (lower-case letters, digits, "-")');

/** An EDTF date string (`2022-03-05`, `2022-05`, `2022-03-13/2022-03-17`, `2022-03-05?`). */
const EDTF_SHAPE = '^(\\.\\.|\\d{4}(-\\d{2}(-\\d{2})?)?[?~%]?)(/(\\.\\.|\\d{4}(-\\d{2}(-\\d{2})?)?[?~%]?))?$';
export const edtfDate = z
  .string({
    // YAML reads an unquoted 2031 as a number.
    error: (issue) =>
      typeof issue.input === 'number' ? `a date must be quoted text: write '${issue.input}'` : undefined,
  })
  .refine(isEdtf, {
    error: (issue) =>
      `"${String(issue.input)}" is not a valid EDTF date (e.g. 2022-03-05, 2022-05, 2022-03-13/2022-03-17, 2022-03-05?)`,
  })
  // The pattern is for editors reading the JSON Schema; the refinement above is the real check.
  .meta({
    pattern: EDTF_SHAPE,
    description: 'EDTF date: YYYY, YYYY-MM, YYYY-MM-DD, optional ?~%, or START/END',
  });

/** The sources a factual record rests on: at least one. */
export const sourceRefs = z
  .array(recordId)
  .min(1, 'a factual record must cite at least one source')
  .describe('The sources (ids in sources.yaml) the record rests on: at least one.');

/** Propositions (in claims.yaml) that dispute some detail of this record. */
export const contestedBy = z
  .array(recordId)
  .optional()
  .describe(
    'Propositions (ids in claims.yaml) that dispute some detail of this record; views mark it contested.',
  );

export const confidence = z.enum(['high', 'medium', 'low']);
