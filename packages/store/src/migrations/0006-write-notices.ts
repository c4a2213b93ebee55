import { sql, type Kysely } from 'kysely';

/** The tables whose rows decide who a caller is and what they may see of a case. */
const WATCHED = ['cases', 'memberships', 'api_tokens', 'users'] as const;

/**
 * Every committed change to a case's revision, a membership, a token or a user sends a notice
 * on the channel `parley_writes` (PostgreSQL delivers it at commit, once per transaction), so a
 * server process can keep what it read (the caller's standing, a token's owner) until any
 * process writes again: database.ts listens. A trigger, not the application, sends it, so a
 * change made by another process or by hand is announced too.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function parley_notify_write() returns trigger language plpgsql as $$
    begin
      perform pg_notify('parley_writes', '');
      return null;
    end
    $$`.execute(db);
  for (const table of WATCHED)
    await sql`
      create trigger ${sql.raw(`${table}_notify_write`)} after insert or update or delete or truncate
      on ${sql.table(table)} for each statement execute function parley_notify_write()`.execute(db);
}
