import type { MiddlewareHandler } from 'hono';
import { caseRevision } from '@parley/store/cases.ts';
import type { Database } from '@parley/store/database.ts';
import { audienceKey } from '@parley/store/visibility.ts';
import type { ServerEnv } from './server-env.ts';

interface Answer {
  status: number;
  headers: [string, string][];
  body: ArrayBuffer;
}

const answers = new Map<string, Answer>();
const MAX_ANSWERS = 2000;

/**
 * Keeps the answers of an analysis route for as long as the case does not change: the key is
 * the database, the case's revision (every write bumps it), what the caller sees and the URL.
 * Two callers who see the same records get the same answer, and an analysis of a few seconds
 * is computed once per revision. Runs after the access check, which sets what the caller sees.
 */
export function analysisCache(database: () => Database): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    const access = c.get('access');
    if (!access || c.req.method !== 'GET') return next();
    const db = database();
    const revision = await caseRevision(db, access.caseId);
    if (revision === undefined) return next();
    const key = `${db.id}\u0000${access.caseId}\u0000${revision}\u0000${audienceKey(access.audience)}\u0000${c.req.url}`;
    const kept = answers.get(key);
    if (kept) return new Response(kept.body, { status: kept.status, headers: kept.headers });
    await next();
    if (c.res.status === 200 || c.res.status === 404 || c.res.status === 400 || c.res.status === 422) {
      const copy = c.res.clone();
      answers.set(key, { status: copy.status, headers: [...copy.headers], body: await copy.arrayBuffer() });
      if (answers.size > MAX_ANSWERS) answers.delete(answers.keys().next().value!);
    }
  };
}
