import { beforeAll, describe, expect, it } from 'vitest';
import { loadTestCase } from '@parley/case-files/cases.test-support.ts';
import { createApiToken, findUserByApiToken, revokeApiToken } from './accounts/api-tokens.ts';
import { createUser } from './accounts/users.ts';
import { caseStanding } from './case-standing.ts';
import { caseRevision, importCase } from './cases.ts';
import { grantRole, revokeRole } from './members.ts';
import { engines, useTestDatabase } from './test-databases.test-support.ts';

describe.each(engines)('what a request checks, in few round trips, on $name', (engine) => {
  const database = useTestDatabase(engine);
  const caseId = 'istanbul-2022';
  let member = '';
  let stranger = '';

  beforeAll(async () => {
    await importCase(database(), await loadTestCase('embedded'));
    const user = (email: string) =>
      createUser(database(), { email, displayName: email, passwordHash: 'unused', isAdmin: false });
    member = (await user('member@example.org')).id;
    stranger = (await user('stranger@example.org')).id;
    await grantRole(database(), caseId, member, { role: 'mediator', party: null });
    await grantRole(database(), caseId, member, { role: 'delegation-head', party: 'ua' });
  });

  it("gives the case's revision and the roles sorted by name, or none to a stranger", async () => {
    const revision = (await caseRevision(database(), caseId))!;
    expect(await caseStanding(database(), caseId, member)).toEqual({
      revision,
      memberships: [
        { role: 'delegation-head', party: 'ua' },
        { role: 'mediator', party: null },
      ],
    });
    expect(await caseStanding(database(), caseId, stranger)).toEqual({ revision, memberships: [] });
    expect(await caseStanding(database(), 'no-such-case', member)).toBeUndefined();
  });

  it('sees a role revoked at once, however many requests ask together', async () => {
    const asked = await Promise.all([1, 2, 3].map(() => caseStanding(database(), caseId, member)));
    expect(asked.map((s) => s!.memberships.length)).toEqual([2, 2, 2]);
    await revokeRole(database(), caseId, member, 'mediator');
    expect((await caseStanding(database(), caseId, member))!.memberships).toEqual([
      { role: 'delegation-head', party: 'ua' },
    ]);
  });

  it('refuses a revoked token on the next lookup, though lookups are remembered', async () => {
    const { id, token } = await createApiToken(database(), member, 'script');
    expect((await findUserByApiToken(database(), token))?.id).toBe(member);
    expect((await findUserByApiToken(database(), token))?.id).toBe(member);
    expect(await revokeApiToken(database(), member, id, new Date())).toBe(true);
    expect(await findUserByApiToken(database(), token)).toBeUndefined();
  });
});
