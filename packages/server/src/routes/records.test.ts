// The records API over real HTTP, on every engine: each record kind created, read, replaced and
// deleted; bad input of every sort refused with 4xx, a code from the error taxonomy and the
// field at fault as a path in the request; never a stack trace, never a partial write (the
// case's export and revision are the same after every refused write); and a generated fuzz of
// arbitrary and mutated bodies that must never get a 5xx.
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTestCase } from '@parley/case-files/cases.test-support.ts';
import { loadCase } from '@parley/case-files/load.ts';
import { errorCodes } from '@parley/model/errors.ts';
import { createApiToken } from '@parley/store/accounts/api-tokens.ts';
import { createUser } from '@parley/store/accounts/users.ts';
import { importCase } from '@parley/store/cases.ts';
import { grantRole } from '@parley/store/members.ts';
import {
  conductKinds,
  recordKindNames,
  singletonKinds,
  type RecordKind,
} from '@parley/store/record-kinds.ts';
import { engines, useTestDatabase } from '@parley/store/test-databases.test-support.ts';
import { DEFAULT_MAX_BODY_BYTES } from '../server-app.ts';
import {
  startTestServer,
  type Answer,
  type CallOptions,
  type TestServer,
} from '../test-server.test-support.ts';

const riverDir = fileURLToPath(new URL('../../../case-files/fixtures/river-deals', import.meta.url));
const CASE = 'river-accord';
const EMBEDDED = 'istanbul-2022';
/** The case's own kinds; conduct records are written through their own routes (proposals.test.ts). */
const caseKinds = recordKindNames.filter((k) => !conductKinds.has(k));
const recordsOf = (kind: string, caseId = CASE) => `/api/cases/${caseId}/records/${kind}`;
const STACK_TRACE = /\bat .*\(.*:\d+:\d+\)/;
const PROBLEM_CODES = new Set([...Object.keys(errorCodes), 'internal']);

/** A value nested `depth` lists deep: `[[[…]]]`. */
const nested = (depth: number) => JSON.parse('['.repeat(depth) + ']'.repeat(depth)) as unknown;
const clone = <T>(value: T): T => structuredClone(value);

describe.each(engines)('the records API on $name', (engine) => {
  const database = useTestDatabase(engine);
  let server: TestServer;
  let token = '';
  /** The first record of each kind, as stored: river-deals has every kind but the guarantees. */
  const samples = new Map<RecordKind, { caseId: string; id: string; body: Record<string, unknown> }>();

  beforeAll(async () => {
    const db = database();
    await importCase(db, (await loadCase(riverDir)).caseData!);
    const user = await createUser(db, {
      email: 'editor@example.org',
      displayName: 'Editor',
      passwordHash: 'unused',
      isAdmin: true,
    });
    // The mediation and both delegations: the editor sees every record of the case.
    await grantRole(db, CASE, user.id, { role: 'mediator-lead', party: null });
    await grantRole(db, CASE, user.id, { role: 'delegation-head', party: 'north' });
    await grantRole(db, CASE, user.id, { role: 'delegation-member', party: 'south' });
    token = (await createApiToken(db, user.id, 'records tests')).token;
    // The embedded case for the one kind river-deals lacks (its guarantees); the editor its admin.
    await importCase(db, await loadTestCase('embedded'), { caseAdmin: user.id });
    server = await startTestServer({ database: db });
    for (const kind of recordKindNames) {
      for (const caseId of [CASE, EMBEDDED]) {
        const list = await call('GET', recordsOf(kind, caseId));
        if (list.body.length > 0 && !samples.has(kind))
          samples.set(kind, { caseId, id: list.body[0].id, body: list.body[0].body });
      }
    }
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  /** Every answer is checked for a leaked stack trace before the test sees it. */
  const call = async (method: string, path: string, options: CallOptions = {}): Promise<Answer> => {
    const answer = await server.call(method, path, { bearer: token, ...options });
    expectNoLeak(JSON.stringify(answer.body) ?? '');
    return answer;
  };
  /** A body sent exactly as written: malformed JSON, JSON built by hand. */
  const send = async (method: string, path: string, text: string, headers: Record<string, string> = {}) => {
    const response = await fetch(server.url + path, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...headers },
      body: text,
    });
    const raw = await response.text();
    expectNoLeak(raw);
    return { status: response.status, headers: response.headers, body: raw ? JSON.parse(raw) : undefined };
  };
  /** The case as stored: its export byte for byte, and its revision (bumped by every write). */
  const snapshot = async (caseId = CASE) => {
    const exported = await fetch(`${server.url}/api/cases/${caseId}/export`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const detail = await call('GET', `/api/cases/${caseId}`);
    return { export: await exported.text(), revision: detail.body.revision as number };
  };
  /** Sends a write that must be refused, and checks that it changed nothing. */
  const refused = async (write: () => Promise<Answer>, caseId = CASE): Promise<Answer> => {
    const before = await snapshot(caseId);
    const answer = await write();
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    expect(await snapshot(caseId)).toEqual(before);
    return answer;
  };
  const sample = (kind: RecordKind) => clone(samples.get(kind)!.body);

  it('holds a record of every kind to start from', () => {
    expect([...samples.keys()].sort()).toEqual([...caseKinds].sort());
  });

  it('imports the embedded case through the API, under the body limit', async () => {
    const embedded = await loadTestCase('embedded');
    embedded.meta = { ...embedded.meta, id: 'istanbul-api' };
    const bytes = Buffer.byteLength(JSON.stringify(embedded));
    // 183,680 bytes when this was written: well inside the 1 MB limit.
    expect(bytes).toBeLessThan(DEFAULT_MAX_BODY_BYTES);
    const answer = await call('POST', '/api/cases', { json: embedded });
    expect([answer.status, answer.body]).toEqual([
      201,
      { id: 'istanbul-api', title: embedded.meta.title, roles: [{ role: 'case-admin', party: null }] },
    ]);
    const exported = await call('GET', '/api/cases/istanbul-api/export');
    expect(exported.body.draftTexts).toEqual(embedded.draftTexts);
  }, 60_000);

  it('imports a large case up to the limit, and refuses one beyond it (413) storing nothing', async () => {
    const embedded = await loadTestCase('embedded');
    const padded = (id: string, bytes: number) => {
      const c = clone(embedded);
      c.meta = { ...c.meta, id };
      const base = Buffer.byteLength(JSON.stringify(c));
      const [key] = Object.keys(c.draftTexts);
      c.draftTexts[key!] += ` ${'x'.repeat(bytes - base - 1)}`;
      return c;
    };
    const large = padded('istanbul-large', DEFAULT_MAX_BODY_BYTES - 1000);
    expect(Buffer.byteLength(JSON.stringify(large))).toBe(DEFAULT_MAX_BODY_BYTES - 1000);
    const stored = await call('POST', '/api/cases', { json: large });
    expect([stored.status, stored.body.id]).toEqual([201, 'istanbul-large']);
    const text = await call('GET', recordsOf('draft-text', 'istanbul-large'));
    expect(text.body[0].body.text).toBe(large.draftTexts[Object.keys(large.draftTexts)[0]!]);

    const tooLarge = await call('POST', '/api/cases', {
      json: padded('istanbul-too-large', DEFAULT_MAX_BODY_BYTES + 1),
    });
    expect([tooLarge.status, tooLarge.body]).toEqual([
      413,
      { error: { code: 'too-large', message: `the body is larger than ${DEFAULT_MAX_BODY_BYTES} bytes` } },
    ]);
    expect(tooLarge.headers.get('connection')).toBe('close');
    expect((await call('GET', '/api/cases/istanbul-too-large')).status).toBe(404);
  }, 60_000);

  it('creates, reads, replaces and deletes a record of every kind', async () => {
    for (const kind of caseKinds) {
      const { caseId, id, body } = samples.get(kind)!;
      if (singletonKinds.has(kind) || kind in notAddedAlone) {
        // One per case, or (notAddedAlone) not yet addable on its own: replaced in place.
        await replaces(kind, caseId, id, body);
        const refusal = notAddedAlone[kind];
        if (refusal) {
          const added = await refused(
            () => call('POST', recordsOf(kind, caseId), { json: { body: freshOf(kind, body) } }),
            caseId,
          );
          expect([kind, added.status, added.body.error.code]).toEqual([kind, ...refusal]);
        }
        continue;
      }
      const fresh = freshOf(kind, body);
      const freshId = kind === 'stakeholder' ? (fresh.actor as string) : (fresh.id as string);
      const created = await call('POST', recordsOf(kind, caseId), { json: { body: fresh } });
      expect([kind, created.status, created.body]).toEqual([
        kind,
        201,
        { kind, id: freshId, visibility: created.body.visibility, version: 1, body: fresh },
      ]);
      expect(created.headers.get('etag')).toBe('"1"');
      const path = `${recordsOf(kind, caseId)}/${encodeURIComponent(freshId)}`;
      const read = await call('GET', path);
      expect([kind, read.status, read.body]).toEqual([kind, 200, created.body]);

      const changed = { ...fresh, ...changeOf(kind, fresh) };
      const put = await call('PUT', path, { json: { body: changed }, headers: { 'If-Match': '"1"' } });
      expect([kind, put.status, put.body.version, put.body.body]).toEqual([kind, 200, 2, changed]);
      expect(put.headers.get('etag')).toBe('"2"');

      const deleted = await call('DELETE', path, { headers: { 'If-Match': '"2"' } });
      expect([kind, deleted.status]).toEqual([kind, 204]);
      expect((await call('GET', path)).status).toBe(404);
      expect(id).not.toBe(freshId);
    }
  }, 60_000);

  /** Replaces a stored record with a small change, and reads the change back. */
  const replaces = async (kind: RecordKind, caseId: string, id: string, body: Record<string, unknown>) => {
    const path = `${recordsOf(kind, caseId)}/${encodeURIComponent(id)}`;
    const read = await call('GET', path);
    const changed = { ...body, ...changeOf(kind, body) };
    const put = await call('PUT', path, {
      json: { body: changed },
      headers: { 'If-Match': read.headers.get('etag')! },
    });
    expect([kind, put.status, put.body.body]).toEqual([kind, 200, changed]);
    expect((await call('GET', path)).body.body).toEqual(changed);
  };

  // A draft, a draft text and the model are replaced in place too (each depends on others:
  // a draft's texts, a text's draft, the model's stakeholders).
  it('replaces a draft, a draft text and the model', async () => {
    for (const kind of ['draft', 'draft-text', 'model'] as const) {
      const { caseId, id, body } = samples.get(kind)!;
      await replaces(kind, caseId, id, body);
    }
  });

  it('refuses a body that is not JSON (400 usage)', async () => {
    const answer = await refused(() => send('POST', recordsOf('actor'), '{"body": {"id": "x",'));
    expect([answer.status, answer.body]).toEqual([
      400,
      { error: { code: 'usage', message: 'Malformed JSON in request body' } },
    ]);
  });

  it('refuses a body that is not an object (422, the whole body at fault)', async () => {
    for (const [text, got] of [
      ['[1]', 'array'],
      ['null', 'null'],
      ['"actor"', 'string'],
      ['42', 'number'],
    ]) {
      const answer = await refused(() => send('POST', recordsOf('actor'), text!));
      expect([answer.status, answer.body]).toEqual([
        422,
        {
          error: {
            code: 'invalid-input',
            message: 'the body has 1 problem(s)',
            diagnostics: [{ code: 'invalid-value', path: '', message: `expected object, received ${got}` }],
          },
        },
      ]);
    }
  });

  it('names a wrong type inside the record at its path in the request (body.kind)', async () => {
    const answer = await refused(() =>
      call('POST', recordsOf('actor'), { json: { body: { ...sample('actor'), id: 'east', kind: 7 } } }),
    );
    expect([answer.status, answer.body]).toEqual([
      422,
      {
        error: {
          code: 'invalid-input',
          message: 'the actor has 1 problem(s)',
          diagnostics: [
            {
              code: 'invalid-value',
              path: 'body.kind',
              message: 'must be one of "state", "organisation", "person"',
            },
          ],
        },
      },
    ]);
  });

  it('names a missing record, and a missing field of the record, by path', async () => {
    const none = await refused(() => call('POST', recordsOf('actor'), { json: {} }));
    expect(none.body.error.diagnostics).toEqual([
      { code: 'missing-field', path: 'body', message: 'required field is missing' },
    ]);
    const nameless: Record<string, unknown> = { ...sample('actor'), id: 'east' };
    delete nameless.name;
    const unnamed = await refused(() => call('POST', recordsOf('actor'), { json: { body: nameless } }));
    expect([unnamed.status, unnamed.body.error.diagnostics]).toEqual([
      422,
      [{ code: 'missing-field', path: 'body.name', message: 'required field is missing' }],
    ]);
  });

  it('names an unknown field in the record and at the top of the request', async () => {
    const inRecord = await refused(() =>
      call('POST', recordsOf('actor'), { json: { body: { ...sample('actor'), id: 'east', capital: 'X' } } }),
    );
    expect([inRecord.status, inRecord.body.error.code, inRecord.body.error.diagnostics]).toEqual([
      422,
      'invalid-input',
      [{ code: 'unknown-field', path: 'body.capital', message: 'unknown field' }],
    ]);
    const atTop = await refused(() =>
      call('POST', recordsOf('actor'), {
        json: { body: { ...sample('actor'), id: 'east' }, visiblity: 'case', note: 1 },
      }),
    );
    expect([atTop.status, atTop.body]).toEqual([
      422,
      {
        error: {
          code: 'invalid-input',
          message: 'the body has 2 problem(s)',
          diagnostics: [
            { code: 'unknown-field', path: 'visiblity', message: 'unknown field' },
            { code: 'unknown-field', path: 'note', message: 'unknown field' },
          ],
        },
      },
    ]);
  });

  it('refuses a body over the limit (413 too-large) and serves the next request', async () => {
    const huge = { body: { ...sample('actor'), id: 'east', name: 'x'.repeat(DEFAULT_MAX_BODY_BYTES) } };
    const answer = await refused(() => call('POST', recordsOf('actor'), { json: huge }));
    expect([answer.status, answer.body]).toEqual([
      413,
      { error: { code: 'too-large', message: `the body is larger than ${DEFAULT_MAX_BODY_BYTES} bytes` } },
    ]);
    expect(answer.headers.get('connection')).toBe('close');
    expect((await call('GET', recordsOf('actor'))).status).toBe(200);
  });

  it('refuses an event with dates that are not EDTF, each at its path', async () => {
    for (const date of ['2030-13-45', 'last spring']) {
      const answer = await refused(() =>
        call('POST', recordsOf('event'), { json: { body: { ...sample('event'), id: 'flood', date } } }),
      );
      expect([answer.status, answer.body]).toEqual([
        422,
        {
          error: {
            code: 'invalid-input',
            message: 'the event has 1 problem(s)',
            diagnostics: [
              {
                code: 'invalid-value',
                path: 'body.date',
                message: `"${date}" is not a valid EDTF date (e.g. 2022-03-05, 2022-05, 2022-03-13/2022-03-17, 2022-03-05?)`,
              },
            ],
          },
        },
      ]);
    }
  });

  it('refuses a reference to a record the case does not hold (422 at body.issue)', async () => {
    const answer = await refused(() =>
      call('POST', recordsOf('position'), {
        json: { body: { ...sample('position'), id: 'north-canal-1', issue: 'canal' } },
      }),
    );
    expect([answer.status, answer.body]).toEqual([
      422,
      {
        error: {
          code: 'invalid-input',
          message: 'the position "north-canal-1" has 1 problem(s)',
          diagnostics: [{ code: 'unknown-reference', path: 'body.issue', message: 'unknown issue "canal"' }],
        },
      },
    ]);
  });

  it('stores text with a NUL character as sent, and refuses half a surrogate pair at its path', async () => {
    const body = { ...sample('actor'), id: 'nul', name: 'North\u0000land' };
    const created = await call('POST', recordsOf('actor'), { json: { body } });
    expect([created.status, created.body.body]).toEqual([201, body]);
    expect((await call('GET', `${recordsOf('actor')}/nul`)).body.body).toEqual(body);
    expect(
      (await call('DELETE', `${recordsOf('actor')}/nul`, { headers: { 'If-Match': '"1"' } })).status,
    ).toBe(204);
    const lone = await refused(() =>
      call('POST', recordsOf('actor'), {
        json: { body: { ...sample('actor'), id: 'lone', name: 'North \ud800' } },
      }),
    );
    const message = 'holds half of a surrogate pair (\\ud800–\\udfff alone), which is not a character';
    expect([lone.status, lone.body]).toEqual([
      422,
      {
        error: {
          code: 'invalid-input',
          message: 'the body has 1 problem(s)',
          diagnostics: [{ code: 'invalid-value', path: 'body.name', message }],
        },
      },
    ]);
    const caseWithLone = { ...(await loadTestCase('embedded')), meta: { id: 'lone', title: '\udfff' } };
    const imported = await call('POST', '/api/cases', { json: caseWithLone });
    expect([imported.status, imported.body.error.diagnostics]).toEqual([
      422,
      [{ code: 'invalid-value', path: 'meta.title', message }],
    ]);
  });

  it('reads If-Match as one ETag, strong, weak or bare; refuses lists, * and nonsense', async () => {
    const path = `${recordsOf('actor')}/north`;
    const base = (await call('GET', path)).body;
    const put = (ifMatch: string | undefined, name: string) =>
      call('PUT', path, {
        json: { body: { ...base.body, name } },
        ...(ifMatch !== undefined ? { headers: { 'If-Match': ifMatch } } : {}),
      });
    let version = base.version as number;
    for (const form of [(v: number) => `"${v}"`, (v: number) => `W/"${v}"`, (v: number) => `${v}`]) {
      const answer = await put(form(version), `Northland ${version}`);
      expect([form(version), answer.status, answer.body.version]).toEqual([form(version), 200, version + 1]);
      version++;
    }
    const missing = await refused(() => put(undefined, 'Nowhere'));
    expect([missing.status, missing.body.error.code]).toEqual([428, 'precondition-required']);
    for (const bad of ['*', `"${version}", "${version + 1}"`, 'abc', '""']) {
      const answer = await refused(() => put(bad, 'Nowhere'));
      expect([bad, answer.status, answer.body.error.code]).toEqual([bad, 400, 'usage']);
    }
    const stale = await refused(() => put(`"${version - 1}"`, 'Nowhere'));
    expect([stale.status, stale.body.error.code, stale.body.current.version]).toEqual([
      409,
      'conflict',
      version,
    ]);
    expect(stale.headers.get('etag')).toBe(`"${version}"`);
    const staleDelete = await refused(() => call('DELETE', path, { headers: { 'If-Match': '"1"' } }));
    expect([staleDelete.status, staleDelete.body.error.code]).toEqual([409, 'conflict']);
  });

  it('refuses a taken id, a changed id and a delete that would break other records, changing nothing', async () => {
    const taken = await refused(() => call('POST', recordsOf('actor'), { json: { body: sample('actor') } }));
    expect([taken.status, taken.body.error.code]).toEqual([409, 'conflict']);
    const north = (await call('GET', `${recordsOf('issue')}/min-flow`)).body;
    const renamed = await refused(() =>
      call('PUT', `${recordsOf('issue')}/min-flow`, {
        json: { body: { ...north.body, id: 'max-flow' } },
        headers: { 'If-Match': `"${north.version}"` },
      }),
    );
    expect([renamed.status, renamed.body.error.diagnostics]).toEqual([
      422,
      [{ code: 'invalid-value', path: 'body.id', message: 'an id cannot change' }],
    ]);
    const used = await refused(() =>
      call('DELETE', `${recordsOf('issue')}/min-flow`, { headers: { 'If-Match': `"${north.version}"` } }),
    );
    expect([used.status, used.body.error.code]).toEqual([409, 'conflict']);
  });

  it('answers arbitrary and mutated bodies with 201 or a 4xx problem, never a 5xx or a partial write', async () => {
    const kinds = [...samples.keys()];
    const proto = fc.constantFrom('__proto__', 'constructor', 'prototype');
    const mutation = fc.oneof(
      fc.record({ op: fc.constant('drop' as const), at: fc.nat() }),
      fc.record({ op: fc.constant('retype' as const), at: fc.nat(), value: fc.jsonValue({ maxDepth: 3 }) }),
      fc.record({ op: fc.constant('huge' as const), at: fc.nat(), size: fc.constantFrom(100_000, 900_000) }),
      fc.record({ op: fc.constant('deep' as const), at: fc.nat() }),
      // Half a surrogate pair, a NUL: text that is not, or barely, Unicode.
      fc.record({
        op: fc.constant('retype' as const),
        at: fc.nat(),
        value: fc.constantFrom('\ud800', 'a\udc00b', 'nul\u0000'),
      }),
      fc.record({
        op: fc.constant('proto' as const),
        key: proto,
        where: fc.constantFrom('record', 'request', 'inner'),
      }),
      fc.record({ op: fc.constant('whole' as const), value: fc.jsonValue({ maxDepth: 4 }) }),
    );
    const attempt = fc.record({
      source: fc.constantFrom(...kinds),
      // Mostly the record's own kind, so that a valid record can get through; else any kind.
      target: fc.oneof(
        { arbitrary: fc.constant(undefined), weight: 3 },
        { arbitrary: fc.constantFrom(...kinds), weight: 1 },
      ),
      fresh: fc.boolean(),
      // No mutation at all: the record as stored, to add under a fresh id (201) or its own (409).
      mutations: fc.array(mutation, { minLength: 0, maxLength: 3 }),
    });

    let before = await snapshot();
    let runs = 0;
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(attempt, async ({ source, target, fresh, mutations }) => {
        const kind = target ?? source;
        const { text, freshId } = mutatedRequest(source, samples.get(source)!.body, fresh, mutations, runs++);
        const answer = await send('POST', recordsOf(kind), text);
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        if (answer.status === 201) {
          // A mutation that kept the record valid: it is removed again, and the case is as it was.
          const removed = await call('DELETE', `${recordsOf(kind)}/${encodeURIComponent(answer.body.id)}`, {
            headers: { 'If-Match': '"1"' },
          });
          expect([removed.status, answer.body.id]).toEqual([204, freshId]);
          const after = await snapshot();
          expect(after.export).toBe(before.export);
          before = after;
          return;
        }
        expect(answer.status, text.slice(0, 300)).toBeGreaterThanOrEqual(400);
        expect(answer.status, text.slice(0, 300)).toBeLessThan(500);
        expect(PROBLEM_CODES.has(answer.body.error.code), answer.body.error.code).toBe(true);
        expect(typeof answer.body.error.message).toBe('string');
        expect(await snapshot()).toEqual(before);
      }),
      // A fixed seed, so runs repeat; PARLEY_FUZZ_SEED and PARLEY_FUZZ_RUNS try others by hand, as
      // the CLI's fuzz does. No shrinking: a failed write may have left the case changed.
      {
        seed: Number(process.env['PARLEY_FUZZ_SEED'] ?? 20_261_201),
        numRuns: Number(process.env['PARLEY_FUZZ_RUNS'] ?? 200),
        endOnFailure: true,
      },
    );
    // Nothing leaked into the prototypes of this process (the server runs in it).
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(statuses.get(500)).toBeUndefined();
    console.log('records fuzz: answers by status', Object.fromEntries([...statuses].sort()));
  }, 60_000);
});

function expectNoLeak(text: string) {
  expect(text).not.toMatch(STACK_TRACE);
  expect(text).not.toMatch(/Error:/);
}

/**
 * The kinds of which a record cannot yet be added on its own, and how the API refuses one:
 * - a draft text is named document@version, which its body does not hold (the route refuses it),
 *   so a new draft, whose versions need their texts, cannot be added either;
 * - a new source is cited by nothing yet, and an uncited source is an error of the whole case,
 *   so the store refuses it as a change that would leave the case broken.
 * Both are reported to the lead (the store's records.ts); a fix turns these into 201s.
 */
const notAddedAlone: Partial<Record<RecordKind, [number, string]>> = {
  'draft-text': [400, 'usage'],
  source: [409, 'conflict'],
  draft: [422, 'invalid-input'],
};

/** A new record of the kind, made from a stored one under a new id, valid in the river case. */
function freshOf(kind: RecordKind, body: Record<string, unknown>): Record<string, unknown> {
  if (kind === 'draft-text') return body;
  if (kind === 'stakeholder') return { ...body, actor: 'league', role: 'guarantor' };
  return { ...body, id: `${String(body.id)}-new` };
}

/** A small valid change to a record of the kind, for a PUT: its first text field, else a note. */
function changeOf(kind: RecordKind, body: Record<string, unknown>): Record<string, unknown> {
  for (const field of ['name', 'title', 'summary', 'statement', 'text', 'note'])
    if (typeof body[field] === 'string') return { [field]: `${body[field] as string} (edited)` };
  if (kind === 'guarantees') {
    const [first, ...rest] = body.instruments as { title: string }[];
    return { instruments: [{ ...first, title: `${first!.title} (edited)` }, ...rest] };
  }
  return { note: 'edited' };
}

type Mutation =
  | { op: 'drop'; at: number }
  | { op: 'retype'; at: number; value: unknown }
  | { op: 'huge'; at: number; size: number }
  | { op: 'deep'; at: number }
  | { op: 'proto'; key: string; where: 'record' | 'request' | 'inner' }
  | { op: 'whole'; value: unknown };

/**
 * The JSON text of a POST: a stored record, under a fresh id or its own, changed by the
 * mutations. Built as text where a key like `__proto__` must stay an own key of the JSON.
 */
function mutatedRequest(
  kind: RecordKind,
  stored: Record<string, unknown>,
  fresh: boolean,
  mutations: Mutation[],
  run: number,
): { text: string; freshId: string | undefined } {
  let body: unknown = clone(stored);
  // A stakeholder's id is its actor, which must be an actor of the case: it keeps its own.
  const freshId = fresh && !singletonKinds.has(kind) && kind !== 'stakeholder' ? `fuzz-${run}` : undefined;
  if (freshId) (body as Record<string, unknown>).id = freshId;
  const extra: [string, string][] = [];
  const isMap = (v: unknown): v is Record<string, unknown> =>
    v !== null && typeof v === 'object' && !Array.isArray(v);
  for (const m of mutations) {
    if (m.op === 'whole') {
      body = m.value;
      continue;
    }
    if (m.op === 'proto') {
      const poison = '{"polluted":true,"id":"poison"}';
      if (m.where === 'request') extra.push([m.key, poison]);
      else if (isMap(body)) {
        const target = m.where === 'record' ? body : Object.values(body).find(isMap);
        // An own key named __proto__, as JSON.parse makes it (an assignment would set the prototype).
        if (target)
          Object.defineProperty(target, m.key, {
            value: JSON.parse(poison),
            enumerable: true,
            writable: true,
            configurable: true,
          });
      }
      continue;
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) continue;
    const record = body as Record<string, unknown>;
    const keys = Object.keys(record);
    if (keys.length === 0) continue;
    const key = keys[m.at % keys.length]!;
    if (m.op === 'drop') delete record[key];
    else if (m.op === 'retype') record[key] = m.value;
    else if (m.op === 'huge') record[key] = 'x'.repeat(m.size);
    else record[key] = nested(10_000);
  }
  const bodyText = JSON.stringify(body) ?? 'null';
  const text = `{"body":${bodyText}${extra.map(([k, v]) => `,${JSON.stringify(k)}:${v}`).join('')}}`;
  return { text, freshId };
}
