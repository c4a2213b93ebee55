import { describe, expect, it } from 'vitest';
import { generateKeyPairSync, sign } from 'node:crypto';
import { criticismsByProvision, signatureHolds } from './single-text.ts';

describe('the single text in the workbench', () => {
  it('regroups the criticisms by provision, each with its party', () => {
    const k = (id: string, text: string) => ({ id, text, by: 'u1' });
    expect(
      criticismsByProvision({
        document: 'd',
        version: 'v1',
        parties: [
          { party: 'ru', provisions: [{ provision: 'art-2', criticisms: [k('1', 'too vague')] }] },
          {
            party: 'ua',
            provisions: [
              { provision: 'art-1.p1', criticisms: [k('2', 'no date')] },
              { provision: 'art-2', criticisms: [k('3', 'too weak')] },
            ],
          },
        ],
      }),
    ).toEqual([
      {
        provision: 'art-2',
        criticisms: [
          { party: 'ru', text: 'too vague' },
          { party: 'ua', text: 'too weak' },
        ],
      },
      { provision: 'art-1.p1', criticisms: [{ party: 'ua', text: 'no date' }] },
    ]);
  });

  it('checks an Ed25519 signature over the digest, and refuses another digest or a bad key', async () => {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const digest = 'ab'.repeat(32);
    const signature = sign(null, Buffer.from(digest, 'utf8'), privateKey).toString('base64');
    expect(await signatureHolds(pem, digest, signature)).toBe(true);
    expect(await signatureHolds(pem, 'cd'.repeat(32), signature)).toBe(false);
    expect(await signatureHolds('not a key', digest, signature)).toBe(false);
  });
});
