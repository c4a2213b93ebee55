// Bundles the CLI (packages/cli and the workspace packages it imports) into dist/parley.mjs, so
// `parley` starts without compiling TypeScript. Third-party packages stay external: they are
// installed as the root package's dependencies. bin/parley.mjs uses the bundle while it is fresh.
import { writeFileSync } from 'node:fs';
import { build } from 'esbuild';

await build({
  entryPoints: ['packages/cli/src/main.ts'],
  outfile: 'dist/parley.mjs',
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
