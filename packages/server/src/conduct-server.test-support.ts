// Test support: the river fixture served over HTTP with a mediation team and two delegations, each
// calling as themselves; and every GET route on a case, filled in with given ids, to probe for leaks.
import { fileURLToPath } from 'node:url';
import { loadCase } from '@parley/case-files/load.ts';
import { createApiToken } from '@parley/store/accounts/api-tokens.ts';
import { createUser } from '@parley/store/accounts/users.ts';
import { importCase } from '@parley/store/cases.ts';
import type { Database } from '@parley/store/database.ts';
import type { Membership } from '@parley/store/membership.ts';
import { grantRole } from '@parley/store/members.ts';
import { recordKindNames } from '@parley/store/record-kinds.ts';
import { routeAccess } from './access.ts';
import { startTestServer, type Answer, type TestServer } from './test-server.test-support.ts';

export const CASE = 'river-accord';
const riverDir = fileURLToPath(new URL('../../case-files/fixtures/river-deals', import.meta.url));

/** The people of the scenario: the mediator, the heads of the north and south delegations, an observer. */
export const people = {
  mediator: [{ role: 'mediator', party: null }],
  north: [{ role: 'delegation-head', party: 'north' }],
  northMember: [{ role: 'delegation-member', party: 'north' }],
  south: [{ role: 'delegation-head', party: 'south' }],
  observer: [{ role: 'observer', party: null }],
} satisfies Record<string, Membership[]>;
export type Person = keyof typeof people;

export interface ConductServer {
  server: TestServer;
  userIds: Record<Person, string>;
  /** Calls the server as one person (their API token). */
  as(person: Person): {
    get(path: string): Promise<Answer>;
    post(path: string, json: unknown): Promise<Answer>;
  };
}

/** The river case stored with its parties' models hidden from each other, and its people admitted. */
export async function startConductServer(database: Database): Promise<ConductServer> {
  await importCase(database, (await loadCase(riverDir)).caseData!);
  const tokens = {} as Record<Person, string>;
  const userIds = {} as Record<Person, string>;
  for (const [person, memberships] of Object.entries(people) as [Person, Membership[]][]) {
    const user = await createUser(database, {
      email: `${person}@example.org`,
      displayName: person,
      passwordHash: 'unused',
      isAdmin: false,
    });
    userIds[person] = user.id;
    tokens[person] = (await createApiToken(database, user.id, 'conduct')).token;
    for (const m of memberships) await grantRole(database, CASE, user.id, m);
  }
  const server = await startTestServer({ database });
  const base = `/api/cases/${CASE}`;
  return {
    server,
    userIds,
    as: (person) => ({
      get: (path) => server.call('GET', base + path, { bearer: tokens[person] }),
      post: (path, json) => server.call('POST', base + path, { bearer: tokens[person], json }),
    }),
  };
}

/**
 * Every GET route on a case, as paths after /api/cases/{caseId}, with each parameter filled in by
 * every id given (and a few fixed values for the others): what a curious party would try.
 */
export function everyCaseGet(ids: readonly string[], kinds: readonly string[] = recordKindNames): string[] {
  const fill: Record<string, readonly string[]> = {
    kind: kinds,
    recordId: ids,
    proposalId: ids,
    carryId: ids,
    channel: ['plenary', 'north', 'south'],
    view: ['overview', 'positions', 'history'],
    documentId: ['accord'],
    versionId: ['v1', 'v2'],
  };
  const routes = [...routeAccess.keys()]
    .filter((r) => r.startsWith('GET /api/cases/{caseId}'))
    .map((r) => r.slice('GET /api/cases/{caseId}'.length));
  const paths: string[] = [];
  for (const route of routes) {
    let filled = [route];
    for (const [, name] of route.matchAll(/\{(\w+)\}/g)) {
      // A parameter of a route this list does not know yet: every id, and the parties.
      const values = fill[name!] ?? [...ids, 'north', 'south'];
      filled = filled.flatMap((p) => values.map((v) => p.replace(`{${name}}`, encodeURIComponent(v))));
    }
    paths.push(...filled);
  }
  // Queries some routes need to answer at all.
  return paths.map((p) =>
    p.endsWith('/search')
      ? `${p}?q=${encodeURIComponent(ids[0] ?? 'x')}`
      : p.endsWith('/diff')
        ? `${p}?from=v1&to=v2`
        : p,
  );
}
