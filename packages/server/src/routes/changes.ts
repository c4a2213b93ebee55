import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { recordKindNames, type RecordKind } from '@parley/store/record-kinds.ts';
import { applyChanges, type Change } from '@parley/store/records.ts';
import { visibilitySchema, type Visibility } from '@parley/store/visibility.ts';
import { guardedRoute } from '../access.ts';
import { actingMember } from '../acting-member.ts';
import { problemSchema } from '../http-errors.ts';
import type { ServerDeps, ServerEnv } from '../server-env.ts';
import { editorRoles, refuseConductWrite, requireMayWrite } from '../write-rules.ts';
import { caseErrors, caseParams, jsonResponse } from './openapi-parts.ts';

const kind = z.enum(recordKindNames as [RecordKind, ...RecordKind[]]);
const version = z.number().int().min(1).meta({ description: 'The version the change replaces (its ETag)' });

const changeSchema = z.discriminatedUnion('op', [
  z.strictObject({
    op: z.literal('create'),
    kind,
    body: z.unknown(),
    visibility: visibilitySchema.optional(),
    id: z.string().max(241).optional().meta({ description: 'A draft text only: its document@version' }),
  }),
  z.strictObject({
    op: z.literal('update'),
    kind,
    id: z.string().min(1).max(241),
    body: z.unknown(),
    visibility: visibilitySchema.optional(),
    ifMatch: version,
  }),
  z.strictObject({ op: z.literal('delete'), kind, id: z.string().min(1).max(241), ifMatch: version }),
]);

const changesInput = z.strictObject({ changes: z.array(changeSchema).min(1).max(1000) }).meta({
  id: 'Changes',
  description:
    'Changes applied together, in order, all or nothing: what must arrive together (a new source and the claim that cites it, a new draft and its texts).',
});

const appliedSchema = z
  .object({
    applied: z.array(
      z.object({ op: z.string(), kind: z.string(), id: z.string(), version: z.number().int() }),
    ),
  })
  .meta({ id: 'Applied' });

/** Several record changes in one transaction, checked once they are all made. */
export function registerChangeRoutes(app: OpenAPIHono<ServerEnv>, deps: ServerDeps) {
  app.openapi(
    guardedRoute(
      {
        method: 'post',
        path: '/api/cases/{caseId}/changes',
        summary: 'Apply several record changes together (all or nothing)',
        request: {
          params: caseParams,
          body: { content: { 'application/json': { schema: changesInput } }, required: true },
        },
        responses: {
          200: jsonResponse(appliedSchema, 'Every change applied, in order, with the versions written'),
          ...caseErrors,
          409: jsonResponse(problemSchema, 'A stale version, an id taken, or records left broken'),
          422: jsonResponse(problemSchema, 'A change is invalid: each problem at changes[i].body.<field>'),
        },
      },
      { to: 'case', roles: editorRoles },
      () => deps.database,
    ),
    async (c) => {
      const who = c.get('access')!;
      const { changes } = c.req.valid('json');
      changes.forEach((change, i) => refuseConductWrite(change.kind, `changes[${i}]: `));
      const records = await applyChanges(
        deps.database,
        who.caseId,
        { audience: who.audience, ...actingMember(c) },
        changes as Change[],
        (before, after) => requireMayWrite(who, ...([before, after].filter(Boolean) as Visibility[])),
      );
      return c.json(
        {
          applied: changes.map((change, i) => ({
            op: change.op,
            kind: change.kind,
            id: records[i]!.id,
            version: records[i]!.version,
          })),
        },
        200,
      );
    },
  );
}
