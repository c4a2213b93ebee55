import type { Kysely } from 'kysely';
import type { Database } from '../database.ts';
import type { Tables } from '../tables.ts';
import { hashSecret, newSecret } from './secrets.ts';
import { insertUser, type NewUser, type User } from './users.ts';

/**
 * A one-time link that lets its holder create the first administrator. Creating one withdraws
 * any unused earlier link: only the link printed last works.
 */
export async function createSetupLink(database: Database, expiresAt: Date): Promise<string> {
  const token = newSecret();
  await database.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('setup_links').where('used_at', 'is', null).execute();
    await trx
      .insertInto('setup_links')
      .values({ token_hash: hashSecret(token), expires_at: expiresAt })
      .execute();
  });
  return token;
}

/** Uses up the link: true the first time, before it expires; false ever after. */
export async function consumeSetupLink(database: Database, token: string, now: Date): Promise<boolean> {
  return consume(database.db, token, now);
}

/**
 * Uses up the link and creates the administrator in one transaction: an account that cannot be
 * created (its email taken) leaves the link usable. Undefined when the link is unknown, used or expired.
 */
export async function setUpAdministrator(
  database: Database,
  token: string,
  now: Date,
  user: Omit<NewUser, 'isAdmin'>,
): Promise<User | undefined> {
  return database.db.transaction().execute(async (trx) => {
    if (!(await consume(trx, token, now))) return undefined;
    const admin = await insertUser(trx, { ...user, isAdmin: true });
    // The cases stored before anyone could sign in (the embedded case on first start) get the
    // first administrator as their case admin, or no one could ever add members to them.
    const orphans = await trx
      .selectFrom('cases')
      .select('id')
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('memberships')
              .select('user_id')
              .whereRef('memberships.case_id', '=', 'cases.id')
              .where('role', '=', 'case-admin'),
          ),
        ),
      )
      .execute();
    for (const { id } of orphans)
      await trx
        .insertInto('memberships')
        .values({ case_id: id, user_id: admin.id, role: 'case-admin', party: null })
        .execute();
    return admin;
  });
}

async function consume(db: Kysely<Tables>, token: string, now: Date): Promise<boolean> {
  const row = await db
    .updateTable('setup_links')
    .set({ used_at: now })
    .where('token_hash', '=', hashSecret(token))
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('token_hash')
    .executeTakeFirst();
  return row !== undefined;
}
