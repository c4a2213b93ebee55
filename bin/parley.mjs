#!/usr/bin/env node
// Runs the Parley CLI. `npm install` / `npm ci` bundle packages/ into dist/parley.mjs (the
// `prepare` script), which starts about twice as fast; when a package's source has changed since,
// or there is no bundle, the TypeScript runs directly through tsx (a development dependency).
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

const packages = path.join(root, 'packages');
const sources = readdirSync(packages).map((p) => path.join(packages, p, 'src'));
const built =
  existsSync(stamp) && statSync(stamp).mtimeMs >= Math.max(...sources.filter(existsSync).map(newestSource));
let entry = path.join(root, 'dist', 'parley.mjs');
if (!built) {
  const { register } = await import('tsx/esm/api');
  register();
  entry = path.join(packages, 'cli', 'src', 'main.ts');
}

const { main, outputFailure } = await import(pathToFileURL(entry).href);

// Piping into `head` closes stdout early: end quietly, as other command-line tools do. Any other
// failed write (`> /dev/full`) is one line and its exit code, never a stack trace.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  const failure = outputFailure(error);
  process.stderr.write(`${failure.message}\n`);
  process.exit(failure.exitCode);
});

// The composition root: the one place that knows the repository's layout.
const environment = {
  libraryDir: path.join(root, 'library', 'instruments'),
  embeddedCaseDir: path.join(root, 'cases', 'istanbul-2022'),
};
process.exitCode = await main(process.argv.slice(2), undefined, environment);
