import { sql, type Kysely } from 'kysely';

/**
 * Server-signed checkpoints of the audit log (an entry count and the head hash, Ed25519), and
 * the server's own signing key when it is kept in the database rather than in PARLEY_SERVER_KEY.
 * Both tables are append-only as the log is: UPDATE, DELETE and TRUNCATE raise.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table audit_checkpoints (
      case_id text not null,
      entries bigint not null check (entries >= 1),
      head_hash text not null,
      at text not null,
      key_fingerprint text not null,
      public_key text not null,
      signature text not null,
      primary key (case_id, entries)
    )`.execute(db);
  await sql`
    create table server_keys (
      id text primary key check (id = 'signing'),
      public_key text not null,
      private_key text not null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create function parley_append_only() returns trigger language plpgsql as $$
    begin
      raise exception '% is append-only: % is refused', tg_table_name, tg_op;
    end
    $$`.execute(db);
  for (const table of ['audit_checkpoints', 'server_keys']) {
    await sql`
      create trigger ${sql.raw(`${table}_no_rewrite`)} before update or delete on ${sql.table(table)}
      for each row execute function parley_append_only()`.execute(db);
    await sql`
      create trigger ${sql.raw(`${table}_no_truncate`)} before truncate on ${sql.table(table)}
      for each statement execute function parley_append_only()`.execute(db);
  }
}
