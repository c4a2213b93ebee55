import { createHash, createPublicKey, verify } from 'node:crypto';
import { draftKey, type Case } from '@parley/model/case.ts';
import { ParleyError } from '@parley/model/errors.ts';
import { exportDraft } from '@parley/app/drafts/export.ts';
import { canonicalJson } from '../audit/audit-chain.ts';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * What a head of delegation initials: the version's text and metadata and the SHA-256 of its
 * Akoma Ntoso export. Its digest is the SHA-256 of its RFC 8785 canonical JSON; the signature
 * is Ed25519 over the digest's hex text. The case's id is left out: it is the server's label,
 * and the same text imported under another id keeps its initials.
 */
export interface VersionPayload {
  format: 'parley-initials/1';
  document: Record<string, unknown>;
  version: Record<string, unknown>;
  text: string;
  aknSha256: string;
}

export interface VersionDigest {
  payload: VersionPayload;
  digest: string;
  akn: string;
}

/** The version's payload and digest, from the case as the caller sees it (unknown id: 404). */
export function versionDigest(c: Case, documentId: string, versionId: string): VersionDigest {
  const { text: akn } = exportDraft(c, { format: 'akn', ref: draftKey(documentId, versionId) });
  const record = c.drafts.find((d) => d.id === documentId)!;
  const { versions, ...document } = record;
  const version = versions.find((v) => v.id === versionId)!;
  const payload: VersionPayload = {
    format: 'parley-initials/1',
    document: document as Record<string, unknown>,
    version: version as unknown as Record<string, unknown>,
    text: c.draftTexts[draftKey(documentId, versionId)] ?? '',
    aknSha256: sha256(akn),
  };
  return { payload, digest: digestOf(payload), akn };
}

export const digestOf = (payload: unknown) => sha256(canonicalJson(payload));

/** An Ed25519 public key from its PEM; invalid-input when it is not one. */
export function ed25519Key(pem: string) {
  let key;
  try {
    key = createPublicKey(pem);
  } catch {
    throw new ParleyError('invalid-input', 'the public key is not a PEM public key');
  }
  if (key.asymmetricKeyType !== 'ed25519')
    throw new ParleyError('invalid-input', `the public key is ${key.asymmetricKeyType}, not ed25519`);
  return key;
}

/** `SHA256:<base64>` of the key's DER SubjectPublicKeyInfo, as ssh-keygen prints fingerprints. */
export function fingerprintOf(pem: string): string {
  const der = ed25519Key(pem).export({ type: 'spki', format: 'der' });
  return `SHA256:${createHash('sha256').update(der).digest('base64').replace(/=+$/, '')}`;
}

/** Whether the base64 signature is the key's Ed25519 signature over the digest's hex text. */
export function signatureHolds(publicKeyPem: string, digest: string, signature: string): boolean {
  try {
    return verify(
      null,
      Buffer.from(digest, 'utf8'),
      ed25519Key(publicKeyPem),
      Buffer.from(signature, 'base64'),
    );
  } catch {
    return false;
  }
}
