import { z } from 'zod';
import { edtfDate, recordId, sourceRefs } from './common.ts';

export const versionStatus = z.enum([
  'working-draft',
  'tabled',
  'agreed-framework',
  'initialled',
  'signed',
  'superseded',
  'abandoned',
]);

export const draftFormat = z.enum(['parley', 'markdown']);
export type DraftFormat = z.infer<typeof draftFormat>;

export const draftVersionSchema = z.strictObject({
  id: recordId,
  date: edtfDate,
  title: z.string().optional(),
  author: recordId.describe('The party that wrote this version (an actor id), or `joint`.'),
  basis: recordId.optional().describe('The version this one was written on top of.'),
  status: versionStatus,
  text: z
    .string()
    .regex(/^[^/].*\.(txt|md)$/, 'must be a relative path to a .txt or .md file')
    .describe('The text file of this version, relative to the case folder.'),
  format: draftFormat
    .optional()
    .describe(
      'How the text is written: `parley` (the default), bracket text with tag lines; `markdown`, a foreign draft read as it stands (links, images, task boxes and footnotes are not brackets, tag lines are not read). `parley drafts import` adds one without changing a word.',
    ),
  reconstruction: z
    .boolean()
    .describe("True when the text is the analyst's reconstruction from reports, not the original."),
  initialledBy: z
    .array(recordId)
    .optional()
    .describe('Claims (in claims.yaml) that this version was initialled, and by whom.'),
  note: z.string().optional(),
  sources: sourceRefs,
});

export const draftDocumentSchema = z.strictObject({
  id: recordId,
  title: z.string().min(1),
  kind: z.enum(['treaty', 'communique', 'memorandum', 'annex', 'other']),
  versions: z
    .array(draftVersionSchema)
    .min(1)
    .describe('The versions of the document; a version is named elsewhere as `document@version`.'),
});

export const draftsFileSchema = z.strictObject({ documents: z.array(draftDocumentSchema) });
export type DraftDocument = z.infer<typeof draftDocumentSchema>;
export type DraftVersion = z.infer<typeof draftVersionSchema>;
