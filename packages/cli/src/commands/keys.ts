import { generateKeyPairSync } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ParleyError } from '@parley/model/errors.ts';
import { fingerprintOf } from '@parley/store/signing/version-digest.ts';
import type { CommandRegistrar } from '../command-registrar.ts';
import { writeErrorText } from '../exit-codes.ts';

export const PRIVATE_KEY_FILE = 'parley-ed25519.pem';
export const PUBLIC_KEY_FILE = 'parley-ed25519.pub.pem';

/**
 * `parley keys generate [--out DIR]`: an Ed25519 key pair for initialling drafts. The private
 * key is written readable by its owner only and never sent anywhere; the public key is what
 * POST /api/auth/keys registers.
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
      output.out('register the public key with POST /api/auth/keys {"publicKey": <its PEM>, "name": …}');
    });
  for (const cmd of keys.commands)
    cmd.exitOverride().configureOutput({
      writeOut: (s) => output.out(s),
      writeErr: (s) => output.err(s),
      outputError: () => {},
    });
};
