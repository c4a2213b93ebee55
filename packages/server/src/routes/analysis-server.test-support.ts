// Test support: the Parley app, in process, over a PGlite database holding the embedded case, and
// a member who sees all of it (both delegations and the mediation), calling with an API token.
import { beforeAll } from 'vitest';
import type { Case } from '@parley/model/case.ts';
import type { LibraryEntry } from '@parley/app/guarantees/context.ts';
import { loadTestCase } from '@parley/case-files/cases.test-support.ts';
import { createApiToken } from '@parley/store/accounts/api-tokens.ts';
import { createUser } from '@parley/store/accounts/users.ts';
import { importCase } from '@parley/store/cases.ts';
import type { Database } from '@parley/store/database.ts';
import { audienceOf, type Membership } from '@parley/store/membership.ts';
import { grantRole } from '@parley/store/members.ts';
import { engines, useTestDatabase, type TestEngine } from '@parley/store/test-databases.test-support.ts';
import { visibleCase } from '@parley/store/visible-case.ts';
import { createServerApp } from '../server-app.ts';

export const CASE_ID = 'istanbul-2022';

/** Both delegations and the mediation: the member sees every record of the embedded case. */
const ROLES: Membership[] = [
  { role: 'delegation-head', party: 'ua' },
  { role: 'delegation-member', party: 'ru' },
  { role: 'mediator-lead', party: null },
];

export interface Answer {
  status: number;
  contentType: string | null;
  text: string;
  /** The body parsed as JSON, when it is JSON. */
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface AnalysisServer {
  database: Database;
  /** The embedded case as the member sees it: what the server's analyses run on. */
  caseData: Case;
  /** The embedded case as the CLI loads it from its folder. */
  loaded: Case;
  get(path: string): Promise<Answer>;
  post(path: string, json: unknown): Promise<Answer>;
  /** A call with no credentials. */
  anonymous(method: string, path: string, json?: unknown): Promise<Answer>;
  /** A GET as the member with extra headers, its answer as the app gives it (bytes not decoded). */
  raw(path: string, headers: Record<string, string>): Promise<Response>;
}

/**
 * One database and app for the enclosing describe block: PGlite unless `engine` says otherwise
 * (the analyses read, never write; a route whose answer goes through the store runs on both).
 */
export function useAnalysisServer(
  options: { library?: readonly LibraryEntry[]; engine?: TestEngine } = {},
): () => AnalysisServer {
  const database = useTestDatabase(options.engine ?? engines[0]!);
  let server: AnalysisServer | undefined;
  beforeAll(async () => {
    const db = database();
    const loaded = await loadTestCase('embedded');
    await importCase(db, loaded);
    const user = await createUser(db, {
      email: 'member@example.org',
      displayName: 'Member',
      passwordHash: 'unused',
      isAdmin: false,
    });
    for (const membership of ROLES) await grantRole(db, CASE_ID, user.id, membership);
    const { token } = await createApiToken(db, user.id, 'analysis tests');
    const app = createServerApp({ database: db, ...(options.library ? { library: options.library } : {}) });
    const call = async (
      method: string,
      path: string,
      json: unknown,
      authorization: string | undefined,
    ): Promise<Answer> => {
      const headers: Record<string, string> = {};
      if (authorization) headers.Authorization = authorization;
      if (json !== undefined) headers['Content-Type'] = 'application/json';
      const response = await app.request(path, {
        method,
        headers,
        ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
      });
      const text = await response.text();
      const contentType = response.headers.get('Content-Type');
      return {
        status: response.status,
        contentType,
        text,
        body: contentType?.startsWith('application/json') ? JSON.parse(text) : undefined,
      };
    };
    const bearer = `Bearer ${token}`;
    server = {
      database: db,
      caseData: (await visibleCase(db, CASE_ID, audienceOf(ROLES)))!.case,
      loaded,
      get: (path) => call('GET', path, undefined, bearer),
      post: (path, json) => call('POST', path, json, bearer),
      anonymous: (method, path, json) => call(method, path, json, undefined),
      raw: async (path, headers) => app.request(path, { headers: { ...headers, Authorization: bearer } }),
    };
  }, 120_000);
  return () => {
    if (!server) throw new Error('the analysis server is not ready yet');
    return server;
  };
}
