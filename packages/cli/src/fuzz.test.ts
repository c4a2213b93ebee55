import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { minimalCaseDir } from '@parley/case-files/test-support.ts';
import {
  applyEdits,
  draftText,
  geniusDomain,
  geniusProfile,
  xmlEdits,
  yamlEdits,
} from './fuzz.test-support.ts';
import { runCli } from './test-cli.ts';

// Generated input thrown at the shells in-process. Only the contract for bad input is asserted:
// exit 0, 1 or 2 (never 70, an internal error), no stack trace, and an exit 1 names where the
// problem is. Each property runs for a bounded time on a fixed seed, so runs repeat the same inputs;
// fast-check prints the seed and the path of a failing input. PARLEY_FUZZ_SEED and PARLEY_FUZZ_MS
// (per property) run other seeds, or longer, by hand:
// `PARLEY_FUZZ_SEED=7 PARLEY_FUZZ_MS=60000 npx vitest run packages/cli/src/fuzz.test.ts`.
const seed = Number(process.env['PARLEY_FUZZ_SEED'] ?? 20_261_201);
const timeLimit = Number(process.env['PARLEY_FUZZ_MS'] ?? 3_000);
// A failure is reported as found (shrinking it can take minutes); PARLEY_FUZZ_SHRINK=1 shrinks it.
const settings = {
  seed,
  numRuns: 100_000,
  interruptAfterTimeLimit: timeLimit,
  endOnFailure: !process.env['PARLEY_FUZZ_SHRINK'],
};

const root = mkdtempSync(join(tmpdir(), 'parley-fuzz-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A copy of the minimal fixture case, and a way back to it before each generated input. */
function caseCopy(name: string) {
  const dir = join(root, name);
  cpSync(minimalCaseDir, dir, { recursive: true });
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) =>
    /\.(ya?ml|txt)$/.test(f),
  );
  const originals = new Map(files.map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
  return {
    dir,
    yamlFiles: files.filter((f) => f.endsWith('.yaml')).sort(),
    original: (file: string) => originals.get(file) as string,
    restore: () => originals.forEach((text, file) => writeFileSync(join(dir, file), text)),
  };
}

/** The exit codes seen, per test: a generator that only ever yields rejected input tests little. */
const seen = new Set<number>();

/** Asserts the contract for bad input on one run of the CLI. */
async function expectHandled(argv: string[]): Promise<{ code: number; err: string }> {
  const { code, err } = await runCli(argv);
  seen.add(code);
  const call = `parley ${argv.join(' ')}`;
  expect([0, 1, 2], `${call} exited ${code}:\n${err}`).toContain(code);
  expect(err, `${call} printed a stack trace`).not.toMatch(/^\s+at /m);
  expect(err, `${call} printed a raw error`).not.toMatch(/^[A-Za-z]*Error: /m);
  if (code === 1) {
    const first = err.split('\n')[0] ?? '';
    expect(first, `${call}: the first line of an exit 1 names no file`).toMatch(
      new RegExp(`^${root.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/[^:\\s]+(:\\d+(:\\d+)?)?[: ]`),
    );
  }
  return { code, err };
}

describe('fuzz: generated input gets an exit 0, 1 or 2 and a located message, never a crash', () => {
  beforeEach(() => seen.clear());

  it('validate on a case with one YAML file edited', async () => {
    const c = caseCopy('yaml');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...c.yamlFiles), yamlEdits, async (file, edits) => {
        c.restore();
        writeFileSync(join(c.dir, file), applyEdits(c.original(file), edits));
        await expectHandled(['validate', c.dir]);
      }),
      settings,
    );
    expect(
      [0, 1].filter((code) => seen.has(code)),
      'exit codes seen',
    ).toEqual([0, 1]);
  });

  it('validate, diff, export and brackets on generated draft texts', async () => {
    const c = caseCopy('drafts');
    const a = join(root, 'a.txt');
    const b = join(root, 'b.txt');
    await fc.assert(
      fc.asyncProperty(
        draftText,
        draftText,
        fc.constantFrom('auto', 'parley', 'plain'),
        async (earlier, later, mode) => {
          writeFileSync(join(c.dir, 'drafts/v2.txt'), later);
          writeFileSync(a, earlier);
          writeFileSync(b, later);
          await expectHandled(['diff', a, b, '--mode', mode]);
          // Validate is the last word: the commands that read the case's texts read them as it
          // does, so they succeed when it does, and otherwise stop on its first problem.
          const verdict = await expectHandled(['validate', c.dir]);
          const firstProblem = verdict.err.split('\n')[0];
          for (const argv of [
            ...['md', 'akn', 'html'].map((format) => ['export', format, c.dir, 'accord@v2']),
            ['export', 'html', c.dir, 'accord@v2', '--against', 'v1'],
            ['diff', c.dir, 'accord@v1', 'accord@v2'],
            ['brackets', c.dir, 'accord'],
          ]) {
            const run = await expectHandled(argv);
            // Warnings may follow a success; a failure is validate's.
            const outcome = verdict.code === 0 ? [run.code] : [run.code, run.err.split('\n')[0]];
            expect(outcome, `parley ${argv.join(' ')} after validate`).toEqual(
              verdict.code === 0 ? [0] : [verdict.code, firstProblem],
            );
          }
        },
      ),
      settings,
    );
    expect(
      [0, 1].filter((code) => seen.has(code)),
      'exit codes seen',
    ).toEqual([0, 1]);
  });

  it('deals genius on an edited domain and two profiles', async () => {
    const files = ['domain.xml', 'p1.xml', 'p2.xml'].map((f) => join(root, f));
    const originals = [geniusDomain, geniusProfile(4, 2, 0.4, 0.6), geniusProfile(1, 3, 0.7, 0.3)];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(0, 1, 2), xmlEdits, async (k, edits) => {
        originals.forEach((text, j) =>
          writeFileSync(files[j] as string, j === k ? applyEdits(text, edits) : text),
        );
        await expectHandled(['deals', 'genius', ...files]);
      }),
      settings,
    );
    expect(
      [0, 1].filter((code) => seen.has(code)),
      'exit codes seen',
    ).toEqual([0, 1]);
  });
});
