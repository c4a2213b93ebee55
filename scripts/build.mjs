// Bundles the CLI (packages/cli and the workspace packages it imports) into dist/parley.mjs, so
// `parley` starts without compiling TypeScript. Third-party packages stay external: they are
// installed as the root package's dependencies. bin/parley.mjs uses the bundle while it is fresh.
// Then builds the web workbench (packages/web) into packages/web/dist, which `parley serve` serves.
import { rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

// Code splitting: what a command loads with import() (the database and server stack) goes into a
// chunk of its own, so the commands that never touch a database do not load its drivers.
rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: { parley: 'packages/cli/src/main.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  splitting: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  plugins: [
    {
      name: 'third-party-external',
      setup(b) {
        // Workspace packages (@parley/*) and relative paths are bundled; everything else is a dependency.
        b.onResolve({ filter: /^[^./]/ }, (args) =>
          args.path.startsWith('@parley/') ? undefined : { path: args.path, external: true },
        );
      },
    },
  ],
});
writeFileSync('dist/.built', '');

// The workbench's production build, with its packages/web/vite.config.ts.
const { buildWorkbench } = await import('../packages/web/scripts/build.mjs');
await buildWorkbench();
