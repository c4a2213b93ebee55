import { z } from 'zod';
import { recordId, sourceRefs } from './common.ts';

/**
 * Provision categories, after the PA-X peace agreement codebook's families, so issues from
 * different negotiations can be compared.
 */
export const provisionCategory = z.enum([
  'ceasefire',
  'withdrawal',
  'security-guarantees',
  'neutrality',
  'military-limits',
  'territory',
  'language',
  'identity',
  'sanctions',
  'justice',
  'humanitarian',
  'prisoners',
  'external-relations',
  'governance',
  'economic',
  'procedure',
  'other',
]);

export const issueKind = z.enum(['boolean', 'choice', 'number', 'set', 'text']);

const option = z.strictObject({ id: recordId, label: z.string().min(1) });

export const issueSchema = z.strictObject({
  id: recordId,
  title: z.string().min(1),
  kind: issueKind.describe(
    'What a position on it looks like: boolean (true or false; scored with the option ids yes and no in model.yaml), choice (one of `options`), number (in `unit`), set (a subset of `members`), text (wording only, never scored).',
  ),
  category: provisionCategory.describe('The family of provision, after the PA-X peace agreement codebook.'),
  description: z.string().optional(),
  options: z.array(option).optional().describe('choice: the options a position may take.'),
  unit: z.string().optional().describe('number: the unit every position is expressed in.'),
  members: z
    .array(recordId)
    .optional()
    .describe('set: the possible members (actor ids or option ids); positions pick a subset.'),
  sources: sourceRefs,
});

export const issuesFileSchema = z.strictObject({ issues: z.array(issueSchema) });
export type Issue = z.infer<typeof issueSchema>;
export type IssueKind = z.infer<typeof issueKind>;
