/**
 * Benchmark: the API's read routes under load (autocannon on loopback), beside a bare Hono route
 * served by the same framework and HTTP adapter in the same run.
 *
 * A child process serves: the bare route (`GET /bare` → `{"ok":true}`), a bare route sending as
 * many bytes as the compressed export (`GET /bare-sized`: what moving that body alone costs), the Parley server on a
 * fresh PGlite folder, and — when DATABASE_URL or PARLEY_TEST_DATABASE_URL names a PostgreSQL
 * server — the Parley server on a fresh database there (created and dropped by the run). Each
 * holds the embedded case (cases/istanbul-2022) and a member, the Ukrainian delegation head,
 * who calls with an API token, so every request is authenticated, access-checked and filtered to
 * what that member sees. This process drives the load, so the load generator and the server do
 * not share a thread. Each route is warmed up, then measured with the same connections.
 *
 * The target: every read route ≥ 2,000 req/s with p99 < 50 ms, no errors and only 2xx answers.
 *
 *   npm run bench:server
 *   PARLEY_TEST_DATABASE_URL=postgres://… npm run bench:server     (PostgreSQL too)
 *   PARLEY_BENCH_SECONDS=10 PARLEY_BENCH_CONNECTIONS=10 PARLEY_BENCH_WARMUP_SECONDS=2 npm run bench:server
 *   PARLEY_BENCH_LOAD_WORKERS=1 npm run bench:server     (autocannon on one thread, as before)
 */
import { fork } from 'node:child_process';
import { brotliCompressSync } from 'node:zlib';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { loadCase } from '@parley/case-files/load.ts';
import { startServer } from '@parley/server/start-server.ts';
import { createApiToken } from '@parley/store/accounts/api-tokens.ts';
import { createUser } from '@parley/store/accounts/users.ts';
import { importCase } from '@parley/store/cases.ts';
import { openDatabase, type Database } from '@parley/store/database.ts';
import { grantRole } from '@parley/store/members.ts';
import { freshPostgresDatabase, pgliteFolder } from '@parley/store/test-databases.test-support.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CASE_ID = 'istanbul-2022';

const SECONDS = Number(process.env.PARLEY_BENCH_SECONDS ?? 5);
const WARMUP_SECONDS = Number(process.env.PARLEY_BENCH_WARMUP_SECONDS ?? 2);
const CONNECTIONS = Number(process.env.PARLEY_BENCH_CONNECTIONS ?? 10);
// autocannon's own threads. With one, the generator is the bottleneck for 30 KB answers: on this
// machine a raw node:http server sending 31 KB reached ~1,600–1,900 req/s with one generator
// thread and ~2,400–2,600 with two, so one thread measured autocannon's HTTP parser, not Parley.
const LOAD_WORKERS = Number(process.env.PARLEY_BENCH_LOAD_WORKERS ?? 2);
const TARGET_RPS = 2000;
const TARGET_P99_MS = 50;

/** What the child serves, sent to this process once everything listens. */
interface Served {
  bare: string;
  /** The size of the export as a browser fetches it (brotli), served bare at /bare-sized. */
  sizedBytes: number;
  engines: { name: string; url: string; token: string; actorId: string }[];
  notices: string[];
}

// ---- the child: the servers under test ----

async function serveForBench(): Promise<void> {
  const cleanups: (() => Promise<void>)[] = [];
  const notices: string[] = [];
  const loaded = await loadCase(path.join(repoRoot, 'cases', CASE_ID));
  if (!loaded.caseData) throw new Error(`the embedded case does not load: ${loaded.diagnostics[0]?.message}`);
  const caseData = loaded.caseData;
  const sized = new Uint8Array(brotliCompressSync(Buffer.from(JSON.stringify(caseData))));
  const bareApp = new Hono();
  bareApp.get('/bare', (c) => c.json({ ok: true }));
  bareApp.get(
    '/bare-sized',
    () => new Response(sized, { headers: { 'content-type': 'application/octet-stream' } }),
  );
  const bare = await new Promise<string>((resolve) => {
    const server = serve({ fetch: bareApp.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
      resolve(`http://127.0.0.1:${info.port}`),
    );
    cleanups.push(() => new Promise((done) => server.close(() => done())));
  });

  const engines: Served['engines'] = [];

  const dataDir = await pgliteFolder({ migrated: true });
  const pglite = await openDatabase({ dataDir });
  cleanups.push(async () => {
    await pglite.close();
    await rm(dataDir, { recursive: true, force: true });
  });
  engines.push({ name: 'PGlite', ...(await parleyOn(pglite)) });

  const adminUrl = process.env.DATABASE_URL ?? process.env.PARLEY_TEST_DATABASE_URL;
  if (adminUrl) {
    const fresh = await freshPostgresDatabase(adminUrl);
    const postgres = await openDatabase({ url: fresh.url });
    cleanups.push(async () => {
      await postgres.close();
      await fresh.drop();
    });
    engines.push({ name: 'PostgreSQL', ...(await parleyOn(postgres)) });
  } else
    notices.push(
      'PostgreSQL skipped: set DATABASE_URL or PARLEY_TEST_DATABASE_URL to an admin URL (a fresh database is created and dropped)',
    );

  /** The embedded case, a member who speaks for Ukraine with a token, and the server on it. */
  async function parleyOn(database: Database) {
    await importCase(database, caseData);
    const user = await createUser(database, {
      email: 'bench@example.org',
      displayName: 'Bench',
      passwordHash: 'unused',
      isAdmin: false,
    });
    await grantRole(database, CASE_ID, user.id, { role: 'delegation-head', party: 'ua' });
    const { token } = await createApiToken(database, user.id, 'bench');
    const server = await startServer({ database }, { port: 0 });
    cleanups.unshift(() => server.close());
    return { url: server.url, token, actorId: caseData.actors[0]!.id };
  }

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    // Dropping the database ends the pool's closing connections from the server side (57P01).
    process.on('uncaughtException', (error) => {
      if ((error as { code?: string }).code !== '57P01') throw error;
    });
    for (const cleanup of cleanups) await cleanup().catch(() => {});
    process.exit(0);
  };
  process.on('message', (message) => message === 'stop' && void stop());
  // The load process gone without a word (interrupted): clean up all the same.
  process.on('disconnect', () => void stop());
  process.send!({ bare, sizedBytes: sized.byteLength, engines, notices } satisfies Served);
}

// ---- this process: the load ----

interface Measured {
  label: string;
  rps: number;
  p50: number;
  p99: number;
  failures: number;
}

async function drive(): Promise<void> {
  const child = fork(fileURLToPath(import.meta.url), [], {
    env: { ...process.env, PARLEY_BENCH_CHILD: '1' },
    execArgv: process.execArgv,
  });
  try {
    const served = await new Promise<Served>((resolve, reject) => {
      child.once('message', (m) => resolve(m as Served));
      child.once('exit', (code) => reject(new Error(`the server process exited (${code}) before serving`)));
    });
    console.log(
      `read routes of the embedded case (${CASE_ID}) as a delegation head with an API token, accepting gzip as a browser does;` +
        ` ${CONNECTIONS} connections over ${Math.max(1, LOAD_WORKERS)} load-generator thread(s), ${WARMUP_SECONDS} s warm-up + ${SECONDS} s per route`,
    );
    for (const notice of served.notices) console.log(notice);
    const base = `/api/cases/${CASE_ID}`;
    const results: { engine: string; bare: Measured; bareSized: Measured; routes: Measured[] }[] = [];
    for (const engine of served.engines) {
      const routes = [
        ['GET record (one actor)', `${base}/records/actor/${encodeURIComponent(engine.actorId)}`],
        ['GET records (positions)', `${base}/records/position`],
        ['GET views/overview', `${base}/views/overview`],
        ['GET views/positions', `${base}/views/positions`],
        ['GET export', `${base}/export`],
      ];
      const headers = {
        Authorization: `Bearer ${engine.token}`,
        // What every browser sends: large answers then come compressed (analysis-cache.ts).
        'Accept-Encoding': 'gzip, deflate, br',
      };
      // A browser reading the export again sends the tag it holds: 304 and no body while unchanged.
      const exportTag = (await fetch(engine.url + `${base}/export`, { headers })).headers.get('etag')!;
      // The bare route is measured next to each engine, so both figures share the machine's state.
      const bare = await measure('bare Hono route', served.bare + '/bare', {});
      const bareSized = await measure(
        `bare, ${(served.sizedBytes / 1024).toFixed(0)} KB body`,
        served.bare + '/bare-sized',
        {},
      );
      const measured: Measured[] = [];
      for (const [label, route] of routes) measured.push(await measure(label!, engine.url + route, headers));
      measured.push(
        await measure(
          'GET export, revalidated',
          engine.url + `${base}/export`,
          { ...headers, 'If-None-Match': exportTag },
          '3xx',
        ),
      );
      results.push({ engine: engine.name, bare, bareSized, routes: measured });
    }
    let pass = true;
    for (const { engine, bare, bareSized, routes } of results) {
      console.log(`\n${engine}`);
      console.log(
        `  ${'route'.padEnd(26)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'failed'.padStart(7)} ${'vs bare'.padStart(8)}`,
      );
      for (const m of [bare, bareSized, ...routes]) {
        const ok = m === bare || m === bareSized || meets(m);
        if (!ok) pass = false;
        console.log(
          `  ${m.label.padEnd(26)} ${m.rps.toFixed(0).padStart(8)} ${m.p50.toFixed(1).padStart(7)} ${m.p99.toFixed(1).padStart(7)} ${String(m.failures).padStart(7)} ${(m.rps / bare.rps).toFixed(2).padStart(8)}${ok ? '' : '  below target'}`,
        );
      }
    }
    console.log(
      `\n${pass ? 'PASS' : 'FAIL'}: every read route on ${results.map((r) => r.engine).join(' and ')} ≥ ${TARGET_RPS} req/s, p99 < ${TARGET_P99_MS} ms, 0 errors or unexpected statuses (2xx; 304 when revalidated)`,
    );
    if (!pass) process.exitCode = 1;
  } finally {
    child.send('stop');
    await new Promise((done) => child.once('exit', done));
  }
}

const meets = (m: Measured) => m.rps >= TARGET_RPS && m.p99 < TARGET_P99_MS && m.failures === 0;

/** `expected`: the status class every answer must have (304s for a revalidation), else it failed. */
async function measure(
  label: string,
  url: string,
  headers: Record<string, string>,
  expected: '2xx' | '3xx' = '2xx',
): Promise<Measured> {
  const run = (duration: number) =>
    autocannon({
      url,
      connections: CONNECTIONS,
      duration,
      headers,
      ...(LOAD_WORKERS > 1 ? { workers: LOAD_WORKERS } : {}),
    });
  if (WARMUP_SECONDS > 0) await run(WARMUP_SECONDS);
  const r = await run(SECONDS);
  return {
    label,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    failures: r.errors + r.timeouts + (expected === '2xx' ? r.non2xx : r['2xx'] + r.non2xx - r['3xx']),
  };
}

// Last, so the constants above are initialised when either side runs.
if (process.env.PARLEY_BENCH_CHILD === '1') await serveForBench();
else await drive();
