import { createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { ParleyError } from '@parley/model/errors.ts';
import { fingerprintOf } from '@parley/store/signing/version-digest.ts';
import type { CommandRegistrar } from '../command-registrar.ts';
import { writeErrorText } from '../exit-codes.ts';
import { serverApi } from './server-api.ts';

export const PRIVATE_KEY_FILE = 'parley-ed25519.pem';
export const PUBLIC_KEY_FILE = 'parley-ed25519.pub.pem';

/**
 * `parley keys generate [--out DIR]`: an Ed25519 key pair for initialling drafts. The private
 * key is written readable by its owner only and never sent anywhere; the public key is what
 * `parley keys register` (POST /api/auth/keys) sends to a server.
 */
export const registerKeys: CommandRegistrar = (program, output) => {
  const keys = program.command('keys').description('signing keys for initialling draft versions');
  keys
    .command('generate')
    .description('create an Ed25519 key pair locally (the private key stays on this machine)')
    .option('--out <dir>', 'the folder to write the two PEM files to', '.')
    .action(async (options: { out: string }) => {
      const { publicKey, privateKey } = generateKeyPairSync('ed25519', {
        publicKeyEncoding: { type: 'spki', format: 'pem' },
        privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      });
      const privatePath = path.join(options.out, PRIVATE_KEY_FILE);
      const publicPath = path.join(options.out, PUBLIC_KEY_FILE);
      try {
        await mkdir(options.out, { recursive: true });
        // `wx`: an existing key is never overwritten.
        await writeFile(privatePath, privateKey, { mode: 0o600, flag: 'wx' });
        await writeFile(publicPath, publicKey, { flag: 'wx' });
      } catch (error) {
        throw new ParleyError(
          'cannot-write',
          `${options.out}: cannot write the key pair (${writeErrorText(error)})`,
        );
      }
      output.out(`wrote ${privatePath} (private, mode 0600: keep it) and ${publicPath}`);
      output.out(`fingerprint ${fingerprintOf(publicKey)}`);
      output.out(
        `register it with a server: parley keys register --server URL --token T --key ${publicPath}`,
      );
    });
  keys
    .command('register')
    .description('register your public key with a server, so you can initial drafts there')
    .requiredOption('--server <url>', 'the Parley server, e.g. https://parley.example.org')
    .requiredOption('--token <token>', 'your API token (parley_…)')
    .option(
      '--key <file>',
      'your public key PEM, or your private key PEM (only its public half is sent)',
      PUBLIC_KEY_FILE,
    )
    .option('--name <name>', 'what the server calls the key', hostname())
    .action(async (options: { server: string; token: string; key: string; name: string }) => {
      const publicKey = publicKeyPem(await readKeyFile(options.key), options.key);
      const fingerprint = fingerprintOf(publicKey);
      const call = serverApi(options.server, options.token);
      const { keys: held } = (await call('GET', '/api/auth/keys')) as {
        keys: { id: string; name: string; fingerprint: string; retiredAt: string | null }[];
      };
      const same = held.find((k) => k.fingerprint === fingerprint && k.retiredAt === null);
      if (same) {
        output.out(`${fingerprint} is already registered to you as key ${same.id} ("${same.name}")`);
        return;
      }
      const key = (await call('POST', '/api/auth/keys', { publicKey, name: options.name })) as { id: string };
      output.out(`registered key ${key.id} ("${options.name}"), fingerprint ${fingerprint}`);
    });
  for (const cmd of keys.commands)
    cmd.exitOverride().configureOutput({
      writeOut: (s) => output.out(s),
      writeErr: (s) => output.err(s),
      outputError: () => {},
    });
};

async function readKeyFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    throw new ParleyError('not-found', `${file}: no such key file`);
  }
}

/** The SPKI PEM of the Ed25519 key in the file, whether it holds the public or the private key. */
function publicKeyPem(pem: string, file: string): string {
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch {
    throw new ParleyError('invalid-input', `${file}: not a PEM key`);
  }
  if (key.asymmetricKeyType !== 'ed25519')
    throw new ParleyError('invalid-input', `${file}: a ${key.asymmetricKeyType} key, not ed25519`);
  return key.export({ type: 'spki', format: 'pem' }).toString();
}
