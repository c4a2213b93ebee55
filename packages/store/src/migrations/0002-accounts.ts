import { sql, type Kysely } from 'kysely';

/** Accounts, sessions, personal API tokens, case memberships and the first-start setup link. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table users (
      id text primary key,
      email text not null unique,
      display_name text not null,
      password_hash text not null,
      is_admin boolean not null default false,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table sessions (
      token_hash text primary key,
      user_id text not null references users(id) on delete cascade,
      csrf_token text not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null
    )`.execute(db);
  await sql`
    create table api_tokens (
      id text primary key,
      user_id text not null references users(id) on delete cascade,
      name text not null,
      token_hash text not null unique,
      created_at timestamptz not null default now(),
      revoked_at timestamptz
    )`.execute(db);
  await sql`
    create table memberships (
      case_id text not null references cases(id) on delete cascade,
      user_id text not null references users(id) on delete cascade,
      role text not null,
      party text,
      primary key (case_id, user_id, role)
    )`.execute(db);
  await sql`
    create table setup_links (
      token_hash text primary key,
      expires_at timestamptz not null,
      used_at timestamptz
    )`.execute(db);
}
