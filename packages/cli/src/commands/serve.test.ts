// `parley serve` as a user runs it, and what it promises: nothing acknowledged is lost. The
// server is killed with SIGKILL in the middle of a burst of writes and started again on the same
// database; every write it had answered 2xx must be there. On PGlite and on PostgreSQL.
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import {
  freshPostgresDatabase,
  pgliteFolder,
  postgresAdminUrl,
} from '@parley/store/test-databases.test-support.ts';

interface Running {
  child: ChildProcess;
  url: string;
  setupToken?: string;
  exited: Promise<number | null>;
}

/** Starts `parley serve --port 0` and waits for the line that gives its URL. */
function serve(args: string[], env: Record<string, string>): Promise<Running> {
  const child = spawn(process.execPath, ['bin/parley.mjs', 'serve', '--port', '0', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let out = '';
  let err = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start in 60 s:\n${out}\n${err}`)), 60_000);
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const url = /Parley serves (http:\/\/\S+) /.exec(out)?.[1];
      if (!url) return;
      // The setup lines follow the URL line in the same write or the next.
      setTimeout(() => {
        clearTimeout(timer);
        const token = /setup\?token=([\w-]+)/.exec(out)?.[1];
        resolve({ child, url, exited, ...(token ? { setupToken: token } : {}) });
      }, 200);
    });
    child.once('exit', (code) => reject(new Error(`serve exited ${code}:\n${out}\n${err}`)));
  });
}

const locations: {
  name: string;
  location: () => Promise<{ args: string[]; env: Record<string, string>; dispose: () => Promise<void> }>;
}[] = [
  {
    name: 'pglite',
    location: async () => {
      const dir = await pgliteFolder({ migrated: true });
      return {
        args: ['--data', dir],
        env: { DATABASE_URL: '' },
        dispose: async () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  },
];
if (postgresAdminUrl)
  locations.push({
    name: 'postgres',
    location: async () => {
      const fresh = await freshPostgresDatabase(postgresAdminUrl!);
      return { args: [], env: { DATABASE_URL: fresh.url }, dispose: fresh.drop };
    },
  });

describe.each(locations)('parley serve on $name', ({ location }) => {
  const disposals: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const dispose of disposals) await dispose();
  });

  it('loses no acknowledged write when killed with SIGKILL mid-burst', async () => {
    const where = await location();
    disposals.push(where.dispose);
    const first = await serve(where.args, where.env);
    expect(first.setupToken).toBeDefined();

    // The first administrator, through the one-time link, then an API token for the burst.
    const setup = await fetch(`${first.url}/api/auth/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        token: first.setupToken,
        email: 'admin@example.org',
        displayName: 'Admin',
        password: 'a long enough password',
      }),
    });
    expect(setup.status).toBe(201);
    const { csrfToken } = (await setup.json()) as { csrfToken: string };
    const cookie = setup.headers.getSetCookie()[0]!.split(';')[0]!;
    const minted = await fetch(`${first.url}/api/auth/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({ name: 'burst' }),
    });
    expect(minted.status).toBe(201);
    const { token } = (await minted.json()) as { token: string };

    // A burst of new actors, 8 in flight at a time; SIGKILL once 40 have been acknowledged.
    const acknowledged: string[] = [];
    let next = 0;
    let killed = false;
    const writer = async () => {
      while (next < 400 && !killed) {
        const id = `crash-${next++}`;
        const answer = await fetch(`${first.url}/api/cases/istanbul-2022/records/actor`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ body: { id, kind: 'person', name: `Delegate ${id}`, sources: ['s1'] } }),
        }).catch(() => undefined);
        if (answer?.status === 201) acknowledged.push(id);
        if (acknowledged.length >= 40 && !killed) {
          killed = true;
          first.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, writer));
    expect(await first.exited).toBe(null); // killed by a signal, not exited
    expect(acknowledged.length).toBeGreaterThanOrEqual(40);

    const second = await serve(where.args, where.env);
    try {
      expect(second.setupToken).toBeUndefined(); // an account exists: no new setup link
      const missing: string[] = [];
      for (const id of acknowledged) {
        const answer = await fetch(`${second.url}/api/cases/istanbul-2022/records/actor/${id}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        if (answer.status !== 200) missing.push(`${id}: ${answer.status}`);
      }
      expect(missing).toEqual([]);
      // The case is whole: it validates and lists every actor written, acknowledged or not.
      const check = await fetch(`${second.url}/api/cases/istanbul-2022/validate`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(check.status).toBe(200);
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  }, 180_000);
});
