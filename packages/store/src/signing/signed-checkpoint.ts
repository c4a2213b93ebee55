import { sign } from 'node:crypto';
import type { ServerKey } from './server-key.ts';
import { fingerprintOf, signatureHolds } from './version-digest.ts';
import {
  payloadHashOf,
  verifyChain,
  type AuditEntry,
  type Checkpoint,
  type SealedEntry,
  type VerifyResult,
} from '../audit/audit-chain.ts';

/**
 * A head of a case's audit log as the server saw it, signed with the server's key: its entry
 * count, the hash of its last entry, and when. It reveals no more than a sealed entry does.
 */
export interface SignedCheckpoint {
  caseId: string;
  entries: number;
  headHash: string;
  /** ISO 8601 with milliseconds. */
  at: string;
  keyFingerprint: string;
  /** SPKI PEM of the key that signed it, so it can be checked with no server. */
  publicKey: string;
  /** Base64 Ed25519 signature over the hex digest of `checkpointStatement`. */
  signature: string;
}

/** What is signed: the digest is the SHA-256 (hex) of its RFC 8785 canonical JSON. */
export const checkpointStatement = (c: Pick<SignedCheckpoint, 'caseId' | 'entries' | 'headHash' | 'at'>) => ({
  format: 'parley-checkpoint/1',
  caseId: c.caseId,
  entries: c.entries,
  headHash: c.headHash,
  at: c.at,
});

export function signCheckpoint(
  head: { caseId: string; entries: number; headHash: string },
  key: ServerKey,
  at: Date,
): SignedCheckpoint {
  const unsigned = { ...head, at: at.toISOString() };
  const digest = payloadHashOf(checkpointStatement(unsigned));
  return {
    ...unsigned,
    keyFingerprint: key.fingerprint,
    publicKey: key.publicKey,
    signature: sign(null, Buffer.from(digest, 'utf8'), key.privateKey).toString('base64'),
  };
}

/**
 * Why a checkpoint cannot be trusted, or undefined: its signature must hold under its key, and
 * its key must be one of the server's (`trusted` fingerprints; unchecked when not given).
 */
export function checkpointProblem(
  checkpoint: SignedCheckpoint,
  caseId: string,
  trusted?: ReadonlySet<string>,
): string | undefined {
  let fingerprint: string;
  try {
    fingerprint = fingerprintOf(checkpoint.publicKey);
  } catch {
    return 'its key is not an Ed25519 public key';
  }
  const digest = payloadHashOf(checkpointStatement({ ...checkpoint, caseId }));
  if (
    fingerprint !== checkpoint.keyFingerprint ||
    !signatureHolds(checkpoint.publicKey, digest, checkpoint.signature)
  )
    return 'its signature does not hold: it was forged or altered';
  if (trusted && !trusted.has(fingerprint))
    return `it is signed by ${fingerprint}, which is not the server's key`;
  return undefined;
}

/** A verdict on a log and its signed checkpoints; a failure names the checkpoint that caught it. */
export type AuditCheck =
  | { ok: true; entries: number; headHash: string; checkpoints: number }
  | { ok: false; seq: number; problem: string; checkpoint?: Checkpoint };

const named = (c: SignedCheckpoint): Checkpoint => ({ entries: c.entries, headHash: c.headHash });

/**
 * Checks the chain (against a kept checkpoint too, if given), then every signed checkpoint: its
 * signature and key, and that the chain still reaches its count with the same head hash. So a
 * tail cut below a checkpoint, or a log rewritten and re-hashed before it, is caught by it.
 */
export function verifyAudit(
  caseId: string,
  entries: readonly (AuditEntry | SealedEntry)[],
  signed: readonly SignedCheckpoint[],
  options: { kept?: Checkpoint; trusted?: ReadonlySet<string> } = {},
): AuditCheck {
  const sorted = [...signed].sort((a, b) => a.entries - b.entries);
  const chain: VerifyResult = verifyChain(entries, options.kept);
  if (!chain.ok) {
    // A broken link under a sound checkpoint: that checkpoint fixes the log it breaks.
    const covering = sorted.find(
      (c) => c.entries >= chain.seq && checkpointProblem(c, caseId, options.trusted) === undefined,
    );
    return covering ? { ...chain, checkpoint: named(covering) } : chain;
  }
  for (const c of sorted) {
    const checkpoint = named(c);
    const problem = checkpointProblem(c, caseId, options.trusted);
    if (problem)
      return {
        ok: false,
        seq: c.entries,
        checkpoint,
        problem: `the signed checkpoint at entry ${c.entries}: ${problem}`,
      };
    if (entries.length < c.entries)
      return {
        ok: false,
        seq: entries.length + 1,
        checkpoint,
        problem: `the log ends at entry ${entries.length}, but the server signed a checkpoint at entry ${c.entries}: its tail was cut`,
      };
    if (entries[c.entries - 1]!.entryHash !== c.headHash)
      return {
        ok: false,
        seq: c.entries,
        checkpoint,
        problem: `entry ${c.entries} is not the one the server signed a checkpoint of: the log up to it was rewritten`,
      };
  }
  return { ...chain, checkpoints: sorted.length };
}
