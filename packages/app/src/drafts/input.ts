import { z } from 'zod';

export const redlineFormats = ['terminal', 'json', 'md', 'html'] as const;
export const bracketsFormats = ['table', 'json'] as const;
export const exportFormats = ['akn', 'md', 'html'] as const;
export const parseModes = ['parley', 'plain', 'auto'] as const;

/** `security-treaty@2022-04-15`: a version named with its document. */
export const draftVersionRef = z.string().refine((ref) => ref.includes('@'), {
  error: (issue) =>
    `"${String(issue.input)}" is not a draft version: write <document>@<version>, as the drafts view lists them`,
});

/** Word edits per unit before the unit is shown as wholly replaced: a whole number from 1. */
const maxEdits = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const n = Number(value);
  if (Number.isInteger(n) && n >= 1) return n;
  ctx.addIssue({
    code: 'custom',
    input: value,
    message: `\`maxEdits\` must be a positive whole number, got "${String(value)}"`,
  });
  return z.NEVER;
});

/** How to show a redline, whether of two case versions or of two texts. */
export const redlineOptionsSchema = z.object({
  format: z
    .enum(redlineFormats, {
      error: (issue) =>
        `\`format\` must be one of ${redlineFormats.join(', ')}, got "${String(issue.input)}"`,
    })
    .default('terminal'),
  maxEdits: maxEdits.optional(),
});

/** Two versions of a case document: `from` names its document, `to` may be a bare version of it. */
export const caseRedlineInputSchema = redlineOptionsSchema.extend({
  from: draftVersionRef,
  to: z.string(),
});

/** Two texts outside a case: how to read them (`auto`: parley when the text has @tags). */
export const textRedlineInputSchema = redlineOptionsSchema.extend({
  mode: z
    .enum(parseModes, {
      error: (issue) => `\`mode\` must be parley, plain or auto, got "${String(issue.input)}"`,
    })
    .default('auto'),
});

/** One document's brackets over its versions. */
export const bracketsInputSchema = z.object({
  document: z.string(),
  format: z
    .enum(bracketsFormats, {
      error: (issue) => `\`format\` must be table or json, got "${String(issue.input)}"`,
    })
    .default('table'),
});

/** One version as a document, or as a redline against an earlier version of it. */
export const exportInputSchema = z.object({
  format: z.enum(exportFormats, {
    error: (issue) => `unknown export format "${String(issue.input)}" (expected ${exportFormats.join(', ')})`,
  }),
  /** `<document>@<version>`; an unknown or malformed one is reported against the case. */
  ref: z.string(),
  /** The earlier version: `<document>@<version>` or a version of the same document. */
  against: z.string().optional(),
});

export type RedlineFormat = (typeof redlineFormats)[number];
export type ExportFormat = (typeof exportFormats)[number];
export type CaseRedlineInput = z.output<typeof caseRedlineInputSchema>;
export type TextRedlineInput = z.output<typeof textRedlineInputSchema>;
export type BracketsInput = z.output<typeof bracketsInputSchema>;
export type ExportInput = z.output<typeof exportInputSchema>;
