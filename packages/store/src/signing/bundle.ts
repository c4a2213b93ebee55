import type { Initial } from './initials.ts';
import { digestOf, fingerprintOf, signatureHolds, type VersionPayload } from './version-digest.ts';
import { createHash } from 'node:crypto';

/** Everything needed to check a version's initials offline, as one JSON file. */
export interface InitialsBundle {
  format: 'parley-initials-bundle/1';
  payload: VersionPayload;
  akn: string;
  initials: Omit<Initial, 'digest'>[];
}

export interface InitialCheck {
  displayName: string;
  party: string | null;
  fingerprint: string;
  ok: boolean;
  problem?: string;
}

/** Checks each signature against the bundle's own payload and AKN text; needs no server. */
export function verifyBundle(bundle: InitialsBundle): { digest: string; checks: InitialCheck[] } {
  const digest = digestOf(bundle.payload);
  const aknHolds = createHash('sha256').update(bundle.akn, 'utf8').digest('hex') === bundle.payload.aknSha256;
  const checks = bundle.initials.map((i): InitialCheck => {
    const who = { displayName: i.displayName, party: i.party, fingerprint: i.fingerprint };
    let fingerprint: string;
    try {
      fingerprint = fingerprintOf(i.publicKey);
    } catch {
      return { ...who, ok: false, problem: 'its public key is not an Ed25519 key' };
    }
    if (fingerprint !== i.fingerprint)
      return { ...who, ok: false, problem: `its public key has fingerprint ${fingerprint}` };
    if (!aknHolds) return { ...who, ok: false, problem: 'the AKN text is not the one signed' };
    if (!signatureHolds(i.publicKey, digest, i.signature))
      return { ...who, ok: false, problem: 'the signature does not match this text and metadata' };
    return { ...who, ok: true };
  });
  return { digest, checks };
}
