import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { ParleyError } from '@parley/model/errors.ts';
import {
  DEFAULT_CHECKPOINT_EVERY,
  checkpointIfDue,
  createCheckpoint,
  latestCheckpoint,
  listCheckpoints,
} from '@parley/store/signing/checkpoints.ts';
import { serverKeyOf } from '@parley/store/signing/server-key.ts';
import { guardedRoute } from '../access.ts';
import type { ServerDeps, ServerEnv } from '../server-env.ts';
import { caseErrors, caseParams, jsonResponse } from './openapi-parts.ts';

/** How often the server signs a checkpoint of a case's audit log on its own. */
export interface CheckpointOptions {
  /** Sign once a case's log has grown this many entries past its latest checkpoint (default 100). */
  checkpointEvery?: number;
}

/** `PARLEY_CHECKPOINT_EVERY`, a whole number of entries from 1 (undefined when unset). */
export function checkpointEveryFrom(environment: Record<string, string | undefined>): number | undefined {
  const text = environment.PARLEY_CHECKPOINT_EVERY;
  if (text === undefined || text === '') return undefined;
  if (!/^[1-9]\d{0,8}$/.test(text))
    throw new ParleyError(
      'usage',
      `PARLEY_CHECKPOINT_EVERY must be a whole number from 1, not "${text.slice(0, 40)}"`,
    );
  return Number(text);
}

const checkpointSchema = z
  .object({
    caseId: z.string(),
    entries: z.number().int(),
    headHash: z.string(),
    at: z.string(),
    keyFingerprint: z.string(),
    publicKey: z.string(),
    signature: z.string(),
  })
  .meta({
    id: 'AuditCheckpoint',
    description:
      'A head of the audit log signed by the server: Ed25519 over the SHA-256 (hex) of the RFC 8785 JSON of {format: "parley-checkpoint/1", caseId, entries, headHash, at}.',
  });

const serverKeySchema = z
  .object({ algorithm: z.literal('Ed25519'), fingerprint: z.string(), publicKey: z.string() })
  .meta({ id: 'ServerKey', description: 'The public key the server signs audit checkpoints with.' });

const checkpointPath = '/api/cases/{caseId}/audit/checkpoints';

/**
 * The server's signed checkpoints of each case's audit log: read by every member (they reveal a
 * count and a hash, as sealed entries do), made on demand by the mediation team or the case
 * admin, and made on its own after writes (`checkpointAfterWrites`).
 */
export function registerCheckpointRoutes(app: OpenAPIHono<ServerEnv>, deps: ServerDeps) {
  const db = () => deps.database;
  const now = deps.now ?? (() => new Date());

  app.openapi(
    guardedRoute(
      {
        method: 'get',
        path: '/api/server-key',
        summary: "The server's public key: what its audit checkpoints are checked against",
        responses: { 200: jsonResponse(serverKeySchema, 'The key') },
      },
      { to: 'public' },
      db,
    ),
    async (c) => {
      const key = await serverKeyOf(db());
      return c.json(
        { algorithm: 'Ed25519' as const, fingerprint: key.fingerprint, publicKey: key.publicKey },
        200,
      );
    },
  );

  app.openapi(
    guardedRoute(
      {
        method: 'get',
        path: checkpointPath,
        summary: "The case's signed checkpoints of its audit log, oldest first",
        request: { params: caseParams },
        responses: {
          200: jsonResponse(z.object({ checkpoints: z.array(checkpointSchema) }), 'The checkpoints'),
          ...caseErrors,
        },
      },
      { to: 'case', roles: 'member' },
      db,
    ),
    async (c) => c.json({ checkpoints: await listCheckpoints(db(), c.get('access')!.caseId) }, 200),
  );

  app.openapi(
    guardedRoute(
      {
        method: 'get',
        path: `${checkpointPath}/latest`,
        summary: "The case's latest signed checkpoint (404 when there is none yet)",
        request: { params: caseParams },
        responses: { 200: jsonResponse(checkpointSchema, 'The checkpoint'), ...caseErrors },
      },
      { to: 'case', roles: 'member' },
      db,
    ),
    async (c) => {
      const caseId = c.get('access')!.caseId;
      const latest = await latestCheckpoint(db(), caseId);
      if (!latest) throw new ParleyError('not-found', `no signed checkpoint of case "${caseId}" yet`);
      return c.json(latest, 200);
    },
  );

  app.openapi(
    guardedRoute(
      {
        method: 'post',
        path: checkpointPath,
        summary: "Sign a checkpoint of the case's audit log as it stands now (a head is signed once)",
        request: { params: caseParams },
        responses: {
          201: jsonResponse(checkpointSchema, 'The checkpoint of the current head'),
          ...caseErrors,
        },
      },
      { to: 'case', roles: ['case-admin', 'mediator-lead', 'mediator'] },
      db,
    ),
    async (c) => {
      const caseId = c.get('access')!.caseId;
      const made = await createCheckpoint(db(), caseId, await serverKeyOf(db()), now());
      // Every stored case has a log (its import is its first entry).
      if (!made) throw new ParleyError('not-found', `no audit log for case "${caseId}"`);
      return c.json(made, 201);
    },
  );
}

/**
 * After a write to a case succeeds, signs a checkpoint when its log has grown `checkpointEvery`
 * entries past the last one. After the commit rather than inside the write's transaction: the
 * store's writers need no key, and the entries since the last checkpoint are exposed the same.
 */
export function checkpointAfterWrites(deps: ServerDeps & CheckpointOptions): MiddlewareHandler<ServerEnv> {
  const every = deps.checkpointEvery ?? DEFAULT_CHECKPOINT_EVERY;
  const now = deps.now ?? (() => new Date());
  return async (c, next) => {
    await next();
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.res.status >= 300) return;
    const caseId = /^\/api\/cases\/([^/]+)/.exec(c.req.path)?.[1];
    if (!caseId) return;
    try {
      const key = await serverKeyOf(deps.database);
      await checkpointIfDue(deps.database, decodeURIComponent(caseId), key, every, now());
    } catch (error) {
      // The write stands; the checkpoint is made by the next write or the next start.
      console.error(`checkpoint of case "${caseId}" not signed: ${(error as Error).message}`);
    }
  };
}
