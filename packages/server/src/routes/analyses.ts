import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { briefOf } from '@parley/app/brief.ts';
import { parseInput } from '@parley/app/inputs/parse-input.ts';
import { viewNames } from '@parley/app/views/names.ts';
import { showView } from '@parley/app/views/registry.ts';
import { showInputSchema } from '@parley/app/views/show-input.ts';
import { validSummary } from '@parley/app/validate-summary.ts';
import { guardedRoute } from '../access.ts';
import type { ServerDeps, ServerEnv } from '../server-env.ts';
import { callerCase } from './caller-case.ts';
import { registerDealRoutes } from './deals.ts';
import { registerDraftRoutes } from './drafts.ts';
import { registerGeniusRoutes } from './genius.ts';
import { registerGuaranteeRoutes } from './guarantees.ts';
import { analysisErrors, analysisJson, caseParams, jsonResponse, queryFlag } from './openapi-parts.ts';

/** How the API names the show input's fields in messages: as its query parameters. */
const QUERY_NAMES = { at: 'at', contestedOnly: 'contested', topic: 'topic', issue: 'issue' };

/** Analyses of the case as the caller sees it: views, the brief, the validation summary. */
export function registerAnalysisRoutes(app: OpenAPIHono<ServerEnv>, deps: ServerDeps) {
  const db = () => deps.database;
  const member = { to: 'case', roles: 'member' } as const;

  app.openapi(
    guardedRoute(
      {
        method: 'get',
        path: '/api/cases/{caseId}/views/{view}',
        summary: 'A view of the case (as `parley show <case> <view> --json`)',
        request: {
          params: caseParams.extend({ view: z.enum(viewNames) }),
          query: z.object({
            at: z.string().max(40).optional(),
            contested: queryFlag,
            topic: z.string().max(200).optional(),
            issue: z.string().max(200).optional(),
          }),
        },
        responses: {
          200: jsonResponse(analysisJson('View', 'The view, as docs/json.md describes it'), 'The view'),
          ...analysisErrors,
        },
      },
      member,
      db,
      { cached: true },
    ),
    async (c) => {
      const { view } = c.req.valid('param');
      const q = c.req.valid('query');
      const input = parseInput(
        showInputSchema,
        { view, at: q.at, contestedOnly: q.contested === 'true', topic: q.topic, issue: q.issue },
        QUERY_NAMES,
      );
      const data = showView(await callerCase(deps, c.get('access')!), input, {
        seeIssues: 'GET /api/cases/{caseId}/views/issues',
      });
      return c.json(data as unknown as Record<string, unknown>, 200);
    },
  );

  app.openapi(
    guardedRoute(
      {
        method: 'get',
        path: '/api/cases/{caseId}/brief',
        summary: "The case's overview and what each engine finds (as `parley brief --json`)",
        request: { params: caseParams },
        responses: { 200: jsonResponse(analysisJson('Brief', 'The brief'), 'The brief'), ...analysisErrors },
      },
      member,
      db,
      { cached: true },
    ),
    async (c) =>
      c.json(briefOf(await callerCase(deps, c.get('access')!)) as unknown as Record<string, unknown>, 200),
  );

  app.openapi(
    guardedRoute(
      {
        method: 'get',
        path: '/api/cases/{caseId}/validate',
        summary: 'What the case holds, counted (as `parley validate`)',
        request: { params: caseParams },
        responses: {
          200: jsonResponse(z.object({ summary: z.string() }).meta({ id: 'ValidSummary' }), 'The summary'),
          ...analysisErrors,
        },
      },
      member,
      db,
      { cached: true },
    ),
    async (c) => c.json({ summary: validSummary(await callerCase(deps, c.get('access')!)) }, 200),
  );

  registerDraftRoutes(app, deps);
  registerGuaranteeRoutes(app, deps);
  registerDealRoutes(app, deps);
  registerGeniusRoutes(app, deps);
}
