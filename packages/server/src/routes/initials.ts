import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { ParleyError } from '@parley/model/errors.ts';
import type { InitialsBundle } from '@parley/store/signing/bundle.ts';
import { initialsOf, recordInitial } from '@parley/store/signing/initials.ts';
import { getKey } from '@parley/store/signing/keys.ts';
import { signatureHolds, versionDigest } from '@parley/store/signing/version-digest.ts';
import { actingMember } from '../acting-member.ts';
import { guardedRoute } from '../access.ts';
import { problemSchema } from '../http-errors.ts';
import type { ServerDeps, ServerEnv } from '../server-env.ts';
import { callerCase } from './caller-case.ts';
import { caseErrors, caseParams, jsonResponse } from './openapi-parts.ts';

const idParam = z.string().min(1).max(200);
const versionParams = caseParams.extend({ documentId: idParam, versionId: idParam });
const base = '/api/cases/{caseId}/drafts/{documentId}/versions/{versionId}';
const anyJson = (id: string, description: string) =>
  z.record(z.string(), z.unknown()).meta({ id, description });
const initialSchema = z
  .object({
    userId: z.string(),
    displayName: z.string(),
    party: z.string().nullable(),
    keyId: z.string(),
    fingerprint: z.string(),
    publicKey: z.string(),
    digest: z.string(),
    signature: z.string(),
    at: z.iso.datetime(),
    current: z.boolean().meta({ description: "Signed over the version's current digest" }),
  })
  .meta({ id: 'Initial' });
const initialInput = z
  .strictObject({
    keyId: idParam,
    signature: z
      .string()
      .min(1)
      .max(200)
      .meta({ description: "Base64 Ed25519 signature over the digest's hex text" }),
  })
  .meta({ id: 'InitialInput' });
const versionErrors = {
  ...caseErrors,
  404: jsonResponse(problemSchema, 'No such case or version, or one the caller does not see'),
};

/**
 * Initialling: a head of delegation signs a draft version's digest with a key only they hold;
 * anyone who sees the version can fetch the signatures and check them offline (the bundle).
 */
export function registerInitialsRoutes(app: OpenAPIHono<ServerEnv>, deps: ServerDeps) {
  const db = () => deps.database;
  const member = { to: 'case', roles: 'member' } as const;
  /** The version as the caller sees it; a hidden one is missing (404). */
  const current = async (c: Parameters<Parameters<typeof app.openapi>[1]>[0]) => {
    const { documentId, versionId } = c.req.param() as { documentId: string; versionId: string };
    return versionDigest(await callerCase(deps, c.get('access')!), documentId, versionId);
  };

  app.openapi(
    guardedRoute(
      {
        method: 'get',
        path: `${base}/digest`,
        summary: "What initialling signs: the version's canonical payload and its SHA-256",
        request: { params: versionParams },
        responses: {
          200: jsonResponse(
            z.object({ payload: anyJson('VersionPayload', 'Text, metadata, AKN hash'), digest: z.string() }),
            'The payload and digest',
          ),
          ...versionErrors,
        },
      },
      member,
      db,
    ),
    async (c) => {
      const { payload, digest } = await current(c);
      return c.json({ payload: payload as unknown as Record<string, unknown>, digest }, 200);
    },
  );

  app.openapi(
    guardedRoute(
      {
        method: 'post',
        path: `${base}/initials`,
        summary: "Initial the version: a signature by one of the caller's keys over its current digest",
        request: {
          params: versionParams,
          body: { content: { 'application/json': { schema: initialInput } }, required: true },
        },
        responses: {
          201: jsonResponse(initialSchema, 'The initial as stored'),
          ...versionErrors,
          422: jsonResponse(problemSchema, 'Not your key, a retired key, or a signature over another digest'),
        },
      },
      { to: 'case', roles: ['delegation-head'] },
      db,
    ),
    async (c) => {
      const { caseId, documentId, versionId } = c.req.valid('param');
      const { keyId, signature } = c.req.valid('json');
      const user = c.get('user')!;
      const { digest } = await current(c);
      const key = await getKey(db(), keyId);
      if (!key || key.userId !== user.id)
        throw new ParleyError('invalid-input', `key "${keyId}" is not one of your registered keys`);
      if (key.retiredAt !== null)
        throw new ParleyError('invalid-input', `key "${keyId}" was retired on ${key.retiredAt}`);
      if (!signatureHolds(key.publicKey, digest, signature))
        throw new ParleyError(
          'invalid-input',
          `the signature is not key "${keyId}"'s over the version's current digest ${digest}: fetch the digest again and sign that`,
        );
      const party = c.get('access')!.memberships.find((m) => m.role === 'delegation-head')?.party ?? null;
      await recordInitial(
        db(),
        { caseId, documentId, versionId, userId: user.id, party, keyId, digest, signature },
        actingMember(c).roles,
      );
      const stored = (await initialsOf(db(), caseId, documentId, versionId)).find(
        (i) => i.keyId === keyId && i.digest === digest,
      )!;
      return c.json({ ...stored, current: true }, 201);
    },
  );

  app.openapi(
    guardedRoute(
      {
        method: 'get',
        path: `${base}/initials`,
        summary: 'Who initialled the version, with their key ids and signatures',
        request: { params: versionParams },
        responses: {
          200: jsonResponse(
            z.object({ digest: z.string(), initials: z.array(initialSchema) }),
            'The current digest and every initial, oldest first',
          ),
          ...versionErrors,
        },
      },
      member,
      db,
    ),
    async (c) => {
      const { caseId, documentId, versionId } = c.req.valid('param');
      const { digest } = await current(c);
      const initials = await initialsOf(db(), caseId, documentId, versionId);
      return c.json({ digest, initials: initials.map((i) => ({ ...i, current: i.digest === digest })) }, 200);
    },
  );

  app.openapi(
    guardedRoute(
      {
        method: 'get',
        path: `${base}/bundle`,
        summary:
          'Everything to verify the initials offline (`parley verify`): payload, AKN text, signatures, public keys',
        request: { params: versionParams },
        responses: {
          200: jsonResponse(
            anyJson('InitialsBundle', 'The bundle, as docs/server.md describes it'),
            'The bundle',
          ),
          ...versionErrors,
        },
      },
      member,
      db,
    ),
    async (c) => {
      const { caseId, documentId, versionId } = c.req.valid('param');
      const { payload, digest, akn } = await current(c);
      const initials = (await initialsOf(db(), caseId, documentId, versionId))
        .filter((i) => i.digest === digest)
        .map(({ digest: _, ...rest }) => rest);
      const bundle: InitialsBundle = { format: 'parley-initials-bundle/1', payload, akn, initials };
      return c.json(bundle as unknown as Record<string, unknown>, 200);
    },
  );
}
