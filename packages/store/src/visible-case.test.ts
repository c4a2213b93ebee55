import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTestCase } from '@parley/case-files/cases.test-support.ts';
import { importCase } from './cases.ts';
import { createRecord, getRecord, listRecords, releaseRecord, type Writer } from './records.ts';
import { engines, useTestDatabase } from './test-databases.test-support.ts';
import { visibleCase } from './visible-case.ts';
import { everything, type Audience } from './visibility.ts';
import { errorOf } from './parley-error.test-support.ts';

const ua: Audience = { mediation: false, parties: ['ua'] };
const ru: Audience = { mediation: false, parties: ['ru'] };
const mediation: Audience = { mediation: true, parties: [] };
const observer: Audience = { mediation: false, parties: [] };
const keeper: Writer = { audience: everything, userId: 'keeper' };
const ruHead: Writer = { audience: ru, userId: 'ru-head' };
const mediator: Writer = { audience: mediation, userId: 'mediator-lead' };

/** An issue of the embedded case's shape, citing one of its sources. */
const issue = (id: string) => ({
  id,
  title: `Issue ${id}`,
  kind: 'boolean',
  category: 'neutrality',
  sources: ['s2'],
});

describe.each(engines)('what each audience sees on $name', (engine) => {
  const database = useTestDatabase(engine);
  const id = 'istanbul-2022';
  const sees = async (audience: Audience, kind: 'issue' | 'position', recordId: string) =>
    (await visibleCase(database(), id, audience))!.records.some((r) => r.kind === kind && r.id === recordId);

  beforeAll(async () => {
    await importCase(database(), await loadTestCase('embedded'));
  });

  it("keeps a party's stakeholder model to that party", async () => {
    const stakeholders = async (audience: Audience) =>
      (await listRecords(database(), id, audience, 'stakeholder')).map((r) => r.id);
    expect(await stakeholders(ua)).toEqual(['ua', 'us', 'uk', 'fr', 'de', 'cn', 'tr']);
    expect(await stakeholders(ru)).toEqual(['ru', 'us', 'uk', 'fr', 'de', 'cn', 'tr']);
    const hidden = await errorOf(getRecord(database(), id, ua, 'stakeholder', 'ru'));
    expect([hidden.code, hidden.message]).toEqual([
      'not-found',
      'no stakeholder "ru" in case "istanbul-2022"',
    ]);
    expect((await getRecord(database(), id, ru, 'stakeholder', 'ru')).visibility).toBe('party:ru');
    const forUa = (await visibleCase(database(), id, ua))!.case.model!.stakeholders.map((s) => s.actor);
    expect(forUa).not.toContain('ru');
  });

  it("keeps a party's interaction terms inside its own model, out of every other audience's case", async () => {
    const interactionsOf = async (audience: Audience) =>
      (await visibleCase(database(), id, audience))!.case.model?.stakeholders.flatMap((s) =>
        (s.interactions ?? []).map((x) => `${s.actor}.${x.id}`),
      );
    expect(await interactionsOf(ua)).toEqual(['ua.neutral-under-a-veto', 'ua.neutral-without-force']);
    expect(await interactionsOf(ru)).toEqual([]);
    // Without a party's model there is no model to see at all (it needs a party).
    expect(await interactionsOf(mediation)).toBeUndefined();
    expect(await interactionsOf(observer)).toBeUndefined();
    // Stored with Ukraine's stakeholder record, not the model's shared one, and nowhere else.
    const stored = await database()
      .db.selectFrom('case_records')
      .select(['kind', 'record_id', 'visibility'])
      .where('case_id', '=', id)
      .where(sql<boolean>`body::text like '%neutral-under-a-veto%'`)
      .execute();
    expect(stored).toEqual([{ kind: 'stakeholder', record_id: 'ua', visibility: 'party:ua' }]);
    for (const audience of [ru, mediation, observer]) {
      const seen = (await visibleCase(database(), id, audience))!;
      expect(JSON.stringify(seen)).not.toContain('neutral-under-a-veto');
    }
  });

  it('shows a channel to the mediation team and that party only', async () => {
    await createRecord(database(), id, mediator, 'issue', {
      body: issue('caucus-ru'),
      visibility: 'channel:ru',
    });
    expect([
      await sees(mediation, 'issue', 'caucus-ru'),
      await sees(ru, 'issue', 'caucus-ru'),
      await sees(ua, 'issue', 'caucus-ru'),
      await sees(observer, 'issue', 'caucus-ru'),
    ]).toEqual([true, true, false, false]);
  });

  it('releases only to a wider audience, and records each release', async () => {
    const note = await createRecord(database(), id, ruHead, 'issue', {
      body: issue('ru-note'),
      visibility: 'party:ru',
    });
    expect([note.visibility, await sees(mediation, 'issue', 'ru-note')]).toEqual(['party:ru', false]);
    const toChannel = await releaseRecord(database(), id, ruHead, 'issue', 'ru-note', 'channel:ru', 1);
    expect([toChannel.visibility, toChannel.version]).toEqual(['channel:ru', 2]);
    expect([await sees(mediation, 'issue', 'ru-note'), await sees(ua, 'issue', 'ru-note')]).toEqual([
      true,
      false,
    ]);
    const toCase = await releaseRecord(database(), id, mediator, 'issue', 'ru-note', 'case', 2);
    expect([toCase.visibility, toCase.version, await sees(ua, 'issue', 'ru-note')]).toEqual([
      'case',
      3,
      true,
    ]);

    await createRecord(database(), id, mediator, 'issue', {
      body: issue('channel-note'),
      visibility: 'channel:ru',
    });
    const narrowing = await errorOf(
      releaseRecord(database(), id, mediator, 'issue', 'channel-note', 'party:ru', 1),
    );
    expect([narrowing.code, narrowing.message]).toEqual([
      'invalid-input',
      'a release widens who sees a record; party:ru does not include everyone who sees channel:ru',
    ]);
    expect((await getRecord(database(), id, everything, 'issue', 'channel-note')).visibility).toBe(
      'channel:ru',
    );

    const releases = await database()
      .db.selectFrom('releases')
      .select(['kind', 'record_id', 'from_visibility', 'to_visibility', 'released_by'])
      .where('case_id', '=', id)
      .orderBy('id')
      .execute();
    expect(releases).toEqual([
      {
        kind: 'issue',
        record_id: 'ru-note',
        from_visibility: 'party:ru',
        to_visibility: 'channel:ru',
        released_by: 'ru-head',
      },
      {
        kind: 'issue',
        record_id: 'ru-note',
        from_visibility: 'channel:ru',
        to_visibility: 'case',
        released_by: 'mediator-lead',
      },
    ]);
  });

  it('drops a public position on an issue hidden from the viewer', async () => {
    await createRecord(database(), id, keeper, 'issue', { body: issue('ru-only'), visibility: 'party:ru' });
    const onHidden = {
      id: 'ru-on-ru-only',
      party: 'ru',
      issue: 'ru-only',
      date: '2022-03-29',
      value: true,
      status: 'proposed',
      confidence: 'high',
      sources: ['s2'],
    };
    const stored = await createRecord(database(), id, keeper, 'position', { body: onHidden });
    expect(stored.visibility).toBe('case');
    expect([await sees(ru, 'position', 'ru-on-ru-only'), await sees(ru, 'issue', 'ru-only')]).toEqual([
      true,
      true,
    ]);
    expect([await sees(ua, 'position', 'ru-on-ru-only'), await sees(ua, 'issue', 'ru-only')]).toEqual([
      false,
      false,
    ]);
    expect(await sees(mediation, 'position', 'ru-on-ru-only')).toBe(false);
    const notFound = await errorOf(getRecord(database(), id, ua, 'position', 'ru-on-ru-only'));
    expect(notFound.message).toBe('no position "ru-on-ru-only" in case "istanbul-2022"');
    const forUa = (await visibleCase(database(), id, ua))!.case;
    expect(forUa.positions.length).toBe(80);
  });
});
