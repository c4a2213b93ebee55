import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
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
  /** The ETag a browser revalidates with (If-None-Match); 200 answers only. */
  etag?: string;
  /**
   * The same body compressed, for a client that accepts it (every browser does); large bodies only,
   * and only once the compression, done off the event loop, has finished.
   */
  encoded?: Record<Encoding, Uint8Array<ArrayBuffer>>;
}

type Encoding = 'br' | 'gzip';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/**
 * Bodies from this size are also kept compressed: an export of the embedded case is 180 KB as
 * JSON, 38 KB gzipped and 31 KB with brotli, which is what a browser fetches. Compressed once per
 * revision, in the background (zlib's thread pool), not per request: the answers that come before
 * the compressed bodies are ready go out plain. An answer with an ETag is left alone: its ETag
 * names the bytes.
 */
const COMPRESS_FROM_BYTES = 8 * 1024;

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
      if (kept.etag && matches(c.req.header('if-none-match'), kept.etag)) return notModified(kept);
      const encoding = kept.encoded && preferredEncoding(c.req.header('accept-encoding'));
      if (encoding)
        return new Response(kept.encoded![encoding], {
          status: kept.status,
          headers: [...kept.headers, ['content-encoding', encoding]],
        });
      return new Response(kept.body, { status: kept.status, headers: kept.headers });
    }
    await next();
    if (c.res.status === 200 || c.res.status === 404 || c.res.status === 400 || c.res.status === 422) {
      const copy = c.res.clone();
      const body = new Uint8Array(await copy.arrayBuffer());
      if (body.byteLength > MAX_BYTES / 8 || answers.has(key)) return;
      const headers = [...copy.headers].filter(([name]) => name !== 'content-length');
      const compress = body.byteLength >= COMPRESS_FROM_BYTES && !copy.headers.has('etag');
      // Any variant may be served for this URL from now on: caches on the way must know.
      if (compress) headers.push(['vary', 'accept-encoding']);
      const etag = copy.status === 200 ? (copy.headers.get('etag') ?? contentTag(body)) : undefined;
      if (etag && !copy.headers.has('etag')) {
        // A browser keeps the answer and asks again with If-None-Match: an unchanged one costs a
        // 304 and no body. Private: the answer is this caller's view of the case.
        const added: [string, string][] = [
          ['etag', etag],
          ['cache-control', 'private, no-cache'],
        ];
        headers.push(...added);
        for (const [name, value] of added) c.res.headers.set(name, value);
        if (compress) c.res.headers.set('vary', 'accept-encoding');
      }
      const answer: Answer = { status: copy.status, headers, body, ...(etag ? { etag } : {}) };
      keep(key, answer, body.byteLength);
      if (compress)
        void compressed(body).then(
          (encoded) => {
            // Dropped meanwhile (evicted): nothing to add to.
            if (answers.get(key) !== answer) return;
            answer.encoded = encoded;
            keep(key, answer, encoded.br.byteLength + encoded.gzip.byteLength);
          },
          () => {}, // Not compressed: the plain body stays served.
        );
    }
  };
}

/**
 * The answer's own content names it (a weak tag: the same JSON gzipped, in brotli or plain), so the
 * tag says nothing the body does not — not the case's revision, which every hidden write moves.
 */
export const contentTag = (body: Uint8Array) =>
  `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

/** If-None-Match names this tag (weak comparison, RFC 9110 §13.1.2), or is `*`. */
export function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const mine = opaque(etag);
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === mine);
}

/** 304: the headers a 200 would carry that describe the stored answer, and no body. */
function notModified(kept: Answer): Response {
  const describing = new Set(['etag', 'cache-control', 'vary', 'content-location', 'expires']);
  return new Response(null, { status: 304, headers: kept.headers.filter(([name]) => describing.has(name)) });
}

function keep(key: string, answer: Answer, bytes: number): void {
  answers.set(key, answer);
  keptBytes += bytes;
  while (answers.size > MAX_ANSWERS || keptBytes > MAX_BYTES) {
    const oldest = answers.keys().next().value!;
    keptBytes -= sizeOf(answers.get(oldest)!);
    answers.delete(oldest);
  }
}

const sizeOf = (a: Answer) =>
  a.body.byteLength + (a.encoded ? a.encoded.br.byteLength + a.encoded.gzip.byteLength : 0);

async function compressed(body: Uint8Array): Promise<Record<Encoding, Uint8Array<ArrayBuffer>>> {
  const [br, gz] = await Promise.all([
    brotliAsync(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      },
    }),
    gzipAsync(body, { level: 9 }),
  ]);
  return { br: new Uint8Array(br), gzip: new Uint8Array(gz) };
}

/**
 * The compression to send for an Accept-Encoding header: brotli or gzip, whichever the client
 * weighs higher (brotli on a tie: smaller); none when it accepts neither (q=0 refuses; * admits
 * any coding it does not name).
 */
export function preferredEncoding(header: string | undefined): Encoding | undefined {
  if (!header) return undefined;
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    weights.set(coding!.trim(), Number.isFinite(weight) ? weight : 0);
  }
  const weightOf = (coding: Encoding) => weights.get(coding) ?? weights.get('*') ?? 0;
  const br = weightOf('br');
  const gz = weightOf('gzip');
  if (br <= 0 && gz <= 0) return undefined;
  return br >= gz ? 'br' : 'gzip';
}
