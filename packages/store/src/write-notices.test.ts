import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTestCase } from '@parley/case-files/cases.test-support.ts';
import { createApiToken, findUserByApiToken, revokeApiToken } from './accounts/api-tokens.ts';
import { createUser } from './accounts/users.ts';
import { caseStanding } from './case-standing.ts';
import { importCase } from './cases.ts';
import { openDatabase, type Database } from './database.ts';
import { grantRole, revokeRole } from './members.ts';
import { freshPostgresDatabase, postgresAdminUrl } from './test-databases.test-support.ts';

/** Waits until `ready` holds (a notice travels between connections), failing after two seconds. */
async function until(ready: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !ready(); waited += 10) {
    if (waited > 2000) throw new Error(`still waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 10));
  }
}

/** Waits until the notices of writes already made have all arrived: no change for 300 ms. */
async function settled(database: Database): Promise<number | undefined> {
  let last = database.writeGeneration!();
  for (let quiet = 0; quiet < 300; quiet += 20) {
    await new Promise((done) => setTimeout(done, 20));
    const now = database.writeGeneration!();
    if (now !== last) [last, quiet] = [now, 0];
  }
  return last;
}

// Two handles on one PostgreSQL database stand for two server processes: what one keeps, the
// other's writes must undo.
describe.skipIf(!postgresAdminUrl)('writes announced between server processes on PostgreSQL', () => {
  let fresh: Awaited<ReturnType<typeof freshPostgresDatabase>>;
  let one: Database;
  let other: Database;
  let member = '';
  const caseId = 'istanbul-2022';

  beforeAll(async () => {
    fresh = await freshPostgresDatabase(postgresAdminUrl!);
    one = await openDatabase({ url: fresh.url });
    other = await openDatabase({ url: fresh.url });
    await importCase(one, await loadTestCase('embedded'));
    member = (
      await createUser(one, { email: 'm@example.org', displayName: 'M', passwordHash: 'x', isAdmin: false })
    ).id;
    await grantRole(one, caseId, member, { role: 'mediator', party: null });
    await grantRole(one, caseId, member, { role: 'delegation-head', party: 'ua' });
  }, 60_000);
  afterAll(async () => {
    await one?.close();
    await other?.close();
    await fresh?.drop();
  });

  it('keeps a generation while nobody writes, and moves it when another process commits', async () => {
    await until(() => one.writeGeneration!() !== undefined, 'the listener');
    // The setup's own writes announce themselves too, a little later.
    const before = await settled(one);
    await caseStanding(one, caseId, member);
    expect(one.writeGeneration!()).toBe(before);
    await revokeRole(other, caseId, member, 'mediator');
    await until(() => one.writeGeneration!() !== before, 'the notice of the other process’s write');
    expect((await caseStanding(one, caseId, member))!.memberships).toEqual([
      { role: 'delegation-head', party: 'ua' },
    ]);
  });

  it('refuses a token another process revoked, though this one remembered it', async () => {
    const { id, token } = await createApiToken(one, member, 'script');
    expect((await findUserByApiToken(one, token))?.id).toBe(member);
    const before = one.writeGeneration!();
    expect(await revokeApiToken(other, member, id, new Date())).toBe(true);
    await until(() => one.writeGeneration!() !== before, 'the notice of the revocation');
    expect(await findUserByApiToken(one, token)).toBeUndefined();
  });

  it('keeps nothing while its listening connection is down, and starts a new era on reconnecting', async () => {
    const before = one.writeGeneration!()!;
    // Both handles' listeners go (the other one reconnects too).
    const { rows } = await sql<{ gone: boolean }>`
      select pg_terminate_backend(pid) as gone from pg_stat_activity
      where datname = current_database() and query = 'LISTEN parley_writes'`.execute(other.db);
    expect(rows.length).toBe(2);
    await until(() => one.writeGeneration!() === undefined, 'the lost connection to be noticed');
    await until(() => one.writeGeneration!() !== undefined, 'the listener to reconnect');
    expect(one.writeGeneration!()!).toBeGreaterThan(before + 999_999);
  });
});
