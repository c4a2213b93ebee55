import type { Migration } from 'kysely';
import * as casesAndRecords from './0001-cases-and-records.ts';
import * as accounts from './0002-accounts.ts';
import * as auditLog from './0003-audit-log.ts';
import * as signing from './0004-signing-keys-and-initials.ts';
import * as checkpoints from './0005-checkpoints.ts';
import * as writeNotices from './0006-write-notices.ts';

/**
 * Every migration, in order. The same SQL runs on PGlite and PostgreSQL; Kysely records the
 * ones applied in its migration table. A migration, once released, is never edited: add one.
 */
export const migrations: Record<string, Migration> = {
  '0001-cases-and-records': casesAndRecords,
  '0002-accounts': accounts,
  '0003-audit-log': auditLog,
  '0004-signing-keys-and-initials': signing,
  '0005-checkpoints': checkpoints,
  '0006-write-notices': writeNotices,
};
