import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { ParleyError } from '@parley/model/errors.ts';
import { checkCase } from '@parley/app/validate/check-case.ts';
import { deleteCase, importCase } from '@parley/store/cases.ts';
import { casesOfMember } from '@parley/store/members.ts';
import { audienceOf } from '@parley/store/membership.ts';
import { visibleCase } from '@parley/store/visible-case.ts';
import { guardedRoute } from '../access.ts';
import { problemSchema } from '../http-errors.ts';
import { refuseLoneSurrogates } from '../well-formed-text.ts';
import type { ServerDeps, ServerEnv } from '../server-env.ts';
import { storedRecordSchema } from './records.ts';

const caseParams = z.object({ caseId: z.string().min(1).max(200) });
const json = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const errors = {
  401: json(problemSchema, 'Not signed in'),
  403: json(problemSchema, 'The role may not do this'),
  404: json(problemSchema, 'No such case, or not a member'),
} as const;

const membershipSchema = z.object({ role: z.string(), party: z.string().nullable() });
const caseSummarySchema = z
  .object({ id: z.string(), title: z.string(), roles: z.array(membershipSchema) })
  .meta({ id: 'CaseSummary' });
const caseJsonSchema = z.record(z.string(), z.unknown()).superRefine(refuseLoneSurrogates).meta({
  id: 'Case',
  description:
    'A whole case as one JSON value: the parts of a case folder (docs/case-format.md), draft texts keyed document@version.',
});

/** Cases: the caller's list, import (server admins), one case's summary and export, search, delete. */
export function registerCaseRoutes(app: OpenAPIHono<ServerEnv>, deps: ServerDeps) {
  const db = () => deps.database;

  app.openapi(
    guardedRoute(
      {
        method: 'get',
        path: '/api/cases',
        summary: 'The cases the caller is a member of',
        responses: { 200: json(z.array(caseSummarySchema), 'The cases'), 401: errors[401] },
      },
      { to: 'signed-in' },
      db,
    ),
    async (c) => {
      const cases = await casesOfMember(db(), c.get('user')!.id);
      const summaries = [];
      for (const { caseId, roles } of cases) {
        const seen = await visibleCase(db(), caseId, audienceOf(roles));
        if (seen) summaries.push({ id: caseId, title: seen.case.meta.title, roles });
      }
      return c.json(summaries, 200);
    },
  );

  app.openapi(
    guardedRoute(
      {
        method: 'post',
        path: '/api/cases',
        summary: 'Import a case (the importer becomes its case admin)',
        request: { body: { content: { 'application/json': { schema: caseJsonSchema } }, required: true } },
        responses: {
          201: json(caseSummarySchema, 'The case as stored'),
          ...errors,
          409: json(problemSchema, 'A case with this id is stored'),
          422: json(problemSchema, 'The case is invalid: every problem by path'),
        },
      },
      { to: 'admin' },
      db,
    ),
    async (c) => {
      const { caseData, diagnostics } = checkCase(c.req.valid('json'));
      if (!caseData)
        throw new ParleyError(
          'invalid-case',
          `the case has ${diagnostics.length} problem(s); nothing was imported`,
          diagnostics,
        );
      const id = await importCase(db(), caseData, { caseAdmin: c.get('user')!.id });
      return c.json({ id, title: caseData.meta.title, roles: [{ role: 'case-admin', party: null }] }, 201);
    },
  );

  app.openapi(
    guardedRoute(
      {
        method: 'get',
        path: '/api/cases/{caseId}',
        summary: "The case's meta, the caller's roles and the records they see, counted by kind",
        request: { params: caseParams },
        responses: {
          200: json(
            z
              .object({
                id: z.string(),
                meta: z.unknown(),
                revision: z.number(),
                roles: z.array(membershipSchema),
                counts: z.record(z.string(), z.number()),
              })
              .meta({ id: 'CaseDetail' }),
            'The case',
          ),
          ...errors,
        },
      },
      { to: 'case', roles: 'member' },
      db,
    ),
    async (c) => {
      const access = c.get('access')!;
      const seen = (await visibleCase(db(), access.caseId, access.audience))!;
      const counts: Record<string, number> = {};
      for (const r of seen.records) counts[r.kind] = (counts[r.kind] ?? 0) + 1;
      return c.json(
        {
          id: access.caseId,
          meta: seen.case.meta,
          revision: seen.revision,
          roles: access.memberships,
          counts,
        },
        200,
      );
    },
  );

  app.openapi(
    guardedRoute(
      {
        method: 'get',
        path: '/api/cases/{caseId}/export',
        summary: 'The case as the caller sees it, as one JSON value',
        request: { params: caseParams },
        responses: { 200: json(caseJsonSchema, 'The case'), ...errors },
      },
      { to: 'case', roles: 'member' },
      db,
      // The answer depends on the revision and what the caller sees only (analysis-cache.ts).
      { cached: true },
    ),
    async (c) => {
      const access = c.get('access')!;
      return c.json(
        (await visibleCase(db(), access.caseId, access.audience))!.case as unknown as Record<string, unknown>,
        200,
      );
    },
  );

  app.openapi(
    guardedRoute(
      {
        method: 'get',
        path: '/api/cases/{caseId}/search',
        summary: 'Records the caller sees whose content contains the text (case-insensitive; at most 100)',
        request: { params: caseParams, query: z.object({ q: z.string().min(2).max(200) }) },
        responses: { 200: json(z.array(storedRecordSchema), 'The records found'), ...errors },
      },
      { to: 'case', roles: 'member' },
      db,
    ),
    async (c) => {
      const access = c.get('access')!;
      const q = c.req.valid('query').q.toLowerCase();
      const seen = (await visibleCase(db(), access.caseId, access.audience))!;
      const found = seen.records
        .filter((r) => JSON.stringify(r.body).toLowerCase().includes(q))
        .slice(0, 100);
      return c.json(
        found.map(({ kind, id, visibility, version, body }) => ({ kind, id, visibility, version, body })),
        200,
      );
    },
  );

  app.openapi(
    guardedRoute(
      {
        method: 'delete',
        path: '/api/cases/{caseId}',
        summary: 'Delete a case and everything in it',
        request: { params: caseParams },
        responses: { 204: { description: 'Deleted' }, ...errors },
      },
      { to: 'case', roles: ['case-admin'] },
      db,
    ),
    async (c) => {
      await deleteCase(db(), c.get('access')!.caseId);
      return c.body(null, 204);
    },
  );
}
