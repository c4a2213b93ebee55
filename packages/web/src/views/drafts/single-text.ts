import type { CriticismsJson } from '../../api/single-text.ts';

/** The criticisms regrouped by provision (in the order first met), each with its party. */
export function criticismsByProvision(json: CriticismsJson) {
  const byProvision = new Map<string, { party: string; text: string }[]>();
  for (const { party, provisions } of json.parties)
    for (const { provision, criticisms } of provisions) {
      const list = byProvision.get(provision) ?? [];
      list.push(...criticisms.map((k) => ({ party, text: k.text })));
      byProvision.set(provision, list);
    }
  return [...byProvision].map(([provision, criticisms]) => ({ provision, criticisms }));
}

const bytesOf = (base64: string) => Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));

/**
 * Whether an Ed25519 signature over the digest's hex text holds for the public key (PEM, SPKI),
 * checked in the browser rather than taken from the server. False for anything malformed.
 */
export async function signatureHolds(publicKeyPem: string, digest: string, signature: string) {
  try {
    const der = bytesOf(publicKeyPem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''));
    const key = await crypto.subtle.importKey('spki', der, { name: 'Ed25519' }, false, ['verify']);
    return await crypto.subtle.verify('Ed25519', key, bytesOf(signature), new TextEncoder().encode(digest));
  } catch {
    return false;
  }
}
