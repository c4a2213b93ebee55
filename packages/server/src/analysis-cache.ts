import { gzipSync } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import { caseRevision } from '@parley/store/cases.ts';
import type { Database } from '@parley/store/database.ts';
import { audienceKey } from '@parley/store/visibility.ts';
import type { ServerEnv } from './server-env.ts';

interface Answer {
  status: number;
  headers: [string, string][];
  /** Bytes, not an ArrayBuffer: @hono/node-server writes a Uint8Array body straight out. */
  body: Uint8Array<ArrayBuffer>;
  /** The same body gzipped, for a client that accepts it (every browser does); large bodies only. */
  gzipped?: Uint8Array<ArrayBuffer>;
}

/**
 * Bodies from this size are also kept gzipped: an export of the embedded case is 177 KB as
 * JSON and about a tenth of that gzipped, which is what a browser fetches. Compressed once per
 * revision, not per request. An answer with an ETag is left alone: its ETag names the bytes.
 */
const GZIP_FROM_BYTES = 8 * 1024;

const answers = new Map<string, Answer>();
const MAX_ANSWERS = 2000;
// Exports and record lists are large: the bodies kept are bounded by size too.
const MAX_BYTES = 64 * 1024 * 1024;
let keptBytes = 0;

/**
 * Keeps the answers of an analysis route for as long as the case does not change: the key is
 * the database, the case's revision (every write bumps it), what the caller sees and the URL.
 * Two callers who see the same records get the same answer, and an analysis of a few seconds
 * is computed once per revision. Runs after the access check, which sets what the caller sees.
 * Record reads and the export are kept the same way: a hit is served without reading the case
 * or serialising it again.
 */
export function analysisCache(database: () => Database): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    const access = c.get('access');
    if (!access || c.req.method !== 'GET') return next();
    const db = database();
    // The access check read the revision with the roles; a route without one reads it here.
    const revision = c.get('caseRevision') ?? (await caseRevision(db, access.caseId));
    if (revision === undefined) return next();
    const key = `${db.id}\u0000${access.caseId}\u0000${revision}\u0000${audienceKey(access.audience)}\u0000${c.req.url}`;
    const kept = answers.get(key);
    if (kept) {
      if (kept.gzipped && acceptsGzip(c.req.header('accept-encoding')))
        return new Response(kept.gzipped, {
          status: kept.status,
          headers: [...kept.headers, ['content-encoding', 'gzip']],
        });
      return new Response(kept.body, { status: kept.status, headers: kept.headers });
    }
    await next();
    if (c.res.status === 200 || c.res.status === 404 || c.res.status === 400 || c.res.status === 422) {
      const copy = c.res.clone();
      const body = new Uint8Array(await copy.arrayBuffer());
      if (body.byteLength > MAX_BYTES / 8 || answers.has(key)) return;
      const headers = [...copy.headers].filter(([name]) => name !== 'content-length');
      const gzipped =
        body.byteLength >= GZIP_FROM_BYTES && !copy.headers.has('etag')
          ? new Uint8Array(gzipSync(body))
          : undefined;
      // Either variant may be served for this URL from now on: caches on the way must know.
      if (gzipped) headers.push(['vary', 'accept-encoding']);
      answers.set(key, { status: copy.status, headers, body, ...(gzipped ? { gzipped } : {}) });
      keptBytes += body.byteLength + (gzipped?.byteLength ?? 0);
      while (answers.size > MAX_ANSWERS || keptBytes > MAX_BYTES) {
        const oldest = answers.keys().next().value!;
        const dropped = answers.get(oldest)!;
        keptBytes -= dropped.body.byteLength + (dropped.gzipped?.byteLength ?? 0);
        answers.delete(oldest);
      }
    }
  };
}

/** Whether an Accept-Encoding header admits gzip (not refused with q=0). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}
