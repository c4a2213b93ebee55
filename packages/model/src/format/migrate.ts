import { caseMigrations, type CaseMigration, type RawCaseRecords } from './migrations.ts';

export type MigrationResult =
  | {
      /** The records in the current format, without `formatVersion`. */
      records: RawCaseRecords;
      /** The version the case was written in. */
      from: number;
    }
  | { problem: { code: 'invalid-value' | 'format-too-new'; message: string } };

/**
 * Brings raw case records (a Case-shaped object with an optional `formatVersion`, as a case
 * folder or a JSON body gives them) up to the current format. A missing `formatVersion` means
 * version 1, the format before versions were written down. A case newer than this Parley is
 * refused: its records may mean something this version cannot know.
 */
export function migrateCase(
  input: RawCaseRecords,
  migrations: readonly CaseMigration[] = caseMigrations,
): MigrationResult {
  const latest = migrations.at(-1)?.to ?? 1;
  const { formatVersion = 1, ...records } = input;
  if (typeof formatVersion !== 'number' || !Number.isInteger(formatVersion) || formatVersion < 1) {
    return {
      problem: {
        code: 'invalid-value',
        message: `must be a whole number from 1 to ${latest} (the case format version)`,
      },
    };
  }
  if (formatVersion > latest) {
    return {
      problem: {
        code: 'format-too-new',
        message: `the case is in format version ${formatVersion}, newer than this Parley reads (1 to ${latest}): update Parley to open it`,
      },
    };
  }
  let migrated: RawCaseRecords = records;
  for (const step of migrations) {
    if (step.from >= formatVersion) migrated = step.migrate(migrated);
  }
  return { records: migrated, from: formatVersion };
}
