import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { ParleyError } from '@parley/model/errors.ts';
import type { Database, DatabaseLocation } from '@parley/store/database.ts';

/** The embedded database's folder when neither --data nor PARLEY_DATA names one. */
export const defaultDataDir = path.join('.parley', 'data');

export interface DatabaseOptions {
  /** --data DIR: the embedded database's folder. */
  data?: string;
}

/**
 * Where the commands that use the database (import, export-case, cases, db, serve) find it:
 * DATABASE_URL set → that PostgreSQL server; otherwise the embedded PGlite folder of --data,
 * else of PARLEY_DATA, else ./.parley/data. --data together with DATABASE_URL is a contradiction,
 * refused rather than one silently winning.
 */
export function databaseLocationFrom(
  options: DatabaseOptions,
  env: Readonly<Record<string, string | undefined>>,
): DatabaseLocation {
  const url = env['DATABASE_URL'];
  if (url) {
    if (options.data !== undefined)
      throw new ParleyError(
        'usage',
        '--data names an embedded database folder, but DATABASE_URL is set and names a PostgreSQL server; use one of them',
      );
    return { url };
  }
  return { dataDir: options.data ?? (env['PARLEY_DATA'] || defaultDataDir) };
}

/** Where the database is, in words for a message; never the URL, which may hold a password. */
export function describeLocation(location: DatabaseLocation): string {
  return 'url' in location ? 'the PostgreSQL database of DATABASE_URL' : location.dataDir;
}

/** Opens the database the options and environment name, creating the embedded folder if missing. */
export async function openDatabaseFrom(
  options: DatabaseOptions,
  env: Readonly<Record<string, string | undefined>> = process.env,
  open: { migrate?: boolean } = {},
): Promise<Database> {
  const location = databaseLocationFrom(options, env);
  if ('dataDir' in location)
    await mkdir(location.dataDir, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
      throw new ParleyError(
        'cannot-write',
        `cannot create the database folder ${location.dataDir} (${error.code ?? error.message})`,
      );
    });
  // Loaded here, not at start: only the commands on the database pay for its drivers.
  const { openDatabase } = await import('@parley/store/database.ts');
  return openDatabase(location, open);
}

/** Runs `work` on the database and closes it, however the work ends. */
export async function withDatabase<T>(
  options: DatabaseOptions,
  work: (database: Database) => Promise<T>,
  open: { migrate?: boolean } = {},
): Promise<T> {
  const database = await openDatabaseFrom(options, process.env, open);
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

/** Adds --data, the option every command on the database takes. */
export function withDataOption(command: Command): Command {
  return command.option(
    '--data <dir>',
    `the embedded database's folder (default: $PARLEY_DATA, else ${defaultDataDir}); not with DATABASE_URL`,
  );
}
