// The authorization matrix: every route × every kind of caller → allowed or denied, written out
// here as the specification, checked against the live route list (a new route without a row
// fails), and exercised over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadCase } from '@parley/case-files/load.ts';
import { createApiToken } from '@parley/store/accounts/api-tokens.ts';
import { createUser } from '@parley/store/accounts/users.ts';
import { importCase } from '@parley/store/cases.ts';
import type { Membership } from '@parley/store/membership.ts';
import { grantRole } from '@parley/store/members.ts';
import { engines, useTestDatabase } from '@parley/store/test-databases.test-support.ts';
import { createServerApp } from './server-app.ts';
import { startTestServer, type Answer, type TestServer } from './test-server.test-support.ts';

/** The callers, in the order of the matrix's columns. */
const callers = [
  'anonymous',
  'outsider', // signed in, not a member of the case
  'server-admin', // runs the server, not a member of the case
  'case-admin',
  'mediator-lead',
  'mediator',
  'delegation-head',
  'delegation-member',
  'guarantor',
  'observer',
  'analyst',
] as const;
type Caller = (typeof callers)[number];

// One letter per caller, in the order above: y allowed, n denied.
//                       anon outs sadm cadm mlead med dhead dmem guar obs anal
const PUBLIC = /*      */ 'y    y    y    y    y    y    y    y    y    y    y';
const SIGNED_IN = /*   */ 'n    y    y    y    y    y    y    y    y    y    y';
const ADMIN = /*       */ 'n    n    y    n    n    n    n    n    n    n    n';
const MEMBER = /*      */ 'n    n    n    y    y    y    y    y    y    y    y';
const CASE_ADMIN = /*  */ 'n    n    n    y    n    n    n    n    n    n    n';
const EDITOR = /*      */ 'n    n    n    y    y    y    y    y    n    n    y';
const RELEASER = /*    */ 'n    n    n    n    y    y    y    n    n    n    n';
const HEAD = /*        */ 'n    n    n    n    n    n    y    n    n    n    n';
const CHECKPOINTER = /**/ 'n    n    n    y    y    y    n    n    n    n    n';
const LEAD = /*        */ 'n    n    n    n    y    n    n    n    n    n    n';
const MEDIATION = /*   */ 'n    n    n    n    y    y    n    n    n    n    n';
const DELEGATION = /*  */ 'n    n    n    n    n    n    y    y    n    n    n';
const SPEAKER = /*     */ 'n    n    n    n    y    y    y    y    n    n    n';

const matrix: Record<string, string> = {
  'GET /openapi.json': PUBLIC,
  'GET /docs': PUBLIC,
  'GET /setup': PUBLIC,
  'POST /api/auth/setup': PUBLIC,
  'POST /api/auth/login': PUBLIC,
  'POST /api/auth/logout': SIGNED_IN,
  'GET /api/auth/me': SIGNED_IN,
  'GET /api/auth/tokens': SIGNED_IN,
  'GET /api/auth/keys': SIGNED_IN,
  'POST /api/auth/keys': SIGNED_IN,
  'DELETE /api/auth/keys/{keyId}': SIGNED_IN,
  'POST /api/auth/tokens': SIGNED_IN,
  'DELETE /api/auth/tokens/{tokenId}': SIGNED_IN,
  'POST /api/users': ADMIN,
  'GET /api/users': ADMIN,
  'GET /api/cases': SIGNED_IN,
  'POST /api/cases': ADMIN,
  'POST /api/genius': SIGNED_IN,
  'GET /api/cases/{caseId}': MEMBER,
  'DELETE /api/cases/{caseId}': CASE_ADMIN,
  'GET /api/cases/{caseId}/members': MEMBER,
  'PUT /api/cases/{caseId}/members/{userId}': CASE_ADMIN,
  'DELETE /api/cases/{caseId}/members/{userId}/{role}': CASE_ADMIN,
  'GET /api/cases/{caseId}/export': MEMBER,
  'GET /api/cases/{caseId}/audit': MEMBER,
  'GET /api/server-key': PUBLIC,
  'GET /api/cases/{caseId}/audit/checkpoints': MEMBER,
  'GET /api/cases/{caseId}/audit/checkpoints/latest': MEMBER,
  'POST /api/cases/{caseId}/audit/checkpoints': CHECKPOINTER,
  'GET /api/cases/{caseId}/search': MEMBER,
  'GET /api/cases/{caseId}/records/{kind}': MEMBER,
  'POST /api/cases/{caseId}/records/{kind}': EDITOR,
  'GET /api/cases/{caseId}/records/{kind}/{recordId}': MEMBER,
  'PUT /api/cases/{caseId}/records/{kind}/{recordId}': EDITOR,
  'DELETE /api/cases/{caseId}/records/{kind}/{recordId}': EDITOR,
  'POST /api/cases/{caseId}/records/{kind}/{recordId}/release': RELEASER,
  'POST /api/cases/{caseId}/changes': EDITOR,
  'GET /api/cases/{caseId}/views/{view}': MEMBER,
  'GET /api/cases/{caseId}/brief': MEMBER,
  'GET /api/cases/{caseId}/validate': MEMBER,
  'GET /api/cases/{caseId}/drafts/{documentId}/diff': MEMBER,
  'GET /api/cases/{caseId}/drafts/{documentId}/brackets': MEMBER,
  'GET /api/cases/{caseId}/drafts/{documentId}/versions/{versionId}/export': MEMBER,
  'GET /api/cases/{caseId}/drafts/{documentId}/versions/{versionId}/digest': MEMBER,
  'GET /api/cases/{caseId}/drafts/{documentId}/versions/{versionId}/initials': MEMBER,
  'POST /api/cases/{caseId}/drafts/{documentId}/versions/{versionId}/initials': HEAD,
  'GET /api/cases/{caseId}/drafts/{documentId}/versions/{versionId}/bundle': MEMBER,
  'GET /api/cases/{caseId}/guarantees': MEMBER,
  'GET /api/cases/{caseId}/guarantees/instruments/{instrumentId}': MEMBER,
  'POST /api/cases/{caseId}/guarantees/evaluate': MEMBER,
  'GET /api/cases/{caseId}/deals': MEMBER,
  'GET /api/cases/{caseId}/deals/window': MEMBER,
  'GET /api/cases/{caseId}/deals/frontier': MEMBER,
  'GET /api/cases/{caseId}/deals/sensitivity': MEMBER,
  'GET /api/cases/{caseId}/deals/assumptions': MEMBER,
  'GET /api/cases/{caseId}/deals/adjusted-winner': MEMBER,
  'GET /api/cases/{caseId}/deals/genius-export': MEMBER,
  'GET /api/cases/{caseId}/channels': MEMBER,
  'GET /api/cases/{caseId}/channels/{channel}/messages': MEMBER,
  'POST /api/cases/{caseId}/channels/{channel}/messages': SPEAKER,
  'GET /api/cases/{caseId}/channels/{channel}/proposals': MEMBER,
  'POST /api/cases/{caseId}/channels/{channel}/proposals': SPEAKER,
  'GET /api/cases/{caseId}/proposals/{proposalId}': MEMBER,
  'POST /api/cases/{caseId}/proposals/{proposalId}/transitions': SPEAKER,
  'POST /api/cases/{caseId}/proposals/{proposalId}/carry': MEDIATION,
  'GET /api/cases/{caseId}/proposals/{proposalId}/evaluation': DELEGATION,
  'GET /api/cases/{caseId}/carries': MEDIATION,
  'POST /api/cases/{caseId}/carries/{carryId}/release': MEDIATION,
  'POST /api/cases/{caseId}/single-texts': LEAD,
  'GET /api/cases/{caseId}/single-texts/{documentId}': MEMBER,
  'PUT /api/cases/{caseId}/single-texts/{documentId}/pen-holders': LEAD,
  'POST /api/cases/{caseId}/single-texts/{documentId}/versions': MEDIATION,
  'GET /api/cases/{caseId}/single-texts/{documentId}/standing': MEMBER,
  'POST /api/cases/{caseId}/single-texts/{documentId}/versions/{versionId}/criticisms': DELEGATION,
  'GET /api/cases/{caseId}/single-texts/{documentId}/versions/{versionId}/criticisms': MEMBER,
  'GET /api/cases/{caseId}/single-texts/{documentId}/versions/{versionId}/provisions/{provisionId}/criticisms':
    MEMBER,
  'POST /api/cases/{caseId}/single-texts/{documentId}/versions/{versionId}/rounds': MEDIATION,
  'GET /api/cases/{caseId}/single-texts/{documentId}/versions/{versionId}/rounds': MEMBER,
  'PUT /api/cases/{caseId}/single-texts/{documentId}/versions/{versionId}/rounds/{round}/answer': HEAD,
  'POST /api/cases/{caseId}/single-texts/{documentId}/versions/{versionId}/rounds/{round}/close': MEDIATION,
  'POST /api/cases/{caseId}/simulate': MEMBER,
};

const CASE = 'river-accord';
const riverDir = fileURLToPath(new URL('../../case-files/fixtures/river-deals', import.meta.url));
const allowedFor = (row: string, caller: Caller) => row.replace(/\s+/g, '')[callers.indexOf(caller)] === 'y';

/** The roles each member column holds in the case; the delegations and the guarantor speak for an actor. */
const rolesOf: Partial<Record<Caller, Membership>> = {
  'case-admin': { role: 'case-admin', party: null },
  'mediator-lead': { role: 'mediator-lead', party: null },
  mediator: { role: 'mediator', party: null },
  'delegation-head': { role: 'delegation-head', party: 'north' },
  'delegation-member': { role: 'delegation-member', party: 'north' },
  guarantor: { role: 'guarantor', party: 'south' },
  observer: { role: 'observer', party: null },
  analyst: { role: 'analyst', party: null },
};

interface Sample {
  method: string;
  path: string;
  json?: unknown;
  headers?: Record<string, string>;
}

/** The messages an authorization refusal gives, and nothing else does. */
const refusal =
  /sign in first|only a server administrator|this needs one of the roles|^no case "|a delegation edits only|a head of delegation releases only/;

describe.each(engines)('authorization matrix on $name', (engine) => {
  const database = useTestDatabase(engine);
  let server: TestServer;
  const tokens = new Map<Caller, string>();
  const userIds = new Map<Caller, string>();
  let spareUser = '';
  let sample: (route: string, caller: Caller) => Promise<Sample>;

  beforeAll(async () => {
    const db = database();
    const lake = (await loadCase(riverDir)).caseData!;
    await importCase(db, lake);
    for (const caller of callers.slice(1)) {
      const user = await createUser(db, {
        email: `${caller}@example.org`,
        displayName: caller,
        passwordHash: 'unused',
        isAdmin: caller === 'server-admin',
      });
      userIds.set(caller, user.id);
      tokens.set(caller, (await createApiToken(db, user.id, 'matrix')).token);
      const membership = rolesOf[caller];
      if (membership) await grantRole(db, CASE, user.id, membership);
    }
    spareUser = (
      await createUser(db, {
        email: 'spare@example.org',
        displayName: 'spare',
        passwordHash: 'unused',
        isAdmin: false,
      })
    ).id;
    const actor = lake.actors[0]!;
    const draft = lake.drafts[0]!;
    let fresh = 0;
    sample = async (route, caller) => {
      const [method, template] = route.split(' ') as [string, string];
      const delegation = caller === 'delegation-head' || caller === 'delegation-member';
      let caseId = CASE;
      let json: unknown;
      let headers: Record<string, string> | undefined;
      if (route === 'DELETE /api/cases/{caseId}' && allowedFor(matrix[route]!, caller)) {
        // Deleting is allowed: delete a case of its own, made for this call.
        caseId = `throwaway-${++fresh}`;
        await importCase(db, { ...lake, meta: { ...lake.meta, id: caseId } });
        await grantRole(db, caseId, userIds.get(caller)!, rolesOf[caller]!);
      }
      if (route === 'DELETE /api/cases/{caseId}/members/{userId}/{role}')
        await grantRole(db, CASE, spareUser, { role: 'observer', party: null });
      if (route === 'POST /api/cases/{caseId}/records/{kind}')
        json = {
          body: { ...actor, id: `matrix-${++fresh}` },
          ...(delegation ? { visibility: 'channel:north' } : {}),
        };
      if (route === 'PUT /api/cases/{caseId}/records/{kind}/{recordId}') json = { body: actor };
      if (route.endsWith('/release')) json = { to: 'case' };
      // A stale version: refused after the role check, so nothing changes.
      if (route.endsWith('/changes'))
        json = { changes: [{ op: 'delete', kind: 'actor', id: actor.id, ifMatch: 999 }] };
      // A stale version: the write is refused after the role check, so nothing changes.
      if (['PUT', 'DELETE'].includes(method) && route.includes('/records/'))
        headers = { 'If-Match': '"999"' };
      if (route.endsWith('/release')) headers = { 'If-Match': '"999"' };
      if (route === 'POST /api/users')
        json = {
          email: `new-${++fresh}@example.org`,
          displayName: 'New',
          password: 'a long enough password',
        };
      if (route === 'POST /api/cases') json = {};
      if (route === 'POST /api/auth/tokens') json = { name: 'another' };
      if (route === 'POST /api/auth/keys') json = { publicKey: 'not a key', name: 'matrix' };
      // No such key: refused after the role check, so nothing is stored.
      if (route.endsWith('/initials') && method === 'POST')
        json = { keyId: 'no-such-key', signature: 'AA==' };
      // Channels and proposals: a message in the plenary; the rest name no proposal or carry
      // (404 after the role check) or fail their schema (422), so nothing else is stored.
      if (route.endsWith('/messages') && method === 'POST') json = { text: 'matrix' };
      if (route.endsWith('/proposals') && method === 'POST') json = {};
      if (route.endsWith('/transitions')) json = { to: 'accepted' };
      if (route.endsWith('/carry')) json = { to: 'plenary', as: 'as-is' };
      if (route.startsWith('POST /api/cases/{caseId}/carries/')) json = {};
      if (route === 'POST /api/auth/login')
        json = { email: 'nobody@example.org', password: 'wrong password!' };
      if (route === 'POST /api/auth/setup')
        json = {
          token: 'none',
          email: 'x@example.org',
          displayName: 'x',
          password: 'a long enough password',
        };
      if (route === 'POST /api/genius')
        json = { domain: '<negotiation_template/>', profiles: ['<utility_space/>'] };
      if (route === 'PUT /api/cases/{caseId}/members/{userId}') json = { role: 'observer' };
      // One short run: a member who sees only one party's model is refused after the role check (422).
      if (route === 'POST /api/cases/{caseId}/simulate') json = { runs: 1, deadline: 5 };
      // A scratch copy that fails its schema: refused after the role check (422), nothing runs.
      if (route === 'POST /api/cases/{caseId}/guarantees/evaluate') json = {};
      // The single text's writes: a body that fails its schema, refused after the role check.
      if (route.includes('/single-texts') && ['POST', 'PUT'].includes(method) && !route.endsWith('/close'))
        json = route.endsWith('/rounds') ? { signatories: ['no-such-actor'] } : {};
      const path = template
        .replace('{caseId}', caseId)
        .replace('{kind}', 'actor')
        .replace('{recordId}', actor.id)
        .replace('{view}', 'overview')
        .replace('{documentId}', draft.id)
        .replace('{versionId}', draft.versions[0]!.id)
        .replace('{userId}', spareUser)
        .replace('{role}', 'observer')
        .replace('{tokenId}', 'no-such-token')
        .replace('{keyId}', 'no-such-key')
        .replace('{channel}', 'plenary')
        .replace('{proposalId}', 'no-such-proposal')
        .replace('{carryId}', 'no-such-carry')
        .replace('{provisionId}', 'art-1')
        .replace('{round}', '1');
      const query = route.endsWith('/diff')
        ? `?from=${draft.versions[0]!.id}&to=${draft.versions[1]!.id}`
        : route.endsWith('/export') && route.includes('versions')
          ? '?format=md'
          : route.endsWith('/search')
            ? '?q=lake'
            : route.endsWith('/sensitivity')
              ? '?assumption=none'
              : '';
      return {
        method,
        path: path + query,
        ...(json !== undefined ? { json } : {}),
        ...(headers ? { headers } : {}),
      };
    };
    server = await startTestServer({ database: db });
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  it('has a row for every route the server serves, and no row for a route it does not', () => {
    const app = createServerApp({ database: database() });
    const served = new Set(
      app.routes
        .filter((r) => r.method !== 'ALL')
        .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
    );
    const doc = app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 'Parley', version: '0' } });
    for (const [path, operations] of Object.entries(doc.paths ?? {}))
      for (const method of Object.keys(operations as object)) served.add(`${method.toUpperCase()} ${path}`);
    expect([...served].sort()).toEqual(Object.keys(matrix).sort());
  });

  it.each(Object.keys(matrix))('%s', async (route) => {
    const row = matrix[route]!;
    const wrong: string[] = [];
    for (const caller of callers) {
      const { method, path, json, headers } = await sample(route, caller);
      const token = tokens.get(caller);
      const answer: Answer = await server.call(method, path, {
        ...(json !== undefined ? { json } : {}),
        ...(token ? { bearer: token } : {}),
        ...(headers ? { headers } : {}),
      });
      const message: string = answer.body?.error?.message ?? '';
      const refused = [401, 403, 404].includes(answer.status) && refusal.test(message);
      if (allowedFor(row, caller)) {
        if (refused) wrong.push(`${caller}: allowed by the matrix, refused ${answer.status} "${message}"`);
        if (answer.status >= 500) wrong.push(`${caller}: ${answer.status} ${message}`);
      } else {
        const expected =
          caller === 'anonymous' ? 401 : route.includes('{caseId}') && !rolesOf[caller] ? 404 : 403;
        if (!refused || answer.status !== expected)
          wrong.push(
            `${caller}: denied by the matrix, expected ${expected}, got ${answer.status} "${message}"`,
          );
      }
    }
    expect(wrong).toEqual([]);
  });
});
