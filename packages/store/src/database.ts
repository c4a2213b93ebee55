import { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, PostgresDialect, type MigrationResult } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { ParleyError } from '@parley/model/errors.ts';
import { migrations } from './migrations/index.ts';
import type { Tables } from './tables.ts';
import { WriteGeneration } from './write-generation.ts';
import { listenForWrites } from './write-notices.ts';

/** Where the data lives: an embedded PGlite folder (the default) or a PostgreSQL server. */
export type DatabaseLocation = { dataDir: string } | { url: string };

export interface Database {
  /** Tells databases apart within one process (caches are keyed by it). */
  id: number;
  db: Kysely<Tables>;
  engine: 'pglite' | 'postgres';
  /**
   * A count that changes whenever a statement that may write is sent by this process — and, on
   * PostgreSQL, whenever any process commits a write that matters to access (write-notices.ts):
   * what was read while it stands may be kept. Undefined while that cannot be known (the
   * PostgreSQL listener is down): then nothing is kept.
   */
  writeGeneration?: () => number | undefined;
  close(): Promise<void>;
}

let opened = 0;

// Postgres returns bigint (int8) as text; Parley's counters fit a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/**
 * Opens the database and brings its schema up to date. PGlite takes one connection at a time:
 * its Kysely driver queues every query and transaction behind the one running, which is the
 * one place its transactions are serialised.
 */
export async function openDatabase(
  location: DatabaseLocation,
  options: { migrate?: boolean } = {},
): Promise<Database> {
  let database: Database;
  if ('url' in location) {
    const pool = new pg.Pool({ connectionString: location.url, max: 10 });
    try {
      const client = await pool.connect();
      client.release();
    } catch (error) {
      await pool.end();
      throw new ParleyError(
        'unavailable',
        `cannot reach the database at DATABASE_URL: ${(error as Error).message}`,
      );
    }
    const writes = new WriteGeneration();
    const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }), plugins: [writes] });
    let notices;
    try {
      notices = await listenForWrites(location.url);
    } catch (error) {
      await db.destroy();
      throw new ParleyError('unavailable', `cannot listen on the database: ${(error as Error).message}`);
    }
    database = {
      id: ++opened,
      db,
      engine: 'postgres',
      writeGeneration: () => {
        const heard = notices.count();
        return heard === undefined ? undefined : heard + writes.current;
      },
      close: async () => {
        await notices.close();
        await db.destroy();
      },
    };
  } else {
    let client: PGlite;
    try {
      client = await PGlite.create(location.dataDir);
    } catch (error) {
      throw new ParleyError(
        'not-found',
        `cannot open the database in ${location.dataDir}: ${(error as Error).message}`,
      );
    }
    const writes = new WriteGeneration();
    const db = new Kysely<Tables>({ dialect: new PGliteDialect(client), plugins: [writes] });
    database = {
      id: ++opened,
      db,
      engine: 'pglite',
      writeGeneration: () => writes.current,
      close: () => db.destroy(),
    };
  }
  if (options.migrate ?? true) {
    try {
      await migrateToLatest(database);
    } catch (error) {
      await database.close();
      throw error;
    }
  }
  return database;
}

/** Applies every migration not yet applied; returns the names it applied. */
export async function migrateToLatest(database: Database): Promise<string[]> {
  const migrator = new Migrator({
    db: database.db,
    provider: { getMigrations: async () => migrations },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error)
    throw new ParleyError(
      'invalid-input',
      `database migration failed at ${failedMigration(results)}: ${(error as Error).message}`,
    );
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

function failedMigration(results: MigrationResult[] | undefined): string {
  return results?.find((r) => r.status === 'Error')?.migrationName ?? 'the migration table';
}
