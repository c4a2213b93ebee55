// The workbench's production build into packages/web/dist (with vite.config.ts beside this
// folder), for scripts/build.mjs and the browser tests.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { URL, fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));

export async function buildWorkbench() {
  await build({ root, logLevel: 'warn' });
  compressAssets(path.join(root, 'dist', 'assets'));
}

/**
 * Each script and style sheet also as .br and .gz beside it, compressed once here at the highest
 * levels: the server sends the one the browser accepts (serveStatic's `precompressed`), with no
 * compression per request — the entry's 309 KB go out as about 80 KB.
 */
function compressAssets(dir) {
  for (const name of readdirSync(dir)) {
    if (!/\.(js|css)$/.test(name)) continue;
    const file = path.join(dir, name);
    const bytes = readFileSync(file);
    writeFileSync(
      `${file}.br`,
      brotliCompressSync(bytes, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 11,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        },
      }),
    );
    writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
  }
}
