import { z } from 'zod';
import { currentFormatVersion } from '../format/migrations.ts';
import { actorsFileSchema } from './actors.ts';
import { analystModelSchema } from './analyst-model.ts';
import { caseMetaSchema } from './case-meta.ts';
import { claimsFileSchema } from './claims.ts';
import { draftsFileSchema } from './drafts.ts';
import { eventsFileSchema } from './events.ts';
import { guaranteesFileSchema } from './guarantee.ts';
import { issuesFileSchema } from './issues.ts';
import { positionsFileSchema } from './positions.ts';
import { rolesFileSchema } from './roles.ts';
import { roundsFileSchema } from './rounds.ts';
import { sourcesFileSchema } from './sources.ts';

/** case.yaml: the case's meta, and the format version its folder is written in. */
export const caseYamlSchema = caseMetaSchema.extend({
  formatVersion: z
    .number()
    .int()
    .min(1)
    .max(currentFormatVersion)
    .optional()
    .meta({
      description: `The case format version, ${currentFormatVersion} for this Parley. Without it a case is version 1 and is migrated when read.`,
    }),
});

/**
 * The files a case folder may hold and the schema of each. Only `case.yaml` is required, so a
 * new case can grow one file at a time. Any other `.yaml` file in the folder is an error: a
 * misspelt file name must not silently drop its records.
 */
export const caseFileSchemas = {
  'case.yaml': caseYamlSchema,
  'actors.yaml': actorsFileSchema,
  'roles.yaml': rolesFileSchema,
  'rounds.yaml': roundsFileSchema,
  'events.yaml': eventsFileSchema,
  'sources.yaml': sourcesFileSchema,
  'claims.yaml': claimsFileSchema,
  'issues.yaml': issuesFileSchema,
  'positions.yaml': positionsFileSchema,
  'drafts.yaml': draftsFileSchema,
  'guarantees.yaml': guaranteesFileSchema,
  'model.yaml': analystModelSchema,
} as const satisfies Record<string, z.ZodType>;

export type CaseFileName = keyof typeof caseFileSchemas;
export type CaseFileContent<F extends CaseFileName> = z.infer<(typeof caseFileSchemas)[F]>;
