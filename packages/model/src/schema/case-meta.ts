import { z } from 'zod';
import { edtfDate, recordId } from './common.ts';

/** case.yaml: what the case is, and the date views use when none is given. */
export const caseMetaSchema = z.strictObject({
  id: recordId,
  title: z.string().min(1),
  summary: z.string().min(1),
  period: edtfDate,
  /** The default `--at` date for views of the case. */
  asOf: edtfDate.optional(),
  /** How the case's text may be reused. */
  license: z.string().optional(),
  /** Notes on how the case was built (which reports, what was reconstructed). */
  method: z.string().optional(),
});
export type CaseMeta = z.infer<typeof caseMetaSchema>;
