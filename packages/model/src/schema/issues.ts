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
  kind: issueKind,
  category: provisionCategory,
  description: z.string().optional(),
  /** choice: the options a position may take. */
  options: z.array(option).optional(),
  /** number: the unit every position is expressed in. */
  unit: z.string().optional(),
  /** set: the possible members (actor ids or option ids); positions pick a subset. */
  members: z.array(recordId).optional(),
  sources: sourceRefs,
});

export const issuesFileSchema = z.strictObject({ issues: z.array(issueSchema) });
export type Issue = z.infer<typeof issueSchema>;
export type IssueKind = z.infer<typeof issueKind>;
