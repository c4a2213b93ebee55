/** What the console says of the audit log: the chain's check and whether it still reaches the signed head. */

export type AuditCheck =
  { ok: true; entries: number; headHash: string } | { ok: false; seq: number; problem: string };

/** A hash shortened for reading (the full one is in the title and the API). */
export const shortHash = (hash: string) => hash.slice(0, 12);

/** The chain's check in words. */
export function checkText(check: AuditCheck): string {
  return check.ok
    ? `Verified: ${check.entries} entries, head ${check.entries}:${shortHash(check.headHash)}`
    : `Broken at entry ${check.seq}: ${check.problem}`;
}

/**
 * Whether the log as received still holds the signed checkpoint: its entry at the checkpoint's
 * count has the head hash the server signed (a cut tail or a rewritten past would not).
 */
export function checkpointHolds(
  entries: readonly { seq: number; entryHash: string }[],
  checkpoint: { entries: number; headHash: string },
): boolean {
  return entries.find((e) => e.seq === checkpoint.entries)?.entryHash === checkpoint.headHash;
}
