import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { ParleyError } from '@parley/model/errors.ts';
import type { Database } from '../database.ts';
import type { CheckpointTables } from './checkpoint-tables.ts';
import { fingerprintOf } from './version-digest.ts';

/** The server's own Ed25519 key: it signs the audit log's checkpoints. */
export interface ServerKey {
  fingerprint: string;
  /** SPKI PEM, published at GET /api/server-key. */
  publicKey: string;
  privateKey: KeyObject;
  /** Where it is kept: the file PARLEY_SERVER_KEY names, or the database's server_keys table. */
  kept: 'file' | 'database';
}

export const SERVER_KEY_VARIABLE = 'PARLEY_SERVER_KEY';

type Environment = Record<string, string | undefined>;

const keyFrom = (privateKey: KeyObject, kept: ServerKey['kept']): ServerKey => {
  const publicKey = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
  return { fingerprint: fingerprintOf(publicKey), publicKey, privateKey, kept };
};

const freshPair = () =>
  generateKeyPairSync('ed25519', {
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });

const loaded = new Map<number, Promise<ServerKey>>();

/**
 * The server's key, made on first use: from the file PARLEY_SERVER_KEY names (created there,
 * mode 0600, when missing), else kept in the database. Loaded once per database.
 */
export function serverKeyOf(database: Database, environment: Environment = process.env): Promise<ServerKey> {
  let key = loaded.get(database.id);
  if (!key) {
    const file = environment[SERVER_KEY_VARIABLE];
    key = file ? serverKeyFile(file) : serverKeyInDatabase(database);
    key.catch(() => loaded.delete(database.id));
    loaded.set(database.id, key);
  }
  return key;
}

/** The key in the file, which is created (never overwritten) when it does not exist. */
export async function serverKeyFile(file: string): Promise<ServerKey> {
  let pem: string;
  try {
    pem = await readFile(file, 'utf8');
  } catch {
    // `wx`: two servers starting at once both end with the key one of them wrote.
    await writeFile(file, freshPair().privateKey, { mode: 0o600, flag: 'wx' }).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST')
        throw new ParleyError(
          'cannot-write',
          `${SERVER_KEY_VARIABLE}=${file}: cannot write the server key (${(error as Error).message})`,
        );
    });
    pem = await readFile(file, 'utf8');
  }
  return keyFrom(privateKeyOf(pem, `${SERVER_KEY_VARIABLE}=${file}`), 'file');
}

function privateKeyOf(pem: string, where: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw new ParleyError('invalid-input', `${where}: not a PEM private key`);
  }
  if (key.asymmetricKeyType !== 'ed25519')
    throw new ParleyError('invalid-input', `${where}: a ${key.asymmetricKeyType} key, not ed25519`);
  return key;
}

async function serverKeyInDatabase(database: Database): Promise<ServerKey> {
  const db = database.db.withTables<CheckpointTables>();
  const pair = freshPair();
  // One row, id `signing`: of two servers starting at once, the first insert wins.
  await db
    .insertInto('server_keys')
    .values({ id: 'signing', public_key: pair.publicKey, private_key: pair.privateKey })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  const row = await db.selectFrom('server_keys').select('private_key').executeTakeFirstOrThrow();
  return keyFrom(privateKeyOf(row.private_key, 'the server key in the database'), 'database');
}

/**
 * The public key a verifier trusts as the server's, without making one: the file's when
 * PARLEY_SERVER_KEY is set (it must exist), else the database's; undefined when there is none yet.
 */
export async function serverPublicKey(
  database: Database,
  environment: Environment = process.env,
): Promise<string | undefined> {
  const file = environment[SERVER_KEY_VARIABLE];
  if (file) {
    let pem: string;
    try {
      pem = await readFile(file, 'utf8');
    } catch {
      throw new ParleyError('not-found', `${SERVER_KEY_VARIABLE}=${file}: no such key file`);
    }
    return keyFrom(privateKeyOf(pem, `${SERVER_KEY_VARIABLE}=${file}`), 'file').publicKey;
  }
  const row = await database.db
    .withTables<CheckpointTables>()
    .selectFrom('server_keys')
    .select('public_key')
    .executeTakeFirst();
  return row?.public_key;
}
