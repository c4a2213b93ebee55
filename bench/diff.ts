/**
 * Benchmark: Parley's full word-level redline of the two COP21 negotiating drafts against
 * `git diff --no-index --word-diff` on the same files, measured side by side in one run.
 *
 * Parley's figure covers reading both files, parsing them, aligning the structure and diffing
 * the words (what `parley diff a b --format json` does minus printing); git's figure is the wall
 * time of spawning it. Both are run alternately; medians of the warm runs are compared, and the
 * first (cold) run of each is printed too. The warm-up is long because V8 keeps tiering Parley's
 * code up for its first few dozen runs (10 warm-up runs left the first measured runs 2-3× slower
 * than the rest). Garbage collection is not forced between runs (doing so
 * measured slower: V8 then shrinks the young generation again), so each run pays for the
 * collections its own and earlier runs' garbage cause. Peak memory is this process's maximum RSS.
 *
 * The target compares the redline itself (the data every output format is made from) with git,
 * whose figure includes formatting and writing its text. A second, shorter series then measures
 * the redline rendered as `parley diff` prints it, and is printed for reference.
 *
 *   npm run bench:diff
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDraft } from '@parley/core/drafts/parse.ts';
import { redline } from '@parley/core/drafts/redline.ts';
import { toTerminal } from '@parley/cli/drafts/render-terminal.ts';
import { redlineView } from '@parley/core/drafts/view.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.resolve(repoRoot, '../shared/corpora/cop21');
const fileA = path.join(corpus, '2015-10-23.md');
const fileB = path.join(corpus, '2015-12-04.md');
if (!existsSync(fileA) || !existsSync(fileB)) {
  console.log(`skipping: ${corpus} absent`);
  process.exit(0);
}

const RUNS = 60;
const WARMUP = 30;

function parleyRedline() {
  const a = parseDraft(readFileSync(fileA, 'utf8'), { file: fileA }).document;
  const b = parseDraft(readFileSync(fileB, 'utf8'), { file: fileB }).document;
  return redline(a, b);
}

/** The redline and its text as `parley diff a b` prints it: git's figure includes writing its output. */
function parleyRedlineRendered(): number {
  const a = parseDraft(readFileSync(fileA, 'utf8'), { file: fileA }).document;
  const b = parseDraft(readFileSync(fileB, 'utf8'), { file: fileB }).document;
  return toTerminal(redlineView(a, b, redline(a, b)), { colour: false }).length;
}

function gitWordDiff(): number {
  const result = spawnSync('git', ['diff', '--no-index', '--word-diff', fileA, fileB], {
    maxBuffer: 64 * 1024 * 1024,
  });
  // git diff exits 1 when the files differ; anything else is a failure of the baseline.
  if (result.status !== 1) {
    throw new Error(
      `git diff failed (status ${result.status}): ${result.stderr?.toString() ?? result.error}`,
    );
  }
  return result.stdout.length;
}

function time(fn: () => unknown): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
/** The value 90% of runs stay under: how bad the slow runs (collections, a busy machine) get. */
const p90 = (values: number[]) =>
  [...values].sort((x, y) => x - y)[Math.ceil(values.length * 0.9) - 1] as number;
const spread = (values: number[]) =>
  `min ${Math.min(...values).toFixed(1)} ms, p90 ${p90(values).toFixed(1)} ms`;

const rssBeforeMb = process.memoryUsage().rss / 1024 / 1024;
const cold = time(parleyRedline);
let gitBytes = 0;
const gitCold = time(() => (gitBytes = gitWordDiff()));
const parley: number[] = [];
const git: number[] = [];
for (let run = 0; run < WARMUP + RUNS; run++) {
  const p = time(parleyRedline);
  const g = time(gitWordDiff);
  if (run >= WARMUP) {
    parley.push(p);
    git.push(g);
  }
}

const result = parleyRedline();
const { summary } = result;
const parleyMedian = median(parley);
const gitMedian = median(git);
const maxRssMb = process.resourceUsage().maxRSS / 1024;
const heapMb = process.memoryUsage().heapUsed / 1024 / 1024;

// For reference, after the measurement above: the same with the redline rendered as text.
const rendered: number[] = [];
const renderedGit: number[] = [];
for (let run = 0; run < WARMUP + RUNS / 2; run++) {
  const p = time(parleyRedlineRendered);
  const g = time(gitWordDiff);
  if (run >= WARMUP) {
    rendered.push(p);
    renderedGit.push(g);
  }
}

console.log(
  `COP21 drafts: ${path.basename(fileA)} -> ${path.basename(fileB)} (${RUNS} warm runs after ${WARMUP} warm-up)`,
);
console.log(
  `  parley redline (read + parse + align + word diff): median ${parleyMedian.toFixed(1)} ms, ${spread(parley)}, cold first run ${cold.toFixed(1)} ms`,
);
console.log(
  `  git diff --no-index --word-diff (spawned):        median ${gitMedian.toFixed(1)} ms, ${spread(git)}, cold first run ${gitCold.toFixed(1)} ms (${gitBytes} bytes of output)`,
);
console.log(`  ratio parley/git (medians): ${(parleyMedian / gitMedian).toFixed(2)}  (target <= 2.00)`);
console.log(
  `  for reference, parley redline + terminal text (like git's output): median ${median(rendered).toFixed(1)} ms, ` +
    `${spread(rendered)}; git alongside: median ${median(renderedGit).toFixed(1)} ms; ` +
    `ratio ${(median(rendered) / median(renderedGit)).toFixed(2)} (not part of the target)`,
);
console.log(
  `  peak memory: maxRSS ${maxRssMb.toFixed(0)} MB (target < 200 MB; the process held ${rssBeforeMb.toFixed(0)} MB before the first run), heap in use at end ${heapMb.toFixed(0)} MB`,
);
console.log(
  `  redline: +${summary.wordsAdded} / -${summary.wordsRemoved} words, ${summary.moved} moved, ` +
    `${summary.units.modified} modified, ${summary.units.inserted} inserted, ${summary.units.deleted} deleted units, ` +
    `degraded units: ${summary.degraded.length}`,
);
// A bound hit anywhere is named, never only counted.
for (const { unit, reason } of summary.degraded) console.log(`  DEGRADED ${unit}: ${reason}`);
