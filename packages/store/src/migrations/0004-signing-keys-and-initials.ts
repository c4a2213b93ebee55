import { sql, type Kysely } from 'kysely';

/** Users' public signing keys (Ed25519) and the initials heads of delegation put on draft versions. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table signing_keys (
      id text primary key,
      user_id text not null references users(id) on delete cascade,
      name text not null,
      public_key text not null,
      fingerprint text not null,
      created_at timestamptz not null default now(),
      retired_at timestamptz
    )`.execute(db);
  await sql`
    create table initials (
      case_id text not null references cases(id) on delete cascade,
      document_id text not null,
      version_id text not null,
      user_id text not null references users(id) on delete cascade,
      party text,
      key_id text not null references signing_keys(id),
      digest text not null,
      signature text not null,
      created_at timestamptz not null default now(),
      primary key (case_id, document_id, version_id, user_id, key_id, digest)
    )`.execute(db);
}
