import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { bracketsReport } from '@parley/app/drafts/brackets.ts';
import { exportDraft } from '@parley/app/drafts/export.ts';
import {
  bracketsInputSchema,
  caseRedlineInputSchema,
  exportFormats,
  exportInputSchema,
  type ExportFormat,
} from '@parley/app/drafts/input.ts';
import { caseRedline, redlineJson } from '@parley/app/drafts/redline.ts';
import { parseInput } from '@parley/app/inputs/parse-input.ts';
import { guardedRoute } from '../access.ts';
import type { ServerDeps, ServerEnv } from '../server-env.ts';
import { callerCase } from './caller-case.ts';
import { analysisErrors, analysisJson, caseParams, jsonResponse } from './openapi-parts.ts';

/** How the API names the draft inputs' fields in messages: as its query parameters. */
const QUERY_NAMES = { from: 'from', to: 'to', maxEdits: 'max-edits', format: 'format', against: 'against' };

/** The media type of each export format. */
export const exportContentTypes: Record<ExportFormat, string> = {
  akn: 'application/akn+xml',
  html: 'text/html',
  md: 'text/markdown',
};

const versionId = z.string().min(1).max(200);
const documentParams = caseParams.extend({ documentId: z.string().min(1).max(200) });

/** The drafts of a case as the caller sees them: redlines, brackets over versions, exports. */
export function registerDraftRoutes(app: OpenAPIHono<ServerEnv>, deps: ServerDeps) {
  const db = () => deps.database;
  const member = { to: 'case', roles: 'member' } as const;

  app.openapi(
    guardedRoute(
      {
        method: 'get',
        path: '/api/cases/{caseId}/drafts/{documentId}/diff',
        summary:
          'The redline between two versions of a draft (as `parley diff <case> <doc>@<from> <doc>@<to> --json`)',
        request: {
          params: documentParams,
          query: z.object({
            from: versionId.describe('The earlier version (its id)'),
            to: versionId.describe('The later version (its id)'),
            'max-edits': z
              .string()
              .max(20)
              .optional()
              .describe('Word edits per unit before it is shown as replaced'),
          }),
        },
        responses: {
          200: jsonResponse(
            analysisJson('Redline', 'The redline, as docs/drafts-format.md describes it'),
            'The redline',
          ),
          ...analysisErrors,
        },
      },
      member,
      db,
      { cached: true },
    ),
    async (c) => {
      const { documentId } = c.req.valid('param');
      const q = c.req.valid('query');
      const input = parseInput(
        caseRedlineInputSchema,
        {
          format: 'json',
          from: `${documentId}@${q.from}`,
          to: `${documentId}@${q.to}`,
          maxEdits: q['max-edits'],
        },
        QUERY_NAMES,
      );
      const result = caseRedline(await callerCase(deps, c.get('access')!), input);
      return c.json(redlineJson(result) as unknown as Record<string, unknown>, 200);
    },
  );

  app.openapi(
    guardedRoute(
      {
        method: 'get',
        path: '/api/cases/{caseId}/drafts/{documentId}/brackets',
        summary:
          'Open brackets per version and per party: is the text converging? (as `parley brackets <case> <doc> --json`)',
        request: { params: documentParams },
        responses: {
          200: jsonResponse(
            analysisJson('Brackets', 'The brackets over the versions, as docs/json.md describes them'),
            'The brackets',
          ),
          ...analysisErrors,
        },
      },
      member,
      db,
      { cached: true },
    ),
    async (c) => {
      const { documentId } = c.req.valid('param');
      const input = parseInput(bracketsInputSchema, { document: documentId, format: 'json' }, QUERY_NAMES);
      const { json } = bracketsReport(await callerCase(deps, c.get('access')!), input);
      return c.json(json as unknown as Record<string, unknown>, 200);
    },
  );

  const exported = z.string();
  app.openapi(
    guardedRoute(
      {
        method: 'get',
        path: '/api/cases/{caseId}/drafts/{documentId}/versions/{versionId}/export',
        summary:
          'A draft version as Akoma Ntoso XML, HTML or Markdown; a redline with `against` (as `parley export <format> <case> <doc>@<version>`)',
        request: {
          params: documentParams.extend({ versionId }),
          query: z.object({
            format: z.enum(exportFormats).describe('akn (Akoma Ntoso XML), html or md'),
            against: versionId.optional().describe('Redline from this earlier version of the document'),
          }),
        },
        responses: {
          200: {
            description: 'The document, in the media type of its format',
            content: Object.fromEntries(
              Object.values(exportContentTypes).map((type) => [type, { schema: exported }]),
            ),
          },
          ...analysisErrors,
        },
      },
      member,
      db,
      { cached: true },
    ),
    async (c) => {
      const { documentId, versionId: version } = c.req.valid('param');
      const q = c.req.valid('query');
      const input = parseInput(
        exportInputSchema,
        {
          format: q.format,
          ref: `${documentId}@${version}`,
          against: q.against === undefined ? undefined : `${documentId}@${q.against}`,
        },
        QUERY_NAMES,
      );
      const { text } = exportDraft(await callerCase(deps, c.get('access')!), input);
      return c.body(text, 200, { 'Content-Type': `${exportContentTypes[input.format]}; charset=utf-8` });
    },
  );
}
