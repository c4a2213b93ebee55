import { describe, expect, it } from 'vitest';
import type { Case } from '@parley/model/case.ts';
import type { ParleyError } from '@parley/model/errors.ts';
import { loadTestCase } from '@parley/case-files/cases.test-support.ts';
import { importCase } from './cases.ts';
import { createRecord, deleteRecord, getRecord, listRecords, updateRecord, type Writer } from './records.ts';
import { engines, useTestDatabase } from './test-databases.test-support.ts';
import { everything } from './visibility.ts';
import { errorOf } from './parley-error.test-support.ts';

const keeper: Writer = { audience: everything, userId: 'keeper' };
const south: Writer = { audience: { mediation: false, parties: ['south'] }, userId: 'south-head' };

/** An issue of the minimal case's shape, citing one of its sources. */
const issue = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  title: `Issue ${id}`,
  kind: 'boolean',
  category: 'economic',
  sources: ['report-a'],
  ...extra,
});
const position = (id: string, issueId: string) => ({
  id,
  party: 'south',
  issue: issueId,
  date: '2030-02-20',
  value: true,
  status: 'proposed',
  confidence: 'high',
  sources: ['report-a'],
});

const summary = (e: ParleyError) => ({
  code: e.code,
  message: e.message,
  diagnostics: e.diagnostics.map((d) => `${d.code} ${d.path}: ${d.message}`),
});

describe.each(engines)('records on $name', (engine) => {
  const database = useTestDatabase(engine);
  let minimal: Case;
  /** Stores the minimal fixture case under `id`. */
  const storeCase = async (id: string) => {
    minimal ??= await loadTestCase('minimal');
    await importCase(database(), { ...minimal, meta: { ...minimal.meta, id } });
    return id;
  };

  it('creates, updates and deletes a record, each write a new version', async () => {
    const id = await storeCase('crud');
    const created = await createRecord(database(), id, keeper, 'issue', { body: issue('water-quality') });
    expect(created).toEqual({
      kind: 'issue',
      id: 'water-quality',
      position: 4,
      visibility: 'case',
      version: 1,
      body: issue('water-quality'),
    });
    expect(await getRecord(database(), id, south.audience, 'issue', 'water-quality')).toEqual(created);

    const updated = await updateRecord(
      database(),
      id,
      keeper,
      'issue',
      'water-quality',
      { body: issue('water-quality', { title: 'Quality of the water' }) },
      1,
    );
    expect([updated.version, (updated.body as { title: string }).title]).toEqual([2, 'Quality of the water']);
    expect((await getRecord(database(), id, south.audience, 'issue', 'water-quality')).version).toBe(2);

    await deleteRecord(database(), id, keeper, 'issue', 'water-quality', 2);
    expect(
      summary(await errorOf(getRecord(database(), id, keeper.audience, 'issue', 'water-quality'))),
    ).toEqual({
      code: 'not-found',
      message: 'no issue "water-quality" in case "crud"',
      diagnostics: [],
    });
    expect((await listRecords(database(), id, keeper.audience, 'issue')).map((r) => r.id)).toEqual([
      'min-flow',
      'monitor',
      'guarantors',
      'dam-moratorium',
    ]);
  });

  it('refuses a write against a version that is no longer current', async () => {
    const id = await storeCase('stale');
    await updateRecord(
      database(),
      id,
      keeper,
      'issue',
      'monitor',
      { body: { ...minimal.issues[1], title: 'Monitoring' } },
      1,
    );
    const stale = { body: { ...minimal.issues[1], title: 'Who watches the river' } };
    expect(
      summary(await errorOf(updateRecord(database(), id, keeper, 'issue', 'monitor', stale, 1))),
    ).toEqual({
      code: 'conflict',
      message: 'the issue "monitor" is at version 2, not 1: reload it and apply your change again',
      diagnostics: ['stale-version If-Match: the current version is 2'],
    });
    expect((await errorOf(deleteRecord(database(), id, keeper, 'issue', 'dam-moratorium', 3))).code).toBe(
      'conflict',
    );
    const kept = await getRecord(database(), id, keeper.audience, 'issue', 'monitor');
    expect([kept.version, (kept.body as { title: string }).title]).toEqual([2, 'Monitoring']);
  });

  it('answers for a hidden record exactly as for a missing one', async () => {
    const id = await storeCase('hidden');
    await createRecord(database(), id, keeper, 'issue', { body: issue('secret'), visibility: 'party:north' });
    const hidden = summary(await errorOf(getRecord(database(), id, south.audience, 'issue', 'secret')));
    expect(hidden).toEqual({
      code: 'not-found',
      message: 'no issue "secret" in case "hidden"',
      diagnostics: [],
    });
    const missing = summary(await errorOf(getRecord(database(), id, south.audience, 'issue', 'nothing')));
    expect(missing.message.replace('nothing', 'secret')).toBe(hidden.message);
    expect(
      summary(
        await errorOf(updateRecord(database(), id, south, 'issue', 'secret', { body: issue('secret') }, 1)),
      ),
    ).toEqual(hidden);
    expect(summary(await errorOf(deleteRecord(database(), id, south, 'issue', 'secret', 1)))).toEqual(hidden);
    expect((await getRecord(database(), id, keeper.audience, 'issue', 'secret')).version).toBe(1);
  });

  it('refuses a body with an unknown field or a wrong type, at the field', async () => {
    const id = await storeCase('bad-body');
    const error = await errorOf(
      createRecord(database(), id, keeper, 'issue', {
        body: issue('colourful', { colour: 'red', title: 42 }),
      }),
    );
    expect(summary(error)).toEqual({
      code: 'invalid-input',
      message: 'the issue has 2 problem(s)',
      diagnostics: [
        "invalid-value title: expected text, got the number 42: write it in quotes ('42')",
        'unknown-field colour: unknown field',
      ],
    });
    expect((await listRecords(database(), id, keeper.audience, 'issue')).length).toBe(4);
  });

  it('refuses a position on a hidden issue as on an issue that does not exist', async () => {
    const withHidden = await storeCase('on-hidden');
    const without = await storeCase('on-missing');
    await createRecord(database(), withHidden, keeper, 'issue', {
      body: issue('secret'),
      visibility: 'party:north',
    });
    const hidden = summary(
      await errorOf(
        createRecord(database(), withHidden, south, 'position', { body: position('p1', 'secret') }),
      ),
    );
    const missing = summary(
      await errorOf(createRecord(database(), without, south, 'position', { body: position('p1', 'secret') })),
    );
    expect(hidden).toEqual({
      code: 'invalid-input',
      message: 'the position "p1" has 1 problem(s)',
      diagnostics: ['unknown-reference issue: unknown issue "secret"'],
    });
    expect(hidden).toEqual(missing);
  });

  it('refuses to delete an issue that positions still name', async () => {
    const id = await storeCase('referenced');
    expect(summary(await errorOf(deleteRecord(database(), id, keeper, 'issue', 'monitor', 1)))).toEqual({
      code: 'conflict',
      message:
        'the change would leave records of the case broken: positions[4].issue: unknown issue "monitor"; positions[5].issue: unknown issue "monitor"',
      diagnostics: [
        'unknown-reference positions[4].issue: unknown issue "monitor"',
        'unknown-reference positions[5].issue: unknown issue "monitor"',
      ],
    });
    expect((await getRecord(database(), id, keeper.audience, 'issue', 'monitor')).version).toBe(1);
  });
});
