import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { isParleyError, ParleyError } from '@parley/model/errors.ts';
import { MAX_RECORD_ID } from '@parley/model/schema/common.ts';
import { recordKindNames } from '@parley/store/record-kinds.ts';
import type { RecordKind, StoredRecord } from '@parley/store/record-kinds.ts';
import {
  createRecord,
  deleteRecord,
  getRecord,
  listRecords,
  releaseRecord,
  updateRecord,
} from '@parley/store/records.ts';
import { visibilitySchema } from '@parley/store/visibility.ts';
import { guardedRoute } from '../access.ts';
import { actingMember } from '../acting-member.ts';
import { etagOf, versionFromIfMatch } from '../etag.ts';
import { problemSchema } from '../http-errors.ts';
import { refuseLoneSurrogates } from '../well-formed-text.ts';
import type { CaseAccess, ServerDeps, ServerEnv } from '../server-env.ts';
import {
  editorRoles,
  refuseConductWrite,
  releaserRoles,
  requireMayRelease,
  requireMayWrite,
} from '../write-rules.ts';

const kindParam = z.enum(recordKindNames as [RecordKind, ...RecordKind[]]).meta({
  description:
    'The kind of record: meta, actor, role, round, event, source, proposition, claim, issue, position, draft, draft-text, guarantees, model, stakeholder, scenario.',
});
const caseParams = z.object({ caseId: z.string().min(1).max(200) });
const kindParams = caseParams.extend({ kind: kindParam });
// A draft text's id, document@version, is the longest a path carries.
const recordParams = kindParams.extend({
  recordId: z
    .string()
    .min(1)
    .max(2 * MAX_RECORD_ID + 1),
});

export const storedRecordSchema = z
  .object({
    kind: z.string(),
    id: z.string(),
    visibility: z.string(),
    version: z.number().int(),
    body: z.unknown(),
  })
  .meta({
    id: 'Record',
    description: 'One record of a case with who sees it and its version (also its ETag).',
  });

const recordInput = z
  .strictObject({
    body: z
      .unknown()
      .superRefine(refuseLoneSurrogates)
      .meta({ description: "The record as in the case files (the kind's schema: docs/case-fields.md)." }),
    visibility: visibilitySchema
      .optional()
      .meta({ description: 'case, mediation, party:<actor> or channel:<actor>' }),
  })
  .meta({ id: 'RecordInput' });

const errors = {
  401: { description: 'Not signed in', content: { 'application/json': { schema: problemSchema } } },
  403: {
    description: 'The role may not do this',
    content: { 'application/json': { schema: problemSchema } },
  },
  404: {
    description: 'No such case or record, or one the caller may not see',
    content: { 'application/json': { schema: problemSchema } },
  },
} as const;
const writeErrors = {
  ...errors,
  409: {
    description: 'A stale If-Match, an id taken, or a change that would break other records',
    content: { 'application/json': { schema: problemSchema } },
  },
  422: {
    description: 'The record is invalid: every problem by field path',
    content: { 'application/json': { schema: problemSchema } },
  },
} as const;
const json = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

const view = ({ kind, id, visibility, version, body }: StoredRecord) => ({
  kind,
  id,
  visibility,
  version,
  body,
});

/** Records: read, list, create, update, delete and release, each as its caller may. */
export function registerRecordRoutes(app: OpenAPIHono<ServerEnv>, deps: ServerDeps) {
  const db = () => deps.database;
  const access = (c: { get(key: 'access'): CaseAccess | undefined }) => c.get('access')!;

  app.openapi(
    guardedRoute(
      {
        method: 'get',
        path: '/api/cases/{caseId}/records/{kind}',
        summary: 'The records of one kind the caller sees',
        request: { params: kindParams },
        responses: { 200: json(z.array(storedRecordSchema), 'The records, in the case order'), ...errors },
      },
      { to: 'case', roles: 'member' },
      db,
      // Kept per revision and audience, like an analysis (analysis-cache.ts).
      { cached: true },
    ),
    async (c) => {
      const { caseId, kind } = c.req.valid('param');
      return c.json((await listRecords(db(), caseId, access(c).audience, kind)).map(view), 200);
    },
  );

  app.openapi(
    guardedRoute(
      {
        method: 'get',
        path: '/api/cases/{caseId}/records/{kind}/{recordId}',
        summary: 'One record, with its version as ETag',
        request: { params: recordParams },
        responses: { 200: json(storedRecordSchema, 'The record'), ...errors },
      },
      { to: 'case', roles: 'member' },
      db,
      { cached: true },
    ),
    async (c) => {
      const { caseId, kind, recordId } = c.req.valid('param');
      const record = await getRecord(db(), caseId, access(c).audience, kind, recordId);
      c.header('ETag', etagOf(record.version));
      return c.json(view(record), 200);
    },
  );

  app.openapi(
    guardedRoute(
      {
        method: 'post',
        path: '/api/cases/{caseId}/records/{kind}',
        summary: 'Add a record',
        request: {
          params: kindParams,
          body: { content: { 'application/json': { schema: recordInput } }, required: true },
        },
        responses: { 201: json(storedRecordSchema, 'The record as stored'), ...writeErrors },
      },
      { to: 'case', roles: editorRoles },
      db,
    ),
    async (c) => {
      const { caseId, kind } = c.req.valid('param');
      const input = c.req.valid('json');
      const who = access(c);
      refuseConductWrite(kind);
      // The one kind whose id is not in its body: the store would have no id to file it under.
      if (kind === 'draft-text')
        throw new ParleyError(
          'usage',
          'a draft text is named document@version, which its body does not say: it cannot be added on its own; replace an existing one with PUT …/records/draft-text/{document@version}',
        );
      const record = await atRequestPaths(() =>
        createRecord(
          db(),
          caseId,
          { audience: who.audience, ...actingMember(c) },
          kind,
          {
            body: input.body,
            ...(input.visibility ? { visibility: input.visibility } : {}),
          },
          (visibility) => requireMayWrite(who, visibility),
        ),
      );
      c.header('ETag', etagOf(record.version));
      return c.json(view(record), 201);
    },
  );

  app.openapi(
    guardedRoute(
      {
        method: 'put',
        path: '/api/cases/{caseId}/records/{kind}/{recordId}',
        summary: 'Replace a record (If-Match required)',
        request: {
          params: recordParams,
          headers: z.object({ 'if-match': z.string().optional() }),
          body: { content: { 'application/json': { schema: recordInput } }, required: true },
        },
        responses: {
          200: json(storedRecordSchema, 'The record as stored'),
          ...writeErrors,
          428: json(problemSchema, 'No If-Match'),
        },
      },
      { to: 'case', roles: editorRoles },
      db,
    ),
    async (c) => {
      const { caseId, kind, recordId } = c.req.valid('param');
      const input = c.req.valid('json');
      const who = access(c);
      refuseConductWrite(kind);
      const ifMatch = versionFromIfMatch(c.req.header('if-match'));
      const record = await withCurrentOnStale(deps, who, kind, recordId, () =>
        atRequestPaths(() =>
          updateRecord(
            db(),
            caseId,
            { audience: who.audience, ...actingMember(c) },
            kind,
            recordId,
            {
              body: input.body,
              ...(input.visibility ? { visibility: input.visibility } : {}),
            },
            ifMatch,
            (before, after) => requireMayWrite(who, before, after),
          ),
        ),
      );
      c.header('ETag', etagOf(record.version));
      return c.json(view(record), 200);
    },
  );

  app.openapi(
    guardedRoute(
      {
        method: 'delete',
        path: '/api/cases/{caseId}/records/{kind}/{recordId}',
        summary: 'Delete a record (If-Match required)',
        request: { params: recordParams, headers: z.object({ 'if-match': z.string().optional() }) },
        responses: {
          204: { description: 'Deleted' },
          ...writeErrors,
          428: json(problemSchema, 'No If-Match'),
        },
      },
      { to: 'case', roles: editorRoles },
      db,
    ),
    async (c) => {
      const { caseId, kind, recordId } = c.req.valid('param');
      const who = access(c);
      refuseConductWrite(kind);
      const ifMatch = versionFromIfMatch(c.req.header('if-match'));
      await withCurrentOnStale(deps, who, kind, recordId, () =>
        deleteRecord(
          db(),
          caseId,
          { audience: who.audience, ...actingMember(c) },
          kind,
          recordId,
          ifMatch,
          (before) => requireMayWrite(who, before),
        ),
      );
      return c.body(null, 204);
    },
  );

  app.openapi(
    guardedRoute(
      {
        method: 'post',
        path: '/api/cases/{caseId}/records/{kind}/{recordId}/release',
        summary: 'Widen who sees a record (recorded)',
        request: {
          params: recordParams,
          headers: z.object({ 'if-match': z.string().optional() }),
          body: {
            content: {
              'application/json': {
                schema: z.strictObject({ to: visibilitySchema }).meta({ id: 'Release' }),
              },
            },
            required: true,
          },
        },
        responses: {
          200: json(storedRecordSchema, 'The record with its new visibility'),
          ...writeErrors,
          428: json(problemSchema, 'No If-Match'),
        },
      },
      { to: 'case', roles: releaserRoles },
      db,
    ),
    async (c) => {
      const { caseId, kind, recordId } = c.req.valid('param');
      const { to } = c.req.valid('json');
      const who = access(c);
      const ifMatch = versionFromIfMatch(c.req.header('if-match'));
      const record = await withCurrentOnStale(deps, who, kind, recordId, () =>
        releaseRecord(
          db(),
          caseId,
          { audience: who.audience, ...actingMember(c) },
          kind,
          recordId,
          to,
          ifMatch,
          (from) => requireMayRelease(who, from),
        ),
      );
      c.header('ETag', etagOf(record.version));
      return c.json(view(record), 200);
    },
  );
}

/**
 * A refused record comes back with its problems at paths in the request, as the client sent it:
 * the store names a field of the record (`kind`), the client sent it as `body.kind`. Only
 * `visibility` is a field of the request itself.
 */
async function atRequestPaths<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!isParleyError(error, 'invalid-input')) throw error;
    throw new ParleyError(
      error.code,
      error.message,
      error.diagnostics.map((d) => ({
        ...d,
        path:
          d.path === 'visibility'
            ? d.path
            : d.path === '' || d.path.startsWith('[')
              ? `body${d.path}`
              : `body.${d.path}`,
      })),
    );
  }
}

/** A write refused for a stale version answers with the record as it now stands (409 + ETag). */
async function withCurrentOnStale<T>(
  deps: ServerDeps,
  who: CaseAccess,
  kind: RecordKind,
  id: string,
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isParleyError(error, 'conflict') && error.diagnostics.some((d) => d.code === 'stale-version')) {
      const current = await getRecord(deps.database, who.caseId, who.audience, kind, id).catch(
        () => undefined,
      );
      if (current) throw Object.assign(error, { current: view(current) });
    }
    throw error;
  }
}
