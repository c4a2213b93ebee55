import { sql, type Kysely } from 'kysely';

/**
 * The audit log: one hash-chained entry per change of a case, written in the change's own
 * transaction. The database itself refuses to rewrite it: UPDATE, DELETE and TRUNCATE raise.
 * No foreign key to cases: deleting a case keeps (and records) its history.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table audit_entries (
      case_id text not null,
      seq bigint not null check (seq >= 1),
      at text not null,
      user_id text,
      roles text not null,
      action text not null,
      target text not null,
      visibility text not null,
      payload json,
      payload_hash text not null,
      prev_hash text not null,
      entry_hash text not null,
      primary key (case_id, seq)
    )`.execute(db);
  await sql`
    create function parley_audit_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'the audit log is append-only: % on audit_entries is refused', tg_op;
    end
    $$`.execute(db);
  await sql`
    create trigger audit_entries_no_rewrite before update or delete on audit_entries
    for each row execute function parley_audit_append_only()`.execute(db);
  await sql`
    create trigger audit_entries_no_truncate before truncate on audit_entries
    for each statement execute function parley_audit_append_only()`.execute(db);
}
