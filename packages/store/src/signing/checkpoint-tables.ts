import type { ColumnType } from 'kysely';

/**
 * The tables migration 0005 adds, as Kysely sees them. Kept beside the code that uses them
 * (`db.withTables<CheckpointTables>()`) rather than in tables.ts.
 */
export type CheckpointTables = {
  audit_checkpoints: {
    case_id: string;
    entries: ColumnType<number, number, never>;
    head_hash: string;
    /** ISO 8601 with milliseconds, as signed. */
    at: string;
    key_fingerprint: string;
    /** SPKI PEM of the Ed25519 key that signed it. */
    public_key: string;
    /** Base64 Ed25519 signature over the hex digest of the checkpoint's statement. */
    signature: string;
  };
  server_keys: {
    id: string;
    public_key: string;
    /** PKCS#8 PEM. */
    private_key: string;
    created_at: ColumnType<Date, Date | string | undefined, never>;
  };
};
