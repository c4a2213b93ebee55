import { z } from 'zod';
import { edtfDate, recordId } from './common.ts';

/** case.yaml: what the case is, and the date views use when none is given. */
export const caseMetaSchema = z.strictObject({
  id: recordId,
  title: z.string().min(1),
  summary: z.string().min(1),
  period: edtfDate.describe('The span of the negotiation, usually an interval (2031-01/2031-06).'),
  asOf: edtfDate.optional().describe('The default `--at` date for views of the case.'),
  license: z.string().optional().describe("How the case's text may be reused."),
  method: z
    .string()
    .optional()
    .describe('Notes on how the case was built (which reports, what was reconstructed).'),
});
export type CaseMeta = z.infer<typeof caseMetaSchema>;
