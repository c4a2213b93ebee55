import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { preferredEncoding } from './analysis-cache.ts';
import { CASE_ID, useAnalysisServer } from './routes/analysis-server.test-support.ts';

describe('preferredEncoding', () => {
  it.each([
    [undefined, undefined],
    ['', undefined],
    ['gzip', 'gzip'],
    ['gzip, deflate, br, zstd', 'br'],
    ['br;q=1.0, gzip;q=0.5', 'br'],
    ['br;q=0.4, gzip;q=0.5', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['gzip;q=0', undefined],
    ['identity', undefined],
    ['*', 'br'],
    ['gzip;q=0.2, *', 'br'],
    ['deflate, *;q=0', undefined],
    ['br;q=abc', undefined],
  ])('%j → %s', (header, encoding) => {
    expect(preferredEncoding(header)).toBe(encoding);
  });
});

describe('a kept answer is served gzipped to a client that accepts it', () => {
  const server = useAnalysisServer();
  const exportPath = `/api/cases/${CASE_ID}/export`;

  it('sends the same JSON, compressed, once the answer is kept; plain to a client that does not accept gzip', async () => {
    const first = await server().raw(exportPath, { 'Accept-Encoding': 'gzip' });
    expect(first.headers.get('content-encoding')).toBeNull();
    const plain = new Uint8Array(await first.arrayBuffer());
    expect(plain.byteLength).toBeGreaterThan(100_000);

    // Compressed in the background: the answers before that go out plain.
    let kept = await server().raw(exportPath, { 'Accept-Encoding': 'gzip' });
    for (let i = 0; i < 100 && !kept.headers.get('content-encoding'); i++) {
      await new Promise((done) => setTimeout(done, 20));
      kept = await server().raw(exportPath, { 'Accept-Encoding': 'gzip' });
    }
    expect(kept.headers.get('content-encoding')).toBe('gzip');
    expect(kept.headers.get('vary')).toBe('accept-encoding');
    expect(kept.headers.get('content-type')).toBe(first.headers.get('content-type'));
    const zipped = new Uint8Array(await kept.arrayBuffer());
    expect(zipped.byteLength).toBeLessThan(plain.byteLength / 4);
    expect(Buffer.from(gunzipSync(zipped)).equals(Buffer.from(plain))).toBe(true);

    // What a browser sends: brotli, smaller still.
    const br = await server().raw(exportPath, { 'Accept-Encoding': 'gzip, deflate, br, zstd' });
    expect(br.headers.get('content-encoding')).toBe('br');
    const brotli = new Uint8Array(await br.arrayBuffer());
    expect(brotli.byteLength).toBeLessThan(zipped.byteLength);
    expect(Buffer.from(brotliDecompressSync(brotli)).equals(Buffer.from(plain))).toBe(true);

    const refused = await server().raw(exportPath, { 'Accept-Encoding': 'gzip;q=0' });
    expect(refused.headers.get('content-encoding')).toBeNull();
    expect(refused.headers.get('vary')).toBe('accept-encoding');
    expect(Buffer.from(await refused.arrayBuffer()).equals(Buffer.from(plain))).toBe(true);
  });

  it('leaves a small answer uncompressed', async () => {
    await server().raw(`/api/cases/${CASE_ID}/records/actor/ua`, { 'Accept-Encoding': 'gzip' });
    const again = await server().raw(`/api/cases/${CASE_ID}/records/actor/ua`, { 'Accept-Encoding': 'gzip' });
    expect(again.status).toBe(200);
    expect(again.headers.get('content-encoding')).toBeNull();
  });
});

describe('a browser revalidates a kept answer with If-None-Match', () => {
  const server = useAnalysisServer();
  const exportPath = `/api/cases/${CASE_ID}/export`;
  const actor = { id: 'east', kind: 'state', name: 'East', description: 'A test actor.', sources: ['s2'] };

  it('answers 304 with no body while the answer is the same, 200 with a new tag once a write changes it', async () => {
    const first = await server().raw(exportPath, { 'Accept-Encoding': 'br' });
    expect(first.status).toBe(200);
    const tag = first.headers.get('etag')!;
    // Named by the content (a weak tag: any encoding of the same JSON), never by the case's revision.
    expect(tag).toMatch(/^W\/"[\w-]{27}"$/);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    const body = await first.text();

    const again = await server().raw(exportPath, { 'Accept-Encoding': 'br', 'If-None-Match': tag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(tag);
    expect(again.headers.get('cache-control')).toBe('private, no-cache');
    expect(again.headers.get('vary')).toBe('accept-encoding');
    // A list naming it, or the strong form of the same tag, match too (weak comparison).
    expect((await server().raw(exportPath, { 'If-None-Match': `"x", ${tag.slice(2)}` })).status).toBe(304);
    const other = await server().raw(exportPath, { 'If-None-Match': 'W/"something-else"' });
    expect(other.status).toBe(200);
    expect(await other.text()).toBe(body);

    expect((await server().post(`/api/cases/${CASE_ID}/records/actor`, { body: actor })).status).toBe(201);
    const changed = await server().raw(exportPath, { 'If-None-Match': tag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(tag);
    expect(await changed.text()).toContain('"East"');
  });

  it("revalidates a record by its version's ETag, the one If-Match takes", async () => {
    const path = `/api/cases/${CASE_ID}/records/actor/ua`;
    const first = await server().raw(path, {});
    const version = first.headers.get('etag')!;
    expect(version).toMatch(/^"\d+"$/);
    // Kept from the second read on: the first computed it.
    expect((await server().raw(path, { 'If-None-Match': version })).status).toBe(304);
    expect((await server().raw(path, { 'If-None-Match': '"0"' })).status).toBe(200);
  });
});
