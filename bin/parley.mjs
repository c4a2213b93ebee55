#!/usr/bin/env node
// Runs the Parley CLI. `npm install` / `npm ci` compile src/ to dist/ (the `prepare` script), and
// that build starts about twice as fast; when src/ has changed since, or there is no build, the
// TypeScript runs directly through tsx — so the repo works with no manual build step either way.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stamp = path.join(root, 'dist', '.built');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

const built = existsSync(stamp) && statSync(stamp).mtimeMs >= newestSource(path.join(root, 'src'));
let entry = path.join(root, 'dist', 'cli', 'main.js');
if (!built) {
  const { register } = await import('tsx/esm/api');
  register();
  entry = path.join(root, 'src', 'cli', 'main.ts');
}

// Piping into `head` closes stdout early: end quietly, as other command-line tools do.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const { main } = await import(pathToFileURL(entry).href);
process.exitCode = await main(process.argv.slice(2));
