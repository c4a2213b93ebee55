import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { listKeys, registerKey, retireKey } from '@parley/store/signing/keys.ts';
import { guardedRoute } from '../access.ts';
import { problemSchema } from '../http-errors.ts';
import type { ServerDeps, ServerEnv } from '../server-env.ts';
import { jsonResponse } from './openapi-parts.ts';

const keySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    publicKey: z.string(),
    fingerprint: z.string(),
    createdAt: z.iso.datetime(),
    retiredAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'SigningKey', description: 'A public Ed25519 key the caller initials drafts with.' });
const keyInput = z
  .strictObject({
    publicKey: z.string().min(1).max(2000).meta({ description: 'SPKI PEM of an Ed25519 public key' }),
    name: z.string().trim().min(1).max(100),
  })
  .meta({ id: 'SigningKeyInput' });
const failure = (description: string) => jsonResponse(problemSchema, description);
const signedInErrors = {
  401: failure('Not signed in'),
  403: failure('A cookie write without its CSRF token'),
};

/** The caller's public signing keys: register, list, retire. The server never holds a private key. */
export function registerSigningKeyRoutes(app: OpenAPIHono<ServerEnv>, deps: ServerDeps) {
  const db = () => deps.database;
  const now = deps.now ?? (() => new Date());

  app.openapi(
    guardedRoute(
      {
        method: 'post',
        path: '/api/auth/keys',
        summary: 'Register a public Ed25519 key (`parley keys generate` makes one) to initial drafts with',
        request: { body: { content: { 'application/json': { schema: keyInput } }, required: true } },
        responses: {
          201: jsonResponse(keySchema, 'The key as registered'),
          ...signedInErrors,
          422: failure('Not an Ed25519 public key, or invalid input'),
        },
      },
      { to: 'signed-in' },
      db,
    ),
    async (c) => {
      const { publicKey, name } = c.req.valid('json');
      return c.json(await registerKey(db(), c.get('user')!.id, publicKey, name), 201);
    },
  );

  app.openapi(
    guardedRoute(
      {
        method: 'get',
        path: '/api/auth/keys',
        summary: "The caller's signing keys, retired ones included",
        responses: {
          200: jsonResponse(z.object({ keys: z.array(keySchema) }), 'The keys'),
          ...signedInErrors,
        },
      },
      { to: 'signed-in' },
      db,
    ),
    async (c) => c.json({ keys: await listKeys(db(), c.get('user')!.id) }, 200),
  );

  app.openapi(
    guardedRoute(
      {
        method: 'delete',
        path: '/api/auth/keys/{keyId}',
        summary: 'Retire one of the caller’s keys: it initials nothing more; what it signed stays verifiable',
        request: { params: z.object({ keyId: z.string().min(1).max(200) }) },
        responses: {
          204: { description: 'Retired' },
          ...signedInErrors,
          404: failure('The caller holds no active key with this id'),
        },
      },
      { to: 'signed-in' },
      db,
    ),
    async (c) => {
      await retireKey(db(), c.get('user')!.id, c.req.valid('param').keyId, now());
      return c.body(null, 204);
    },
  );
}
