import type { ColumnType, Generated } from 'kysely';

/** The database's tables, as Kysely sees them; migrations/ creates them. */
export interface Tables {
  cases: CasesTable;
  case_records: CaseRecordsTable;
  releases: ReleasesTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  memberships: MembershipsTable;
  setup_links: SetupLinksTable;
  audit_entries: AuditEntriesTable;
  signing_keys: SigningKeysTable;
  initials: InitialsTable;
}

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface CasesTable {
  id: string;
  /** Bumped by every write to the case, so a cached view of it knows it is stale. */
  revision: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
}

export interface CaseRecordsTable {
  case_id: string;
  kind: string;
  record_id: string;
  position: number;
  visibility: string;
  version: number;
  /** JSON text as written, so its keys come back in their order: export is byte-stable. */
  body: ColumnType<unknown, string, string>;
  updated_at: Timestamp;
}

export interface ReleasesTable {
  id: Generated<number>;
  case_id: string;
  kind: string;
  record_id: string;
  from_visibility: string;
  to_visibility: string;
  released_by: string;
  released_at: Timestamp;
}

export interface UsersTable {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  is_admin: boolean;
  created_at: Timestamp;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: Timestamp;
  revoked_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface MembershipsTable {
  case_id: string;
  user_id: string;
  role: string;
  /** The party actor a delegation member belongs to; null for every other role. */
  party: string | null;
}

export interface SetupLinksTable {
  token_hash: string;
  expires_at: Timestamp;
  used_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface AuditEntriesTable {
  case_id: string;
  seq: ColumnType<number, number, never>;
  /** ISO 8601 with milliseconds, as hashed: a timestamp column would round-trip differently. */
  at: string;
  user_id: string | null;
  roles: string;
  action: string;
  target: string;
  visibility: string;
  payload: ColumnType<unknown, string | null, never>;
  payload_hash: string;
  prev_hash: string;
  entry_hash: string;
}

export interface SigningKeysTable {
  id: string;
  user_id: string;
  name: string;
  /** SPKI PEM of an Ed25519 key. */
  public_key: string;
  fingerprint: string;
  created_at: Timestamp;
  retired_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface InitialsTable {
  case_id: string;
  document_id: string;
  version_id: string;
  user_id: string;
  /** The party the head of delegation speaks for. */
  party: string | null;
  key_id: string;
  /** The version digest signed (hex SHA-256 of its canonical payload). */
  digest: string;
  /** Base64 Ed25519 signature over the digest's hex text. */
  signature: string;
  created_at: Timestamp;
}
