import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { verifyChain } from '@parley/store/audit/audit-chain.ts';
import { readAudit } from '@parley/store/audit/read-audit.ts';
import { guardedRoute } from '../access.ts';
import type { ServerDeps, ServerEnv } from '../server-env.ts';
import { caseErrors, caseParams, jsonResponse } from './openapi-parts.ts';

const entrySchema = z
  .object({
    seq: z.number().int(),
    prevHash: z.string(),
    entryHash: z.string(),
    caseId: z.string().optional(),
    at: z.string().optional(),
    userId: z.string().nullable().optional(),
    roles: z.string().optional(),
    action: z.string().optional(),
    target: z.string().optional(),
    visibility: z.string().optional(),
    payload: z.unknown().optional(),
    payloadHash: z.string().optional(),
  })
  .meta({
    id: 'AuditEntry',
    description:
      'One change of the case. An entry about a record the caller may not see has only seq and its hashes.',
  });

const checkSchema = z
  .union([
    z.object({ ok: z.literal(true), entries: z.number(), headHash: z.string() }),
    z.object({ ok: z.literal(false), seq: z.number(), problem: z.string() }),
  ])
  .meta({
    id: 'AuditCheck',
    description: 'The chain checked as the caller sees it: OK with the head hash, or the first broken link.',
  });

/** The case's audit log: every change, hash-chained; what the caller may not see, sealed. */
export function registerAuditRoutes(app: OpenAPIHono<ServerEnv>, deps: ServerDeps) {
  app.openapi(
    guardedRoute(
      {
        method: 'get',
        path: '/api/cases/{caseId}/audit',
        summary: "The case's audit log, and the check of its hash chain",
        request: { params: caseParams },
        responses: {
          200: jsonResponse(
            z.object({ entries: z.array(entrySchema), check: checkSchema }).meta({ id: 'AuditLog' }),
            'The log',
          ),
          ...caseErrors,
        },
      },
      { to: 'case', roles: 'member' },
      () => deps.database,
    ),
    async (c) => {
      const access = c.get('access')!;
      const entries = await readAudit(deps.database, access.caseId, access.audience);
      return c.json({ entries, check: verifyChain(entries) }, 200);
    },
  );
}
