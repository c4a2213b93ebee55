import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isParleyError } from '@parley/model/errors.ts';
import { databaseLocationFrom, describeLocation } from './database-location.ts';

const url = 'postgres://parley:secret@db.example:5432/parley';

describe('databaseLocationFrom', () => {
  it('takes --data, else PARLEY_DATA, else ./.parley/data', () => {
    expect(databaseLocationFrom({ data: 'here' }, { PARLEY_DATA: 'there' })).toEqual({ dataDir: 'here' });
    expect(databaseLocationFrom({}, { PARLEY_DATA: 'there' })).toEqual({ dataDir: 'there' });
    expect(databaseLocationFrom({}, { PARLEY_DATA: '' })).toEqual({ dataDir: path.join('.parley', 'data') });
    expect(databaseLocationFrom({}, {})).toEqual({ dataDir: path.join('.parley', 'data') });
  });

  it('takes PostgreSQL when DATABASE_URL is set, over PARLEY_DATA', () => {
    expect(databaseLocationFrom({}, { DATABASE_URL: url, PARLEY_DATA: 'there' })).toEqual({ url });
    expect(describeLocation({ url })).toBe('the PostgreSQL database of DATABASE_URL');
  });

  it('refuses --data with DATABASE_URL as a usage error naming both', () => {
    let error: unknown;
    try {
      databaseLocationFrom({ data: 'here' }, { DATABASE_URL: url });
    } catch (e) {
      error = e;
    }
    expect(isParleyError(error, 'usage')).toBe(true);
    expect((error as Error).message).toBe(
      '--data names an embedded database folder, but DATABASE_URL is set and names a PostgreSQL server; use one of them',
    );
  });
});
