import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';

// Tests over the corpora in ../shared and the embedded case's fidelity to its sources: slow, and
// they change only when an engine's results do.
const corpus = [
  'packages/core/src/bargaining/genius/anac-corpus.test.ts',
  'packages/core/src/drafts/cop21.test.ts',
  'cases/**/*.test.ts',
];
// The web workbench in Debian's Chromium (skipped with a notice when /usr/bin/chromium is absent).
const browser = ['packages/web/e2e/**/*.browser.test.ts'];
// Tests that spawn bin/parley.mjs, as a user runs it.
const e2e = ['packages/cli/src/bin.test.ts', 'packages/cli/src/commands/serve.test.ts'];

// `npm test` runs every project; `npx vitest --project unit` is the fast loop while editing.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    // Every core: vitest's default leaves one to its main process, which on a 2-core machine runs
    // the tests one file at a time while that process idles.
    maxWorkers: availableParallelism(),
    // Threads start faster than forks, and no test needs a process of its own (none changes the
    // working directory or the environment).
    pool: 'threads',
    // A worker keeps the modules it imported from one test file to the next, which halves the CPU
    // time of the unit tests (they would each import zod and the engines again). So a test must not
    // change what a module exports; `npx vitest --isolate` runs each file apart, to check.
    isolate: false,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...corpus, ...e2e],
        },
      },
      { extends: true, test: { name: 'corpus', include: corpus } },
      { extends: true, test: { name: 'e2e', include: e2e } },
      { extends: true, test: { name: 'browser', include: browser } },
    ],
  },
});
