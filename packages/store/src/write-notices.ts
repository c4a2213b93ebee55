import pg from 'pg';

/**
 * Listens on PostgreSQL for the notices migration 0006 sends at every committed write that
 * matters to access (a case's revision, a membership, a token, a user), from any process. The
 * count of notices received is this process's view of "someone wrote": while it stands, what
 * was read may be kept, exactly as on an embedded database (write-generation.ts).
 *
 * While the listening connection is down, `count()` is undefined and nothing may be kept: a
 * notice missed then would leave a stale answer standing. A reconnect starts a new era (the
 * count jumps), so nothing read before it survives.
 */
export interface WriteNotices {
  count(): number | undefined;
  close(): Promise<void>;
}

const CHANNEL = 'parley_writes';
const RETRY_MS = 1000;

export async function listenForWrites(url: string): Promise<WriteNotices> {
  let notices = 0;
  let listening = false;
  let closed = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;

  const connect = async () => {
    const next = new pg.Client({ connectionString: url });
    next.on('notification', (message) => {
      if (message.channel === CHANNEL) notices++;
    });
    const lost = () => {
      if (client !== next) return;
      listening = false;
      client = undefined;
      next.removeAllListeners('notification');
      void next.end().catch(() => undefined);
      if (!closed) retry = setTimeout(() => void connect().catch(() => lost()), RETRY_MS);
    };
    next.on('error', lost);
    next.on('end', lost);
    client = next;
    await next.connect();
    await next.query(`LISTEN ${CHANNEL}`);
    // Whatever was kept before this connection may have missed a notice: a new era.
    notices += 1_000_000;
    listening = true;
  };

  await connect();
  return {
    count: () => (listening ? notices : undefined),
    close: async () => {
      closed = true;
      if (retry) clearTimeout(retry);
      listening = false;
      const last = client;
      client = undefined;
      await last?.end().catch(() => undefined);
    },
  };
}
