import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/** The hash an entry's chain starts from. */
export const GENESIS_HASH = '0'.repeat(64);

/** One audit entry: who did what to which record of a case, chained to the entry before. */
export interface AuditEntry {
  caseId: string;
  seq: number;
  /** ISO 8601 with milliseconds. */
  at: string;
  userId: string | null;
  /** The roles the user acted in, comma-separated (`mediator-lead`), or `keeper` for the CLI. */
  roles: string;
  /** `record.create`, `record.update`, `record.delete`, `record.release`, `case.import`, `member.grant`, `member.revoke`, `case.delete`. */
  action: string;
  /** `<kind>/<id>` for a record, `member/<user>/<role>`, or `case`. */
  target: string;
  /** Who may read the entry in full; others see only its sequence number and hashes. */
  visibility: string;
  payload: unknown;
  payloadHash: string;
  prevHash: string;
  entryHash: string;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** RFC 8785 canonical JSON, so the same value always hashes the same, whatever its key order. */
export function canonicalJson(value: unknown): string {
  return canonicalize(value) ?? 'null';
}

export const payloadHashOf = (payload: unknown) => sha256(canonicalJson(payload ?? null));

/** The hash of an entry: every field but the payload itself (its hash stands for it) and the hash. */
export function entryHashOf(entry: Omit<AuditEntry, 'entryHash' | 'payload'>): string {
  const { caseId, seq, at, userId, roles, action, target, visibility, payloadHash, prevHash } = entry;
  return sha256(
    canonicalJson({ caseId, seq, at, userId, roles, action, target, visibility, payloadHash, prevHash }),
  );
}

/** What a reader learns of an entry they may not see in full: enough to check the chain. */
export interface SealedEntry {
  seq: number;
  prevHash: string;
  entryHash: string;
}

export type VerifyResult =
  { ok: true; entries: number; headHash: string } | { ok: false; seq: number; problem: string };

/**
 * Checks a case's chain from its first entry: numbers without gaps from 1, each entry's hash
 * recomputed from its fields (and its payload's hash from the payload), each linked to the one
 * before. A sealed entry (one the reader may not see) is checked for its link only. Reports the
 * first broken link.
 */
export function verifyChain(
  entries: readonly (AuditEntry | SealedEntry)[],
  /**
   * A checkpoint kept outside the database (an earlier head: its entry count and hash): the chain
   * must still reach it, which makes a truncated tail visible.
   */
  checkpoint?: Checkpoint,
): VerifyResult {
  let prev = GENESIS_HASH;
  for (const [i, entry] of entries.entries()) {
    const expected = i + 1;
    if (entry.seq !== expected)
      return {
        ok: false,
        seq: expected,
        problem: `entry ${expected} is missing (found ${entry.seq} in its place)`,
      };
    if (entry.prevHash !== prev)
      return {
        ok: false,
        seq: entry.seq,
        problem: `entry ${entry.seq} does not follow entry ${entry.seq - 1}: its previous hash differs`,
      };
    if ('payloadHash' in entry) {
      if (payloadHashOf(entry.payload) !== entry.payloadHash)
        return { ok: false, seq: entry.seq, problem: `entry ${entry.seq}: its payload was changed` };
      if (entryHashOf(entry) !== entry.entryHash)
        return { ok: false, seq: entry.seq, problem: `entry ${entry.seq}: its fields were changed` };
    }
    prev = entry.entryHash;
    if (checkpoint && entry.seq === checkpoint.entries && entry.entryHash !== checkpoint.headHash)
      return {
        ok: false,
        seq: entry.seq,
        problem: `entry ${entry.seq} is not the one the checkpoint recorded`,
      };
  }
  if (checkpoint && entries.length < checkpoint.entries)
    return {
      ok: false,
      seq: entries.length + 1,
      problem: `the log ends at entry ${entries.length}, but the checkpoint recorded ${checkpoint.entries}: its tail was cut`,
    };
  return { ok: true, entries: entries.length, headHash: prev };
}

/** A head of the chain as someone saw it: `<entries>:<head hash>`. */
export interface Checkpoint {
  entries: number;
  headHash: string;
}

export function parseCheckpoint(text: string): Checkpoint | undefined {
  const m = /^(\d{1,12}):([0-9a-f]{64})$/.exec(text.trim());
  return m ? { entries: Number(m[1]), headHash: m[2]! } : undefined;
}
