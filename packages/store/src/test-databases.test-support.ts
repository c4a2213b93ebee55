// Test support: the database engines the store's tests run on, each test file on a database of
// its own. PGlite always; PostgreSQL too when PARLEY_TEST_DATABASE_URL names a server (an admin
// URL: a fresh database is created for each test file and dropped after it).
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { openDatabase, type Database } from './database.ts';
import { migrations } from './migrations/index.ts';

export interface TestEngine {
  name: Database['engine'];
  /** A new, migrated, empty database; its close() also deletes it. */
  open(): Promise<Database>;
}

const adminUrl = process.env.PARLEY_TEST_DATABASE_URL;

const pglite: TestEngine = {
  name: 'pglite',
  async open() {
    const dataDir = await pgliteFolder({ migrated: true });
    const database = await openDatabase({ dataDir });
    return withCleanup(database, () => rm(dataDir, { recursive: true, force: true }));
  },
};

/**
 * A new PGlite folder in the system's temporary folder, empty, its schema migrated or not; the
 * caller removes it. A fresh folder costs an initdb (5–7 s); this copies a template instead,
 * which opens in about a second.
 */
export async function pgliteFolder(options: { migrated: boolean }): Promise<string> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'parley-store-test-'));
  await cp(await pgliteTemplate(options.migrated), dataDir, { recursive: true });
  return dataDir;
}

const templates = new Map<boolean, Promise<string>>();
/**
 * An empty PGlite folder, kept in node_modules/.cache between runs and named by a hash of the
 * migrations' code, so a changed migration makes a new one. Made in a folder of its own and
 * renamed into place, so workers that race both end with a whole folder.
 */
function pgliteTemplate(migrated: boolean): Promise<string> {
  let template = templates.get(migrated);
  if (!template) {
    template = makeTemplate(migrated);
    templates.set(migrated, template);
  }
  return template;
}

async function makeTemplate(migrated: boolean): Promise<string> {
  const code = Object.entries(migrations).map(([name, m]) => `${name}\n${m.up.toString()}`);
  const hash = createHash('sha256').update(code.join('\n')).digest('hex').slice(0, 16);
  const name = migrated ? `pglite-${hash}` : 'pglite-unmigrated';
  const dir = fileURLToPath(new URL(`../../../node_modules/.cache/parley-store/${name}`, import.meta.url));
  if (existsSync(dir)) return dir;
  await mkdir(path.dirname(dir), { recursive: true });
  const fresh = await mkdtemp(`${dir}-`);
  const database = await openDatabase({ dataDir: fresh }, { migrate: migrated });
  await database.close();
  await rename(fresh, dir).catch(() => rm(fresh, { recursive: true, force: true }));
  return dir;
}

const postgres = (url: string): TestEngine => ({
  name: 'postgres',
  async open() {
    const fresh = await freshPostgresDatabase(url);
    const database = await openDatabase({ url: fresh.url });
    return withCleanup(database, fresh.drop);
  },
});

/** A new, empty PostgreSQL database on the admin URL's server: its URL, and how to drop it. */
export async function freshPostgresDatabase(
  url: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `parley_test_${randomBytes(6).toString('hex')}`;
  await admin(url, `create database ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  return { url: target.toString(), drop: () => admin(url, `drop database if exists ${name} with (force)`) };
}

/** The admin URL of the PostgreSQL server the tests may use; undefined when there is none. */
export const postgresAdminUrl = adminUrl;

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

function withCleanup(database: Database, remove: () => Promise<void>): Database {
  return {
    ...database,
    async close() {
      await database.close();
      await remove();
    },
  };
}

if (!adminUrl)
  console.warn(
    'store tests: PARLEY_TEST_DATABASE_URL is not set; the PostgreSQL runs are skipped (PGlite only)',
  );

/** The engines to run on, for `describe.each(engines)('$name', …)`. */
export const engines: TestEngine[] = adminUrl ? [pglite, postgres(adminUrl)] : [pglite];

/**
 * One database for the enclosing describe block, opened before its tests and deleted after
 * them. Tests share it, so each uses case ids of its own.
 */
export function useTestDatabase(engine: TestEngine): () => Database {
  let database: Database | undefined;
  beforeAll(async () => {
    database = await engine.open();
  }, 60_000);
  afterAll(async () => {
    await database?.close();
  });
  return () => {
    if (!database) throw new Error('the test database is not open yet');
    return database;
  };
}
