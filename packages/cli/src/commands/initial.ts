import { createPrivateKey, createPublicKey, sign } from 'node:crypto';
import { serverApi } from './server-api.ts';
import { readFile } from 'node:fs/promises';
import { ParleyError } from '@parley/model/errors.ts';
import { digestOf, fingerprintOf } from '@parley/store/signing/version-digest.ts';
import type { CommandRegistrar } from '../command-registrar.ts';

/**
 * `parley initial --server URL --token T <case-id> <doc>@<version> --key FILE`: fetches the
 * version's digest payload, checks the digest is the payload's, signs it here with the private
 * key and sends only the signature.
 */
export const registerInitial: CommandRegistrar = (program, output) => {
  program
    .command('initial')
    .description('initial a draft version on a server: sign its digest with your private key (it stays here)')
    .argument('<case-id>', 'the case on the server')
    .argument('<ref>', 'the version, <doc>@<version>')
    .requiredOption('--server <url>', 'the Parley server, e.g. https://parley.example.org')
    .requiredOption('--token <token>', 'your API token (parley_…)')
    .requiredOption('--key <file>', 'your private key PEM (parley keys generate)')
    .action(async (caseId: string, ref: string, options: { server: string; token: string; key: string }) => {
      const at = ref.indexOf('@');
      if (at <= 0 || at === ref.length - 1)
        throw new ParleyError('usage', `the version must be <doc>@<version>, not "${ref}"`);
      const [documentId, versionId] = [ref.slice(0, at), ref.slice(at + 1)];
      let pem: string;
      try {
        pem = await readFile(options.key, 'utf8');
      } catch {
        throw new ParleyError('not-found', `${options.key}: no such key file`);
      }
      let privateKey;
      try {
        privateKey = createPrivateKey(pem);
      } catch {
        throw new ParleyError('invalid-input', `${options.key}: not a PEM private key`);
      }
      if (privateKey.asymmetricKeyType !== 'ed25519')
        throw new ParleyError(
          'invalid-input',
          `${options.key}: a ${privateKey.asymmetricKeyType} key, not ed25519`,
        );
      const fingerprint = fingerprintOf(
        createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString(),
      );

      const call = serverApi(options.server, options.token);
      const { keys } = (await call('GET', '/api/auth/keys')) as {
        keys: { id: string; fingerprint: string; retiredAt: string | null }[];
      };
      const key = keys.find((k) => k.fingerprint === fingerprint && k.retiredAt === null);
      if (!key)
        throw new ParleyError(
          'invalid-input',
          `the key ${fingerprint} is not registered to you on this server (POST /api/auth/keys)`,
        );
      const base = `/api/cases/${enc(caseId)}/drafts/${enc(documentId)}/versions/${enc(versionId)}`;
      const { payload, digest } = (await call('GET', `${base}/digest`)) as {
        payload: unknown;
        digest: string;
      };
      // Sign only what we can see: the digest must be the payload's.
      if (digestOf(payload) !== digest)
        throw new ParleyError(
          'invalid-input',
          `the server's digest ${digest} is not its payload's: not signed`,
        );
      const signature = sign(null, Buffer.from(digest, 'utf8'), privateKey).toString('base64');
      const stored = (await call('POST', `${base}/initials`, { keyId: key.id, signature })) as {
        party: string | null;
      };
      output.out(
        `initialled ${documentId}@${versionId} in ${caseId}${stored.party ? ` for ${stored.party}` : ''}: digest ${digest}, key ${key.id} (${fingerprint})`,
      );
    });
};

const enc = encodeURIComponent;

/** A JSON call to the server with the token; its refusal becomes a ParleyError with its message. */
