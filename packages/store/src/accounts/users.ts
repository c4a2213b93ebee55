import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { ParleyError } from '@parley/model/errors.ts';
import type { Database } from '../database.ts';
import type { Tables } from '../tables.ts';

/** An account, without its password hash. */
export interface User {
  id: string;
  email: string;
  displayName: string;
  isAdmin: boolean;
  createdAt: Date;
}

export interface NewUser {
  email: string;
  displayName: string;
  /** Already hashed by the caller (server/auth/password.ts): the store never sees a password. */
  passwordHash: string;
  isAdmin: boolean;
}

const userColumns = ['id', 'email', 'display_name', 'is_admin', 'created_at'] as const;

type UserRow = { id: string; email: string; display_name: string; is_admin: boolean; created_at: Date };

export const userOfRow = (r: UserRow): User => ({
  id: r.id,
  email: r.email,
  displayName: r.display_name,
  isAdmin: r.is_admin,
  createdAt: new Date(r.created_at),
});

/** Emails are compared without case: `Ana@Example.org` and `ana@example.org` are one account. */
export const normalEmail = (email: string): string => email.trim().toLowerCase();

/** Creates an account; an email already taken (in any letter case) is a conflict. */
export async function createUser(database: Database, user: NewUser): Promise<User> {
  return insertUser(database.db, user);
}

/** createUser on a connection or within a transaction (the first administrator's setup). */
export async function insertUser(db: Kysely<Tables>, user: NewUser): Promise<User> {
  const email = normalEmail(user.email);
  const row = await db
    .insertInto('users')
    .values({
      id: randomUUID(),
      email,
      display_name: user.displayName,
      password_hash: user.passwordHash,
      is_admin: user.isAdmin,
    })
    .onConflict((oc) => oc.column('email').doNothing())
    .returning(userColumns)
    .executeTakeFirst();
  if (!row) throw new ParleyError('conflict', `an account with the email ${email} already exists`);
  return userOfRow(row);
}

/** The account with this email (any letter case) and its password hash, to check a login. */
export async function findUserByEmail(
  database: Database,
  email: string,
): Promise<(User & { passwordHash: string }) | undefined> {
  const row = await database.db
    .selectFrom('users')
    .select([...userColumns, 'password_hash'])
    .where('email', '=', normalEmail(email))
    .executeTakeFirst();
  return row && { ...userOfRow(row), passwordHash: row.password_hash };
}

export async function getUser(database: Database, userId: string): Promise<User | undefined> {
  const row = await database.db
    .selectFrom('users')
    .select(userColumns)
    .where('id', '=', userId)
    .executeTakeFirst();
  return row && userOfRow(row);
}

/** Every account, by email. */
export async function listUsers(database: Database): Promise<User[]> {
  const rows = await database.db.selectFrom('users').select(userColumns).orderBy('email').execute();
  return rows.map(userOfRow);
}

/** Whether any account exists: a server without one waits for its setup link. */
export async function hasUsers(database: Database): Promise<boolean> {
  return (await database.db.selectFrom('users').select('id').limit(1).executeTakeFirst()) !== undefined;
}
