// Test support: the river case served over HTTP with a mediation team (a lead who holds the pen, a
// mediator who does not), both delegations (north: head and member; south: head) and an observer,
// each calling with an API token; and the texts of a single text's first two versions.
import { afterAll, beforeAll } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadCase } from '@parley/case-files/load.ts';
import { createApiToken } from '@parley/store/accounts/api-tokens.ts';
import { createUser } from '@parley/store/accounts/users.ts';
import { importCase } from '@parley/store/cases.ts';
import type { Database } from '@parley/store/database.ts';
import type { Membership } from '@parley/store/membership.ts';
import { grantRole } from '@parley/store/members.ts';
import { useTestDatabase, type TestEngine } from '@parley/store/test-databases.test-support.ts';
import { startTestServer, type Answer, type TestServer } from './test-server.test-support.ts';

export const RIVER = 'river-accord';
export const TEXTS = `/api/cases/${RIVER}/single-texts`;

const people = {
  lead: { role: 'mediator-lead', party: null },
  mediator: { role: 'mediator', party: null },
  northHead: { role: 'delegation-head', party: 'north' },
  northMember: { role: 'delegation-member', party: 'north' },
  southHead: { role: 'delegation-head', party: 'south' },
  observer: { role: 'observer', party: null },
} satisfies Record<string, Membership>;
export type Person = keyof typeof people;

/** Version 1: a choice in 1.1 (north 30, south 50), south's 1.2, north's 2.1. */
export const V1_TEXT = `# River Charter

## Article 1. Flow

1. The minimum flow shall be {north: 30 | south: 50} cubic metres per second.

2. [south: Each side shall publish its gauge readings.]

## Article 2. Fisheries

1. [north: Fishing quotas shall be set by the upstream state.]
`;

/** Version 2: article 1 agreed; north's bracket in 2.1 stands. */
export const V2_TEXT = `# River Charter

## Article 1. Flow

1. The minimum flow shall be 40 cubic metres per second.

2. Each side shall publish its gauge readings every month.

## Article 2. Fisheries

1. [north: Fishing quotas shall be set by the upstream state.]
`;

/** A version body for the issuing route. */
export const versionBody = (id: string, date: string, text: string) => ({
  id,
  date,
  text,
  sources: ['report-a'],
});

export interface SingleTextServer {
  database: Database;
  server: TestServer;
  userId: (person: Person) => string;
  call: (person: Person, method: string, path: string, json?: unknown) => Promise<Answer>;
}

/** One database and server for the enclosing describe block, on the given engine. */
export function useSingleTextServer(engine: TestEngine): () => SingleTextServer {
  const database = useTestDatabase(engine);
  let served: SingleTextServer | undefined;
  beforeAll(async () => {
    const db = database();
    const riverDir = fileURLToPath(new URL('../../case-files/fixtures/river-deals', import.meta.url));
    await importCase(db, (await loadCase(riverDir)).caseData!);
    const ids = new Map<Person, string>();
    const tokens = new Map<Person, string>();
    for (const [person, membership] of Object.entries(people) as [Person, Membership][]) {
      const user = await createUser(db, {
        email: `${person.toLowerCase()}@example.org`,
        displayName: person,
        passwordHash: 'unused',
        isAdmin: false,
      });
      await grantRole(db, RIVER, user.id, membership);
      ids.set(person, user.id);
      tokens.set(person, (await createApiToken(db, user.id, 'single text')).token);
    }
    const server = await startTestServer({ database: db });
    served = {
      database: db,
      server,
      userId: (person) => ids.get(person)!,
      call: (person, method, path, json) =>
        server.call(method, path, { bearer: tokens.get(person)!, ...(json !== undefined ? { json } : {}) }),
    };
  }, 120_000);
  afterAll(async () => {
    await served?.server.close();
  });
  return () => served!;
}
