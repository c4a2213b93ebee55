import { describe, expect, it } from 'vitest';
import type { Proposal } from '@parley/model/schema/conduct.ts';
import { loadTestCase } from '@parley/case-files/cases.test-support.ts';
import { createUser } from '../accounts/users.ts';
import { listMessages } from '../conduct/messages.ts';
import { listProposals } from '../conduct/proposals.ts';
import { membersOf } from '../members.ts';
import { engines, useTestDatabase } from '../test-databases.test-support.ts';
import { replayCase } from './replay-case.ts';

const mediation = { mediation: true, parties: [] };
const party = (p: string) => ({ mediation: false, parties: [p] });
const states = (records: { body: unknown }[]) =>
  records.map((r) => `${(r.body as Proposal).tabledBy}:${(r.body as Proposal).state}`);

describe.each(engines)('replaying a case into the store on $name', (engine) => {
  const database = useTestDatabase(engine);

  it('turns the embedded case into plenary history and packages, each superseding its tabler’s last', async () => {
    const db = database();
    const trainer = await createUser(db, {
      email: 'trainer@example.org',
      displayName: 'Trainer',
      passwordHash: 'unused',
      isAdmin: false,
    });
    const { caseId, steps } = await replayCase(db, await loadTestCase('embedded'), {
      trainer: 'trainer@example.org',
    });
    expect(caseId).toBe('istanbul-2022-replay');
    expect(steps).toHaveLength(77);

    const plenaryMessages = await listMessages(db, caseId, party('ua'), 'plenary');
    // 47 events, 9 rounds, 5 versions and 7 answers are messages; the 9 packages are proposals.
    expect(plenaryMessages).toHaveLength(68);
    expect((plenaryMessages[0]!.body as { text: string }).text).toBe(
      '2021-12-17 — Outside the talks: Russia hands the United States a draft on mutual security guarantees [s5]',
    );
    const proposals = await listProposals(db, caseId, party('ru'), 'plenary');
    expect(states(proposals)).toEqual([
      'ua:superseded',
      'ua:superseded',
      'ru:superseded',
      'ua:superseded',
      'ua:superseded',
      'ua:superseded',
      'ru:superseded',
      // The last packages of 15 April stand: each side's latest.
      'ru:tabled',
      'ua:tabled',
    ]);
    const members = await membersOf(db, caseId);
    expect(members.filter((m) => m.userId === trainer.id).map((m) => [m.role, m.party])).toEqual([
      ['mediator-lead', null],
    ]);
  }, 120_000);

  it('carries a move made in a shuttle round to the other caucus, which never sees the original', async () => {
    const db = database();
    const c = await loadTestCase('embedded');
    const shuttled = {
      ...c,
      rounds: c.rounds.map((r) => (r.date === '2022-03-29' ? { ...r, format: 'shuttle' as const } : r)),
    };
    const { caseId } = await replayCase(db, shuttled, { caseId: 'shuttle-replay' });
    const uaCaucus = await listProposals(db, caseId, party('ua'), 'ua');
    const ruCaucus = await listProposals(db, caseId, party('ru'), 'ru');
    // Each side tabled one package in its own caucus, and the team carried the other's in.
    expect(states(uaCaucus)).toEqual(['ua:tabled', 'ru:tabled']);
    // Ukraine moved first that day: its package reached Russia's caucus before Russia tabled.
    expect(states(ruCaucus)).toEqual(['ua:tabled', 'ru:tabled']);
    const originalOfUa = uaCaucus[0]!.id;
    expect(ruCaucus.map((r) => r.id)).not.toContain(originalOfUa);
    await expect(listProposals(db, caseId, party('ru'), 'ua')).rejects.toThrow('no channel "ua"');
    expect(await listProposals(db, caseId, mediation, 'ua')).toHaveLength(2);
  }, 120_000);
});
