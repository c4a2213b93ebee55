import { describe, expect, it } from 'vitest';
import { migrateCase } from './migrate.ts';
import { caseMigrations, currentFormatVersion, type CaseMigration } from './migrations.ts';

describe('the migration registry', () => {
  it('is one chain from version 1 to the current version, each step described', () => {
    expect(caseMigrations.map((m) => [m.from, m.to])).toEqual(
      Array.from({ length: currentFormatVersion - 1 }, (_, k) => [k + 1, k + 2]),
    );
    for (const m of caseMigrations) expect(m.description.length).toBeGreaterThan(20);
    expect(currentFormatVersion).toBe(2);
  });

  it('leaves the records of a version-1 case as they were: version 2 only states the version', () => {
    const records = { meta: { id: 'x' }, actors: [{ id: 'a' }] };
    expect(caseMigrations[0]!.migrate(records)).toEqual(records);
  });
});

describe('migrateCase', () => {
  const records = { meta: { id: 'river-accord' }, actors: [{ id: 'north' }] };

  it('reads a case without formatVersion as version 1 and returns its records without the field', () => {
    expect(migrateCase(records)).toEqual({ records, from: 1 });
    expect(migrateCase({ formatVersion: 2, ...records })).toEqual({ records, from: 2 });
  });

  it('applies each migration from the case’s version on, in order, without changing its input', () => {
    const step = (from: number, field: string): CaseMigration => ({
      from,
      to: from + 1,
      description: `adds ${field}`,
      migrate: (r) => ({ ...r, trail: [...((r.trail as string[] | undefined) ?? []), field] }),
    });
    const registry = [step(1, 'a'), step(2, 'b'), step(3, 'c')];
    const input = Object.freeze({ formatVersion: 2, ...records });
    expect(migrateCase(input, registry)).toEqual({ records: { ...records, trail: ['b', 'c'] }, from: 2 });
    expect(migrateCase(records, registry)).toEqual({
      records: { ...records, trail: ['a', 'b', 'c'] },
      from: 1,
    });
    expect(migrateCase({ ...records, formatVersion: 4 }, registry)).toEqual({ records, from: 4 });
    expect(input).toEqual({ formatVersion: 2, ...records });
  });

  it('refuses a case newer than this Parley, and a version that is not a whole number', () => {
    expect(migrateCase({ formatVersion: currentFormatVersion + 1, ...records })).toEqual({
      problem: {
        code: 'format-too-new',
        message: `the case is in format version ${currentFormatVersion + 1}, newer than this Parley reads (1 to ${currentFormatVersion}): update Parley to open it`,
      },
    });
    for (const bad of [0, 1.5, '2', null]) {
      expect(migrateCase({ formatVersion: bad, ...records })).toEqual({
        problem: {
          code: 'invalid-value',
          message: `must be a whole number from 1 to ${currentFormatVersion} (the case format version)`,
        },
      });
    }
  });
});
