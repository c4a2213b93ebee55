/**
 * Benchmark: Parley's full word-level redline of the two COP21 negotiating drafts against
 * `git diff --no-index --word-diff` on the same files, measured side by side, at three sizes:
 * the drafts themselves (×1) and each draft concatenated with itself 10 and 50 times (×10, ×50),
 * which shows whether alignment stays near-linear.
 *
 * Parley's figure covers reading both files, parsing them, aligning the structure and diffing
 * the words (what `parley diff a b --format json` does minus printing); git's figure is the wall
 * time of spawning it. Both are run alternately; medians of the warm runs are compared, and the
 * first (cold) run of each is printed too. The warm-up is long because V8 keeps tiering Parley's
 * code up for its first few dozen runs (10 warm-up runs left the first measured runs 2-3× slower
 * than the rest). Garbage collection is not forced between runs (doing so
 * measured slower: V8 then shrinks the young generation again), so each run pays for the
 * collections its own and earlier runs' garbage cause. Each size runs in a process of its own, so
 * that its peak memory (maxRSS) is its own; a second process per size runs one redline only, whose
 * peak is what a user running `parley diff` once needs (the timed runs' peak holds earlier garbage).
 *
 * The target compares the redline itself (the data every output format is made from) with git,
 * whose figure includes formatting and writing its text. A second, shorter series then measures
 * the redline rendered as `parley diff` prints it (×1 only), and is printed for reference.
 *
 *   npm run bench:diff
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDraft } from '@parley/core/drafts/parse.ts';
import { redline } from '@parley/core/drafts/redline.ts';
import { toTerminal } from '@parley/cli/drafts/render-terminal.ts';
import { redlineView } from '@parley/core/drafts/view.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.resolve(repoRoot, '../shared/corpora/cop21');
const draftA = path.join(corpus, '2015-10-23.md');
const draftB = path.join(corpus, '2015-12-04.md');
if (!existsSync(draftA) || !existsSync(draftB)) {
  console.log(`skipping: ${corpus} absent`);
  process.exit(0);
}

const SCALES = (process.env.PARLEY_BENCH_SCALES ?? '1,10,50').split(',').map(Number);
const scale = Number(process.env.PARLEY_BENCH_SCALE ?? 0);
if (!scale) {
  runAllScales();
  process.exit(0);
}

// Fewer runs at the larger sizes: a ×50 run takes about fifty times as long as a ×1 run.
const RUNS = scale === 1 ? 60 : scale === 10 ? 15 : 5;
const WARMUP = scale === 1 ? 30 : scale === 10 ? 5 : 2;

// The drafts concatenated `scale` times, in a temporary folder that git reads too.
const folder = scale === 1 ? undefined : mkdtempSync(path.join(os.tmpdir(), 'parley-bench-diff-'));
const concatenated = (file: string) => {
  if (!folder) return file;
  const copy = path.join(folder, path.basename(file));
  // Appended copy by copy, as bytes: a joined string would leave megabytes of garbage on the heap
  // before the measured runs (counted in their peak, though no user's `parley diff` has it).
  const bytes = readFileSync(file);
  writeFileSync(copy, bytes);
  for (let copies = 1; copies < scale; copies++) appendFileSync(copy, Buffer.concat([NEWLINE, bytes]));
  return copy;
};
const NEWLINE = Buffer.from('\n');
const fileA = concatenated(draftA);
const fileB = concatenated(draftB);

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

function gitDiff(from: string, to: string): number {
  const result = spawnSync('git', ['diff', '--no-index', '--word-diff', from, to], {
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

function gitWordDiff(): number {
  return gitDiff(fileA, fileB);
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
// One redline in a fresh process, as `parley diff a b` runs it: its peak is the honest memory
// figure (the timed runs below follow each other, each peak holding the earlier runs' garbage).
if (process.env.PARLEY_BENCH_ONCE) {
  const ms = time(parleyRedline);
  const once: Once = { ms, maxRssMb: process.resourceUsage().maxRSS / 1024, rssBeforeMb };
  if (folder) rmSync(folder, { recursive: true, force: true });
  console.log(JSON.stringify(once));
  process.exit(0);
}
/**
 * git's fixed cost: the same command on two one-line files (what starting git, reading its
 * configuration and writing a few lines cost). Parley's figure has no such part (it runs in this
 * process), so the ×1 ratio favours Parley and the ×50 growth favours git (docs/performance.md).
 */
const startFolder = mkdtempSync(path.join(os.tmpdir(), 'parley-bench-git-start-'));
const lineA = path.join(startFolder, 'a.md');
const lineB = path.join(startFolder, 'b.md');
writeFileSync(lineA, 'Parties shall negotiate.\n');
writeFileSync(lineB, 'Parties shall agree.\n');
const gitStart = () => gitDiff(lineA, lineB);
const readBytes = readFileSync(fileA).length + readFileSync(fileB).length;
const cold = time(parleyRedline);
let gitBytes = 0;
const gitCold = time(() => (gitBytes = gitWordDiff()));
const parley: number[] = [];
const git: number[] = [];
const start: number[] = [];
for (let run = 0; run < WARMUP + RUNS; run++) {
  const p = time(parleyRedline);
  const g = time(gitWordDiff);
  const f = time(gitStart);
  if (run >= WARMUP) {
    parley.push(p);
    git.push(g);
    start.push(f);
  }
}
rmSync(startFolder, { recursive: true, force: true });

const result = parleyRedline();
const { summary } = result;
const parleyMedian = median(parley);
const gitMedian = median(git);
const maxRssMb = process.resourceUsage().maxRSS / 1024;
const heapMb = process.memoryUsage().heapUsed / 1024 / 1024;

// For reference, after the measurement above: the same with the redline rendered as text.
const rendered: number[] = [];
const renderedGit: number[] = [];
for (let run = 0; scale === 1 && run < WARMUP + RUNS / 2; run++) {
  const p = time(parleyRedlineRendered);
  const g = time(gitWordDiff);
  if (run >= WARMUP) {
    rendered.push(p);
    renderedGit.push(g);
  }
}

if (folder) rmSync(folder, { recursive: true, force: true });
const measured: Measured = {
  scale,
  runs: RUNS,
  warmup: WARMUP,
  bytes: readBytes,
  parley: { median: parleyMedian, spread: spread(parley), cold },
  git: { median: gitMedian, spread: spread(git), cold: gitCold, bytes: gitBytes },
  gitStart: median(start),
  rendered: rendered.length
    ? { median: median(rendered), spread: spread(rendered), git: median(renderedGit) }
    : undefined,
  maxRssMb,
  rssBeforeMb,
  heapMb,
  summary: {
    added: summary.wordsAdded,
    removed: summary.wordsRemoved,
    moved: summary.moved,
    modified: summary.units.modified,
    inserted: summary.units.inserted,
    deleted: summary.units.deleted,
    degraded: summary.degraded.map(({ unit, reason }) => `${unit}: ${reason}`),
  },
};
console.log(JSON.stringify(measured));

/** One cold redline in a process of its own. */
interface Once {
  ms: number;
  maxRssMb: number;
  rssBeforeMb: number;
}

interface Measured {
  scale: number;
  runs: number;
  warmup: number;
  bytes: number;
  parley: { median: number; spread: string; cold: number };
  git: { median: number; spread: string; cold: number; bytes: number };
  /** Median of git on two one-line files, spawned the same way. */
  gitStart: number;
  rendered?: { median: number; spread: string; git: number };
  maxRssMb: number;
  rssBeforeMb: number;
  heapMb: number;
  once?: Once;
  summary: {
    added: number;
    removed: number;
    moved: number;
    modified: number;
    inserted: number;
    deleted: number;
    degraded: string[];
  };
}

/** Runs each size in a child process (this script again) and prints the comparison. */
function runAllScales(): void {
  const child = <T>(size: number, once: boolean): T => {
    const run = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], {
      env: { ...process.env, PARLEY_BENCH_SCALE: String(size), PARLEY_BENCH_ONCE: once ? '1' : '' },
      maxBuffer: 16 * 1024 * 1024,
    });
    const line = run.stdout.toString().trim().split('\n').at(-1) ?? '';
    if (run.status !== 0 || !line.startsWith('{')) {
      throw new Error(`the ×${size} run failed (status ${run.status}): ${run.stderr.toString()}`);
    }
    return JSON.parse(line) as T;
  };
  const results: Measured[] = [];
  for (const size of SCALES) results.push({ ...child<Measured>(size, false), once: child<Once>(size, true) });
  const first = results[0] as Measured;
  const ratio = (m: Measured) => m.parley.median / m.git.median;
  console.log(
    `COP21 drafts: ${path.basename(draftA)} -> ${path.basename(draftB)}, alone (×1) and concatenated 10 and 50 times`,
  );
  for (const m of results) {
    console.log(
      `×${m.scale} (${(m.bytes / 1024).toFixed(0)} KB, ${m.runs} warm runs after ${m.warmup} warm-up, peak memory maxRSS ${m.maxRssMb.toFixed(0)} MB):`,
    );
    console.log(
      `  parley redline (read + parse + align + word diff): median ${m.parley.median.toFixed(1)} ms, ${m.parley.spread}, cold first run ${m.parley.cold.toFixed(1)} ms`,
    );
    console.log(
      `  git diff --no-index --word-diff (spawned):        median ${m.git.median.toFixed(1)} ms, ${m.git.spread}, cold first run ${m.git.cold.toFixed(1)} ms (${m.git.bytes} bytes of output)`,
    );
    console.log(`  git alongside on two one-line files (its start-up): median ${m.gitStart.toFixed(1)} ms`);
    const target =
      m.scale === 1
        ? 'target <= 2.00'
        : `${(ratio(m) / ratio(first)).toFixed(2)}× the ×1 ratio, target <= 2.00`;
    console.log(`  ratio parley/git (medians): ${ratio(m).toFixed(2)}  (${target})`);
    if (m.rendered) {
      console.log(
        `  for reference, parley redline + terminal text (like git's output): median ${m.rendered.median.toFixed(1)} ms, ` +
          `${m.rendered.spread}; git alongside: median ${m.rendered.git.toFixed(1)} ms; ` +
          `ratio ${(m.rendered.median / m.rendered.git).toFixed(2)} (not part of the target)`,
      );
    }
    const memoryTarget = m.scale === 1 ? 'target < 200 MB' : m.scale === 50 ? 'target < 300 MB' : 'no target';
    if (m.once) {
      console.log(
        `  peak memory of one redline in a fresh process (as \`parley diff\` runs): maxRSS ${m.once.maxRssMb.toFixed(0)} MB (${memoryTarget}; ${m.once.rssBeforeMb.toFixed(0)} MB held before it: node, tsx and the modules), ${m.once.ms.toFixed(0)} ms cold`,
      );
    }
    console.log(
      `  peak memory over all the timed runs: maxRSS ${m.maxRssMb.toFixed(0)} MB (the process held ${m.rssBeforeMb.toFixed(0)} MB before the first run), heap in use at end ${m.heapMb.toFixed(0)} MB`,
    );
    const { summary } = m;
    console.log(
      `  redline: +${summary.added} / -${summary.removed} words, ${summary.moved} moved, ` +
        `${summary.modified} modified, ${summary.inserted} inserted, ${summary.deleted} deleted units, ` +
        `degraded units: ${summary.degraded.length}`,
    );
    // A bound hit anywhere is named, never only counted.
    for (const unit of summary.degraded) console.log(`  DEGRADED ${unit}`);
  }
  const last = results.at(-1) as Measured;
  if (last !== first) bindingTargets(first, last);
}

/**
 * What the two time targets allow together. The ×N target (ratio ≤ 2× the ×1 ratio) bounds
 * Parley's own growth from ×1 to ×N by twice git's; git's ×1 is largely its start-up, so its time
 * grows far less than the text does, while any engine that reads the whole text grows with it.
 */
function bindingTargets(first: Measured, last: Measured): void {
  const growth = (m: Measured, key: 'parley' | 'git') => m[key].median / first[key].median;
  const allowed = 2 * growth(last, 'git');
  const own = (m: Measured) => m.git.median - m.gitStart;
  console.log(`×1 → ×${last.scale}, the text ${last.scale}× longer:`);
  console.log(
    `  git's time grows ${growth(last, 'git').toFixed(1)}×, its work past start-up ${(own(last) / own(first)).toFixed(1)}×; ` +
      `parley's time grows ${growth(last, 'parley').toFixed(1)}×`,
  );
  console.log(
    `  the ×${last.scale} target allows parley to grow at most ${allowed.toFixed(1)}× (2 × git's growth)` +
      (allowed < last.scale
        ? `: less than the text grows, so an engine whose time is proportional to the text cannot meet it (only a fixed cost at ×1, such as git's start-up, makes that room)`
        : ''),
  );
}
