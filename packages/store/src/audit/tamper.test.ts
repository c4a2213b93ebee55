// The audit log against someone who can write to the database directly (its owner, switching
// the append-only triggers off): a changed payload, a deleted entry, two entries swapped, an
// inserted entry and a cut tail are each detected in every generated case, on both engines; so
// are a tail cut below a server-signed checkpoint, a log re-hashed before one, and a forged one.
import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { sql, type Transaction } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCase } from '@parley/case-files/load.ts';
import { createUser } from '../accounts/users.ts';
import { importCase } from '../cases.ts';
import { grantRole } from '../members.ts';
import { createRecord, releaseRecord, updateRecord } from '../records.ts';
import type { Tables } from '../tables.ts';
import { engines, useTestDatabase } from '../test-databases.test-support.ts';
import { everything } from '../visibility.ts';
import { serverKeyOf, type ServerKey } from '../signing/server-key.ts';
import { fingerprintOf } from '../signing/version-digest.ts';
import {
  GENESIS_HASH,
  entryHashOf,
  payloadHashOf,
  verifyChain,
  type AuditEntry,
  type Checkpoint,
} from './audit-chain.ts';
import type { CheckpointTables } from '../signing/checkpoint-tables.ts';
import { createCheckpoint, listCheckpoints } from '../signing/checkpoints.ts';
import { readAudit } from './read-audit.ts';
import { signCheckpoint, verifyAudit, type AuditCheck } from '../signing/signed-checkpoint.ts';

const riverDir = fileURLToPath(new URL('../../../case-files/fixtures/river-deals', import.meta.url));
const CASE = 'river-accord';
const RUNS = Number(process.env.PARLEY_TAMPER_RUNS ?? 1000);
const ROLLBACK = new Error('rollback');

describe.each(engines)('audit log on $name', (engine) => {
  const database = useTestDatabase(engine);
  let checkpoint: Checkpoint;
  let entries = 0;
  /** The server's checkpoints, signed at entries 4 and 10. */
  let signed: Checkpoint[];
  let trusted: ReadonlySet<string>;

  beforeAll(async () => {
    const db = database();
    const river = (await loadCase(riverDir)).caseData!;
    await importCase(db, river);
    const keeper = { audience: everything, userId: null };
    const actor = river.actors[0]!;
    const serverKey = await serverKeyOf(db);
    trusted = new Set([serverKey.fingerprint]);
    for (let i = 0; i < 6; i++) {
      await createRecord(db, CASE, keeper, 'actor', {
        body: { ...actor, id: `delegate-${i}`, name: `Delegate ${i}` },
        visibility: 'channel:north',
      });
      if (i === 2) await createCheckpoint(db, CASE, serverKey, new Date('2026-12-01T10:00:00Z'));
    }
    await updateRecord(
      db,
      CASE,
      keeper,
      'actor',
      'delegate-0',
      { body: { ...actor, id: 'delegate-0', name: 'Renamed' } },
      1,
    );
    await releaseRecord(db, CASE, keeper, 'actor', 'delegate-1', 'case', 1);
    const user = await createUser(db, {
      email: 'head@example.org',
      displayName: 'Head',
      passwordHash: 'unused',
      isAdmin: false,
    });
    await grantRole(db, CASE, user.id, { role: 'delegation-head', party: 'north' });
    const log = await readAudit(db, CASE, everything);
    const check = verifyChain(log);
    expect(check).toEqual({ ok: true, entries: 10, headHash: log.at(-1)!.entryHash });
    entries = 10;
    checkpoint = { entries, headHash: log.at(-1)!.entryHash };
    await createCheckpoint(db, CASE, serverKey, new Date('2026-12-01T11:00:00Z'));
    signed = (await listCheckpoints(db, CASE)).map((c) => ({ entries: c.entries, headHash: c.headHash }));
    expect(signed).toEqual([
      { entries: 4, headHash: log[3]!.entryHash },
      { entries: 10, headHash: checkpoint.headHash },
    ]);
    expect(verifyAudit(CASE, log, await listCheckpoints(db, CASE), { trusted })).toEqual({
      ok: true,
      entries: 10,
      headHash: checkpoint.headHash,
      checkpoints: 2,
    });
  }, 120_000);

  it('records every change: import, creates, update, release, membership', async () => {
    const log = await readAudit(database(), CASE, everything);
    expect(log.map((e) => ('action' in e ? `${e.action} ${e.target}` : '?'))).toEqual([
      'case.import case',
      ...Array.from({ length: 6 }, (_, i) => `record.create actor/delegate-${i}`),
      'record.update actor/delegate-0',
      'record.release actor/delegate-1',
      expect.stringMatching(/^member\.grant member\/.+\/delegation-head$/),
    ]);
    expect(log[0]!.prevHash).toBe(GENESIS_HASH);
  });

  it('seals, for a reader, the entries about records they may not see', async () => {
    const south = await readAudit(database(), CASE, { mediation: false, parties: ['south'] });
    // The six creations and the update were written in north's channel; an entry keeps the
    // visibility its change had (the release, entry 9, is the case's).
    const sealed = south.filter((e) => !('action' in e)).map((e) => e.seq);
    expect(sealed).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(verifyChain(south)).toEqual({ ok: true, entries: 10, headHash: checkpoint.headHash });
    expect(JSON.stringify(south.filter((e) => !('action' in e)))).not.toContain('delegate');
  });

  it('refuses UPDATE, DELETE and TRUNCATE on the log', async () => {
    const db = database().db;
    await expect(sql`update audit_entries set action = 'x'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_entries`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_entries`.execute(db)).rejects.toThrow(/append-only/);
    expect(verifyChain(await readAudit(database(), CASE, everything), checkpoint).ok).toBe(true);
  });

  it('refuses UPDATE, DELETE and TRUNCATE on the signed checkpoints and the server key', async () => {
    const db = database().db;
    for (const table of ['audit_checkpoints', 'server_keys']) {
      await expect(sql`update ${sql.table(table)} set public_key = 'x'`.execute(db)).rejects.toThrow(
        `${table} is append-only: UPDATE is refused`,
      );
      await expect(sql`delete from ${sql.table(table)}`.execute(db)).rejects.toThrow(/append-only/);
      await expect(sql`truncate ${sql.table(table)}`.execute(db)).rejects.toThrow(/append-only/);
    }
    expect(await listCheckpoints(database(), CASE)).toHaveLength(2);
  });

  /**
   * Tampers inside a transaction with the triggers off, checks the log and the server's signed
   * checkpoints (and the kept checkpoint, unless told not to), and rolls everything back.
   */
  const detected = async (
    tamper: (trx: Transaction<Tables>) => Promise<void>,
    options: { kept?: boolean } = {},
  ) => {
    let result: AuditCheck | undefined;
    await database()
      .db.transaction()
      .execute(async (trx) => {
        await sql`set local session_replication_role = replica`.execute(trx);
        await tamper(trx);
        result = verifyAudit(
          CASE,
          await readAudit({ db: trx }, CASE, everything),
          await listCheckpoints({ db: trx }, CASE),
          { trusted, ...((options.kept ?? true) ? { kept: checkpoint } : {}) },
        );
        throw ROLLBACK;
      })
      .catch((error: unknown) => {
        if (error !== ROLLBACK) throw error;
      });
    return result!;
  };
  const seq = () => fc.integer({ min: 1, max: 10 });
  const where = (trx: Transaction<Tables>) => trx.updateTable('audit_entries').where('case_id', '=', CASE);

  it(`detects a changed payload (${RUNS} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(seq(), fc.jsonValue(), async (n, value) => {
        const result = await detected(async (trx) => {
          await where(trx)
            .set({ payload: sql`${JSON.stringify({ forged: value })}::json` } as never)
            .where('seq', '=', n)
            .execute();
        });
        expect(result).toMatchObject({ ok: false, seq: n });
      }),
      { numRuns: RUNS, seed: 13 },
    );
  }, 300_000);

  it(`detects a deleted entry (${RUNS} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(seq(), async (n) => {
        const result = await detected(async (trx) => {
          await trx.deleteFrom('audit_entries').where('case_id', '=', CASE).where('seq', '=', n).execute();
        });
        expect(result.ok).toBe(false);
      }),
      { numRuns: RUNS, seed: 17 },
    );
  }, 300_000);

  it(`detects two entries swapped (${RUNS} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(seq(), seq(), async (a, b) => {
        fc.pre(a !== b);
        const result = await detected(async (trx) => {
          await where(trx)
            .set({ seq: 1_000_000 } as never)
            .where('seq', '=', a)
            .execute();
          await where(trx)
            .set({ seq: a } as never)
            .where('seq', '=', b)
            .execute();
          await where(trx)
            .set({ seq: b } as never)
            .where('seq', '=', 1_000_000)
            .execute();
        });
        expect(result).toMatchObject({ ok: false, seq: Math.min(a, b) });
      }),
      { numRuns: RUNS, seed: 19 },
    );
  }, 300_000);

  it(`detects an inserted entry, hashed as the forger would (${RUNS} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(seq(), fc.jsonValue(), fc.string({ maxLength: 40 }), async (n, payload, target) => {
        const result = await detected(async (trx) => {
          // Make room at n, then forge an entry there chained to the one before it.
          await where(trx)
            .set({ seq: sql`seq + 1000000` } as never)
            .where('seq', '>=', n)
            .execute();
          await where(trx)
            .set({ seq: sql`seq - 999999` } as never)
            .where('seq', '>=', 1_000_000)
            .execute();
          const before = await trx
            .selectFrom('audit_entries')
            .select('entry_hash')
            .where('case_id', '=', CASE)
            .where('seq', '=', n - 1)
            .executeTakeFirst();
          const forged = {
            caseId: CASE,
            seq: n,
            at: new Date(0).toISOString(),
            userId: null,
            roles: 'keeper',
            action: 'record.update',
            target,
            visibility: 'case',
            payloadHash: payloadHashOf(payload),
            prevHash: before?.entry_hash ?? GENESIS_HASH,
          };
          await trx
            .insertInto('audit_entries')
            .values({
              case_id: CASE,
              seq: n,
              at: forged.at,
              user_id: null,
              roles: forged.roles,
              action: forged.action,
              target,
              visibility: 'case',
              payload: JSON.stringify(payload ?? null),
              payload_hash: forged.payloadHash,
              prev_hash: forged.prevHash,
              entry_hash: entryHashOf(forged),
            })
            .execute();
        });
        // The entry after the forged one no longer follows it; when the forged one takes the last
        // place, the checkpoint's head is no longer the entry it names.
        expect(result).toMatchObject({ ok: false, seq: n === 10 ? 10 : n + 1 });
      }),
      { numRuns: RUNS, seed: 23 },
    );
  }, 300_000);

  it(`detects a cut tail against a kept checkpoint (${RUNS} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(seq(), async (from) => {
        const result = await detected(async (trx) => {
          await trx
            .deleteFrom('audit_entries')
            .where('case_id', '=', CASE)
            .where('seq', '>=', from)
            .execute();
        });
        expect(result).toMatchObject({ ok: false, seq: from });
      }),
      { numRuns: RUNS, seed: 29 },
    );
  }, 300_000);

  /** The signed checkpoint that covers entry n: the first at or after it. */
  const covering = (n: number) => signed.find((c) => c.entries >= n)!;

  it(`detects a tail cut below a signed checkpoint, with no head kept by anyone (${RUNS} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(seq(), async (from) => {
        const result = await detected(
          async (trx) => {
            await trx
              .deleteFrom('audit_entries')
              .where('case_id', '=', CASE)
              .where('seq', '>=', from)
              .execute();
          },
          { kept: false },
        );
        expect(result).toMatchObject({ ok: false, seq: from, checkpoint: covering(from) });
        expect(result.ok === false && result.problem).toMatch(/its tail was cut$/);
      }),
      { numRuns: RUNS, seed: 31 },
    );
  }, 900_000);

  it(`detects a log rewritten and re-hashed before a signed checkpoint (${RUNS} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(seq(), fc.jsonValue(), async (n, value) => {
        const result = await detected(
          async (trx) => {
            // The forger changes entry n and re-chains every entry after it: the chain holds.
            const log = (await readAudit({ db: trx }, CASE, everything)) as AuditEntry[];
            let prevHash = log[n - 2]?.entryHash ?? GENESIS_HASH;
            for (const entry of log.slice(n - 1)) {
              const payload = entry.seq === n ? { forged: value } : entry.payload;
              const fields = { ...entry, payloadHash: payloadHashOf(payload), prevHash };
              prevHash = entryHashOf(fields);
              await where(trx)
                .set({
                  payload: sql`${JSON.stringify(payload ?? null)}::json`,
                  payload_hash: fields.payloadHash,
                  prev_hash: fields.prevHash,
                  entry_hash: prevHash,
                } as never)
                .where('seq', '=', entry.seq)
                .execute();
            }
          },
          { kept: false },
        );
        const by = covering(n);
        expect(result).toMatchObject({ ok: false, seq: by.entries, checkpoint: by });
        expect(result.ok === false && result.problem).toMatch(/the log up to it was rewritten$/);
      }),
      { numRuns: RUNS, seed: 37 },
    );
  }, 900_000);

  const foreign = generateKeyPairSync('ed25519', {
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  const forgerKey: ServerKey = {
    fingerprint: fingerprintOf(foreign.publicKey),
    publicKey: foreign.publicKey,
    privateKey: createPrivateKey(foreign.privateKey),
    kept: 'file',
  };
  const forgery = fc.oneof(
    fc.record({
      signature: fc
        .uint8Array({ minLength: 64, maxLength: 64 })
        .map((b) => Buffer.from(b).toString('base64')),
    }),
    fc.record({ entries: fc.integer({ min: 11, max: 1_000_000 }) }),
    fc.record({ head_hash: fc.stringMatching(/^[0-9a-f]{64}$/) }),
    fc.record({
      at: fc
        .date({ min: new Date(0), max: new Date('2100-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString()),
    }),
    // Signed anew, and correctly, by a key that is not the server's.
    fc.constant('re-signed' as const),
  );

  it(`detects a forged or altered signed checkpoint (${RUNS} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(4, 10), forgery, async (at, change) => {
        let forgedEntries: number = at;
        const result = await detected(
          async (trx) => {
            const row = trx
              .withTables<CheckpointTables>()
              .updateTable('audit_checkpoints')
              .where('case_id', '=', CASE)
              .where('entries', '=', at);
            if (change === 're-signed') {
              const c = signCheckpoint(
                { caseId: CASE, entries: at, headHash: covering(at).headHash },
                forgerKey,
                new Date(),
              );
              await row
                .set({
                  at: c.at,
                  key_fingerprint: c.keyFingerprint,
                  public_key: c.publicKey,
                  signature: c.signature,
                })
                .execute();
            } else {
              forgedEntries = 'entries' in change ? change.entries : at;
              await row.set(change as never).execute();
            }
          },
          { kept: false },
        );
        expect(result).toMatchObject({
          ok: false,
          seq: forgedEntries,
          checkpoint: { entries: forgedEntries },
        });
        const problem = result.ok === false ? result.problem : '';
        if (change === 're-signed')
          expect(problem).toBe(
            `the signed checkpoint at entry ${at}: it is signed by ${forgerKey.fingerprint}, which is not the server's key`,
          );
        else
          expect(problem).toBe(
            `the signed checkpoint at entry ${forgedEntries}: its signature does not hold: it was forged or altered`,
          );
      }),
      { numRuns: RUNS, seed: 41 },
    );
  }, 900_000);
});
