import { sql, type Kysely } from 'kysely';

/** Cases, their records (one row each, with visibility and version) and the releases of records. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table cases (
      id text primary key,
      revision bigint not null default 0,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table case_records (
      case_id text not null references cases(id) on delete cascade,
      kind text not null,
      record_id text not null,
      position integer not null,
      visibility text not null,
      version integer not null default 1 check (version >= 1),
      body json not null,
      updated_at timestamptz not null default now(),
      primary key (case_id, kind, record_id)
    )`.execute(db);
  await sql`create index case_records_by_visibility on case_records (case_id, visibility)`.execute(db);
  await sql`
    create table releases (
      id bigserial primary key,
      case_id text not null references cases(id) on delete cascade,
      kind text not null,
      record_id text not null,
      from_visibility text not null,
      to_visibility text not null,
      released_by text not null,
      released_at timestamptz not null default now()
    )`.execute(db);
}
