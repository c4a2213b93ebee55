import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '@parley/store/database.ts';
import { createServerApp } from './server-app.ts';

// Anonymous requests for files and pages never reach the database.
const noDatabase = undefined as unknown as Database;

describe('the web workbench beside the API', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'parley-web-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Parley</title><div id="root"></div>');
  writeFileSync(path.join(dir, 'assets', 'index-Ab12.js'), 'console.log(1)');
  writeFileSync(path.join(dir, 'assets', 'index-Cd34.css'), 'body{}');
  // As the build leaves them: each asset also compressed beside it.
  writeFileSync(path.join(dir, 'assets', 'index-Ab12.js.br'), brotliCompressSync('console.log(1)'));
  writeFileSync(path.join(dir, 'assets', 'index-Ab12.js.gz'), gzipSync('console.log(1)'));
  writeFileSync(path.join(dir, 'favicon.svg'), '<svg/>');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const app = createServerApp({ database: noDatabase }, { web: { dir } });

  it('serves the page shell at / and at every page path, never cached', async () => {
    for (const page of ['/', '/cases/istanbul-2022/timeline', '/setup?token=abc', '/login']) {
      const answer = await app.request(page);
      expect(answer.status, page).toBe(200);
      expect(answer.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(answer.headers.get('cache-control')).toBe('no-cache');
      expect(await answer.text()).toContain('<div id="root">');
    }
  });

  it('serves hashed assets with their type, cached for good', async () => {
    const js = await app.request('/assets/index-Ab12.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await app.request('/assets/index-Cd34.css')).headers.get('content-type')).toBe(
      'text/css; charset=utf-8',
    );
    expect((await app.request('/favicon.svg')).headers.get('content-type')).toBe(
      'image/svg+xml; charset=utf-8',
    );
  });

  it('sends the compressed copy the browser accepts, with the type of the asset itself', async () => {
    const asked = (encodings?: string) =>
      app.request('/assets/index-Ab12.js', encodings ? { headers: { 'Accept-Encoding': encodings } } : {});
    const br = await asked('gzip, deflate, br, zstd');
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(br.headers.get('vary')).toBe('Accept-Encoding');
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe('console.log(1)');
    const gz = await asked('gzip');
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe('console.log(1)');
    const plain = await asked();
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe('console.log(1)');
    // A style sheet without compressed copies goes out as it is, whatever the browser accepts.
    const css = await app.request('/assets/index-Cd34.css', { headers: { 'Accept-Encoding': 'br' } });
    expect(css.headers.get('content-encoding')).toBeNull();
    expect(await css.text()).toBe('body{}');
  });

  it('answers an unknown asset and an unknown API route with 404, not the page shell', async () => {
    expect((await app.request('/assets/missing-0000.js')).status).toBe(404);
    const api = await app.request('/api/nothing-here');
    expect(api.status).toBe(404);
    expect((await api.json()).error.code).toBe('not-found');
  });

  it('refuses a path that climbs out of the build folder', async () => {
    const answer = await app.request('/assets/..%2f..%2fetc%2fpasswd');
    expect(answer.status).toBe(404);
  });

  it('says how to build the workbench when the build is missing, and keeps the API and /setup', async () => {
    const bare = createServerApp({ database: noDatabase }, { web: { dir: path.join(dir, 'nothing') } });
    const home = await bare.request('/');
    expect(home.status).toBe(503);
    expect(await home.text()).toContain('Build it with <code>npm run build</code>');
    expect((await bare.request('/setup?token=x')).status).toBe(200);
    expect((await bare.request('/openapi.json')).status).toBe(200);
  });
});
