/**
 * The case format's versions and how to move a case from each to the next, in the manner of
 * tldraw's record migrations: every change to the shape of the records adds one migration here,
 * and a case written by any earlier Parley is brought up to date before it is checked.
 *
 * A migration works on the raw records, keyed as in `Case` (`meta`, `actors`, `drafts`, …) and
 * not yet checked against the schemas, so it must expect anything and change only what it names.
 */
export type RawCaseRecords = Readonly<Record<string, unknown>>;

export interface CaseMigration {
  from: number;
  to: number;
  /** What changed, for people reading a changelog or a migration report. */
  description: string;
  /** Pure: returns the records in the `to` format and never changes its argument. */
  migrate: (records: RawCaseRecords) => RawCaseRecords;
}

export const caseMigrations: readonly CaseMigration[] = [
  {
    from: 1,
    to: 2,
    description:
      'case.yaml states the format version (formatVersion: 2); a case without it is version 1. The records are unchanged.',
    migrate: (records) => records,
  },
];

/** The format this Parley writes and reads natively. */
export const currentFormatVersion: number = caseMigrations.at(-1)?.to ?? 1;
