import { z } from 'zod';
import { edtfDate, recordId } from './common.ts';

export const sourceKind = z.enum([
  'analysis',
  'news-report',
  'opinion',
  'press-summary',
  'official-document',
  'interview',
  'primary-text',
]);

export const reliability = z.enum(['high', 'medium', 'low']);

export const sourceSchema = z.strictObject({
  id: recordId,
  title: z.string().min(1),
  author: z.string().optional(),
  outlet: z.string().optional(),
  date: edtfDate.optional(),
  url: z.url().optional(),
  kind: sourceKind,
  reliability,
  note: z
    .string()
    .optional()
    .describe(
      'Why this reliability, and anything a reader should know (state-aligned outlet, secondary summary).',
    ),
});

export const sourcesFileSchema = z.strictObject({ sources: z.array(sourceSchema) });
export type Source = z.infer<typeof sourceSchema>;
