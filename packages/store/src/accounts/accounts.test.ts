import { describe, expect, it } from 'vitest';
import { isParleyError } from '@parley/model/errors.ts';
import { engines, useTestDatabase } from '../test-databases.test-support.ts';
import { createApiToken, findUserByApiToken, listApiTokens, revokeApiToken } from './api-tokens.ts';
import { hashSecret } from './secrets.ts';
import { createSession, deleteExpiredSessions, deleteSession, findSession } from './sessions.ts';
import { consumeSetupLink, createSetupLink, setUpAdministrator } from './setup-links.ts';
import { createUser, findUserByEmail, getUser, hasUsers, listUsers } from './users.ts';

const T0 = new Date('2026-03-01T09:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const HOUR = 3600_000;

describe.each(engines)('accounts on $name', (engine) => {
  const database = useTestDatabase(engine);

  it('sets up the first administrator once per link; a failed setup leaves the link usable', async () => {
    expect(await hasUsers(database())).toBe(false);
    const withdrawn = await createSetupLink(database(), at(24 * HOUR));
    const token = await createSetupLink(database(), at(24 * HOUR));
    expect(await consumeSetupLink(database(), withdrawn, T0)).toBe(false);

    await createUser(database(), {
      email: 'taken@example.org',
      displayName: 'T',
      passwordHash: 'x',
      isAdmin: false,
    });
    const clash = await setUpAdministrator(database(), token, T0, {
      email: 'TAKEN@example.org',
      displayName: 'A',
      passwordHash: 'h',
    }).catch((e) => e);
    expect(isParleyError(clash, 'conflict')).toBe(true);

    const admin = await setUpAdministrator(database(), token, T0, {
      email: 'Ada@Example.org',
      displayName: 'Ada',
      passwordHash: 'h',
    });
    expect(admin).toEqual({
      id: admin!.id,
      email: 'ada@example.org',
      displayName: 'Ada',
      isAdmin: true,
      createdAt: admin!.createdAt,
    });
    expect(
      await setUpAdministrator(database(), token, T0, {
        email: 'eve@example.org',
        displayName: 'Eve',
        passwordHash: 'h',
      }),
    ).toBeUndefined();
    expect((await listUsers(database())).map((u) => u.email)).toEqual([
      'ada@example.org',
      'taken@example.org',
    ]);
  });

  it('refuses a setup link at its expiry, and stores only its hash', async () => {
    const token = await createSetupLink(database(), at(HOUR));
    const rows = await database()
      .db.selectFrom('setup_links')
      .select('token_hash')
      .where('used_at', 'is', null)
      .execute();
    expect(rows).toEqual([{ token_hash: hashSecret(token) }]);
    expect(await consumeSetupLink(database(), token, at(HOUR))).toBe(false);
    expect(await consumeSetupLink(database(), token, at(HOUR - 1))).toBe(true);
    expect(await consumeSetupLink(database(), token, at(HOUR - 1))).toBe(false);
  });

  it('finds accounts by email in any letter case', async () => {
    const user = await createUser(database(), {
      email: 'Bob@Example.org',
      displayName: 'Bob',
      passwordHash: 'scrypt$h',
      isAdmin: false,
    });
    expect((await findUserByEmail(database(), ' BOB@example.ORG '))?.passwordHash).toBe('scrypt$h');
    expect(await getUser(database(), user.id)).toEqual(user);
    expect(await findUserByEmail(database(), 'bobby@example.org')).toBeUndefined();
    const error = await createUser(database(), {
      email: 'bob@example.org',
      displayName: 'B',
      passwordHash: 'x',
      isAdmin: false,
    }).catch((e) => e);
    expect([error.code, error.message]).toEqual([
      'conflict',
      'an account with the email bob@example.org already exists',
    ]);
  });

  it('opens a session until it expires and stores only the token hash', async () => {
    const user = await createUser(database(), {
      email: 'session@example.org',
      displayName: 'S',
      passwordHash: 'x',
      isAdmin: false,
    });
    const session = await createSession(database(), user.id, at(12 * HOUR));
    expect(session.token).not.toBe(session.csrfToken);
    const stored = await database()
      .db.selectFrom('sessions')
      .select('token_hash')
      .where('user_id', '=', user.id)
      .execute();
    expect(stored).toEqual([{ token_hash: hashSecret(session.token) }]);

    expect(await findSession(database(), session.token, at(12 * HOUR - 1))).toEqual({
      user,
      csrfToken: session.csrfToken,
      expiresAt: at(12 * HOUR),
    });
    expect(await findSession(database(), session.token, at(12 * HOUR))).toBeUndefined();
    expect(await findSession(database(), hashSecret(session.token), T0)).toBeUndefined();

    const other = await createSession(database(), user.id, at(24 * HOUR));
    expect(await deleteExpiredSessions(database(), at(12 * HOUR))).toBe(1);
    expect(await deleteSession(database(), other.token)).toBe(true);
    expect(await deleteSession(database(), other.token)).toBe(false);
  });

  it('ends a session read before (and kept) at its sign-out, and shows a change to its user at once', async () => {
    const user = await createUser(database(), {
      email: 'kept@example.org',
      displayName: 'Before',
      passwordHash: 'x',
      isAdmin: false,
    });
    const session = await createSession(database(), user.id, at(12 * HOUR));
    // Read twice: on the embedded database the second answer is the kept one.
    expect((await findSession(database(), session.token, T0))?.user.displayName).toBe('Before');
    expect((await findSession(database(), session.token, T0))?.user.displayName).toBe('Before');
    await database()
      .db.updateTable('users')
      .set({ display_name: 'After' })
      .where('id', '=', user.id)
      .execute();
    expect((await findSession(database(), session.token, T0))?.user.displayName).toBe('After');
    // Kept, then past its expiry: no session, without asking again.
    expect(await findSession(database(), session.token, at(12 * HOUR))).toBeUndefined();
    expect(await deleteSession(database(), session.token)).toBe(true);
    expect(await findSession(database(), session.token, T0)).toBeUndefined();
  });

  it('revokes only its own user’s API tokens', async () => {
    const carol = await createUser(database(), {
      email: 'carol@example.org',
      displayName: 'Carol',
      passwordHash: 'x',
      isAdmin: false,
    });
    const dan = await createUser(database(), {
      email: 'dan@example.org',
      displayName: 'Dan',
      passwordHash: 'x',
      isAdmin: false,
    });
    const token = await createApiToken(database(), carol.id, 'laptop');
    expect(token.token).toMatch(/^parley_[A-Za-z0-9_-]{43}$/);
    expect(await findUserByApiToken(database(), token.token)).toEqual(carol);
    expect(await findUserByApiToken(database(), token.token.slice('parley_'.length))).toBeUndefined();
    expect(await listApiTokens(database(), carol.id)).toEqual([
      { id: token.id, name: 'laptop', createdAt: token.createdAt },
    ]);

    expect(await revokeApiToken(database(), dan.id, token.id, T0)).toBe(false);
    expect(await findUserByApiToken(database(), token.token)).toEqual(carol);
    expect(await revokeApiToken(database(), carol.id, token.id, T0)).toBe(true);
    expect(await revokeApiToken(database(), carol.id, token.id, T0)).toBe(false);
    expect(await findUserByApiToken(database(), token.token)).toBeUndefined();
    expect(await listApiTokens(database(), carol.id)).toEqual([]);
  });
});
