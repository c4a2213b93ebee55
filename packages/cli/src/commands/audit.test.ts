// `parley audit verify`: the chain and the server's signed checkpoints, in the database and over
// the API; a tail cut below a signed checkpoint is reported with the checkpoint that catches it.
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCase } from '@parley/case-files/load.ts';
import { startTestServer, type TestServer } from '@parley/server/test-server.test-support.ts';
import { createApiToken } from '@parley/store/accounts/api-tokens.ts';
import { createUser } from '@parley/store/accounts/users.ts';
import { createCheckpoint } from '@parley/store/signing/checkpoints.ts';
import { readAudit } from '@parley/store/audit/read-audit.ts';
import { importCase } from '@parley/store/cases.ts';
import { openDatabase } from '@parley/store/database.ts';
import { grantRole } from '@parley/store/members.ts';
import { serverKeyOf } from '@parley/store/signing/server-key.ts';
import { engines, pgliteFolder, useTestDatabase } from '@parley/store/test-databases.test-support.ts';
import { everything } from '@parley/store/visibility.ts';
import { runCli } from '../test-cli.ts';

const CASE = 'river-accord';
const riverDir = fileURLToPath(new URL('../../../case-files/fixtures/river-deals', import.meta.url));

const people = async (db: Parameters<typeof grantRole>[0], names: string[]) => {
  const tokens: Record<string, string> = {};
  for (const name of names) {
    const user = await createUser(db, {
      email: `${name}@example.org`,
      displayName: name,
      passwordHash: 'unused',
      isAdmin: false,
    });
    tokens[name] = (await createApiToken(db, user.id, 'test')).token;
    await grantRole(db, CASE, user.id, { role: name === 'mediator' ? 'mediator' : 'observer', party: null });
  }
  return tokens;
};

describe('audit verify in the database', () => {
  let data: string;
  let heads: string[];

  beforeAll(async () => {
    data = await pgliteFolder({ migrated: true });
    const database = await openDatabase({ dataDir: data });
    await importCase(database, (await loadCase(riverDir)).caseData!);
    await people(database, ['mediator', 'observer']);
    // Signed at entry 3 (the import, two grants), then one more entry.
    const key = await serverKeyOf(database);
    await createCheckpoint(database, CASE, key, new Date('2026-12-01T10:00:00Z'));
    await people(database, ['analyst']);
    heads = (await readAudit(database, CASE, everything)).map((e) => e.entryHash);
    await database.close();
  }, 120_000);

  afterAll(async () => {
    if (data) await rm(data, { recursive: true, force: true });
  });

  it('accepts the chain and its signed checkpoint', async () => {
    expect(await runCli(['audit', 'verify', '--data', data])).toEqual({
      code: 0,
      err: '',
      out: `${CASE}: OK, 4 entries, head 4:${heads[3]}; 1 signed checkpoint holds`,
    });
  });

  it("refuses a checkpoint not signed by the server's key when PARLEY_SERVER_KEY names it", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'parley-audit-'));
    const file = path.join(dir, 'server.pem');
    const pair = generateKeyPairSync('ed25519');
    await writeFile(file, pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
    process.env.PARLEY_SERVER_KEY = file;
    try {
      const verified = await runCli(['audit', 'verify', '--data', data]);
      expect(verified.code).toBe(1);
      expect(verified.out).toMatch(
        new RegExp(
          `^${CASE}: BROKEN at entry 3: the signed checkpoint at entry 3: it is signed by SHA256:\\S+, which is not the server's key \\(against the signed checkpoint 3:${heads[2]}\\)$`,
        ),
      );
    } finally {
      delete process.env.PARLEY_SERVER_KEY;
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reports a tail cut below the signed checkpoint, with that checkpoint', async () => {
    const database = await openDatabase({ dataDir: data });
    await database.db.transaction().execute(async (trx) => {
      // The owner of the database switches the append-only triggers off.
      await sql`set local session_replication_role = replica`.execute(trx);
      await trx.deleteFrom('audit_entries').where('case_id', '=', CASE).where('seq', '>=', 2).execute();
    });
    await database.close();
    const verified = await runCli(['audit', 'verify', CASE, '--data', data]);
    expect(verified.code).toBe(1);
    expect(verified.out).toBe(
      `${CASE}: BROKEN at entry 2: the log ends at entry 1, but the server signed a checkpoint at entry 3: its tail was cut (against the signed checkpoint 3:${heads[2]})`,
    );
  });
});

describe.each(engines)('audit verify over the API on $name', (engine) => {
  const database = useTestDatabase(engine);
  let server: TestServer;
  let tokens: Record<string, string>;

  beforeAll(async () => {
    const db = database();
    await importCase(db, (await loadCase(riverDir)).caseData!);
    tokens = await people(db, ['mediator', 'observer']);
    server = await startTestServer({ database: db });
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  it('checks the log and the checkpoints as a member sees them', async () => {
    const made = await server.call('POST', `/api/cases/${CASE}/audit/checkpoints`, {
      bearer: tokens.mediator!,
    });
    expect(made.status).toBe(201);
    const verified = await runCli([
      'audit',
      'verify',
      CASE,
      '--server',
      server.url,
      '--token',
      tokens.observer!,
    ]);
    expect(verified).toEqual({
      code: 0,
      err: '',
      out: `${CASE}: OK, 3 entries, head 3:${made.body.headHash}; 1 signed checkpoint holds (key as the server publishes it; pin one with --server-key)`,
    });
    const unnamed = await runCli(['audit', 'verify', '--server', server.url, '--token', tokens.observer!]);
    expect([unnamed.code, unnamed.err.split('\n')[0]]).toEqual([
      2,
      'parley: --server needs --token and a case id: the case is checked as you see it',
    ]);
  });
});
