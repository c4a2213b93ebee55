import { z } from 'zod';
import { edtfDateField } from '../inputs/fields.ts';
import { viewNames, type ViewName } from './names.ts';

/** The rule for a history without an issue, also checked where the input was not parsed. */
export const historyNeedsIssue = 'the history view needs `issue` <id>: one of the ids the issues view lists';

// Each narrowing field belongs to some views: silently ignoring it elsewhere would mislead.
const narrowing: Array<{
  field: 'at' | 'contestedOnly' | 'topic' | 'issue';
  views: ViewName[];
  named: string;
}> = [
  { field: 'at', views: ['positions', 'roles'], named: 'positions and roles views' },
  { field: 'contestedOnly', views: ['claims'], named: 'claims view' },
  { field: 'topic', views: ['claims'], named: 'claims view' },
  { field: 'issue', views: ['history'], named: 'history view' },
];

/** What `show` is asked: one view of a case, narrowed by the fields its view takes. */
export const showInputSchema = z
  .object({
    view: z
      .enum(viewNames, {
        error: (issue) => `unknown view "${String(issue.input)}"; expected one of ${viewNames.join(', ')}`,
      })
      .default('overview'),
    /** positions: as of this EDTF date (default the case's asOf); roles: those held then. */
    at: edtfDateField('at', '2022-04-15, 2022-04, 2022').optional(),
    /** claims: only contested propositions. */
    contestedOnly: z.boolean().default(false),
    /** claims: only propositions on this topic. */
    topic: z.string().optional(),
    /** history: the issue whose positions to follow over time. */
    issue: z.string().optional(),
  })
  .superRefine((input, ctx) => {
    for (const { field, views, named } of narrowing) {
      const given = field === 'contestedOnly' ? input.contestedOnly : input[field] !== undefined;
      if (given && !views.includes(input.view)) {
        ctx.addIssue({ code: 'custom', path: [field], message: `\`${field}\` applies to the ${named} only` });
        return;
      }
    }
    if (input.view === 'history' && input.issue === undefined)
      ctx.addIssue({ code: 'custom', path: ['issue'], message: historyNeedsIssue });
  });

export type ShowInput = z.output<typeof showInputSchema>;
