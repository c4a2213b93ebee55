import { z } from 'zod';
import { contestedBy, edtfDate, recordId, sourceRefs } from './common.ts';

export const roleKind = z.enum([
  'party',
  'delegation-head',
  'delegation-member',
  'mediator',
  'facilitator',
  'host',
  'prospective-guarantor',
  'external-stakeholder',
  'commentator',
]);

/** An actor's role in the case, optionally bounded in time and tied to a party or rounds. */
export const roleSchema = z.strictObject({
  id: recordId,
  actor: recordId,
  role: roleKind,
  for: recordId
    .optional()
    .describe(
      'For delegation roles: the party the delegation represents; for a guarantor: the state guaranteed.',
    ),
  from: edtfDate.optional().describe('When the role began; omitted: from the start of the case.'),
  to: edtfDate.optional().describe('When the role ended; omitted: it lasts to the end of the case.'),
  rounds: z
    .array(recordId)
    .optional()
    .describe('Rounds this role applies to (a delegation head of one round only, say).'),
  note: z.string().optional(),
  contestedBy,
  sources: sourceRefs,
});

export const rolesFileSchema = z.strictObject({ roles: z.array(roleSchema) });
export type Role = z.infer<typeof roleSchema>;
export type RoleKind = z.infer<typeof roleKind>;
