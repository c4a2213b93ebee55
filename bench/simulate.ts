/**
 * Benchmark of `parley simulate`, each figure beside its baseline in the same run. Run with
 * `npm run bench:simulate` (BENCH_RUNS=n changes the Monte Carlo's 10,000 runs).
 *
 * 1. Negotiations per second on the small ANAC domains (../shared/corpora/genius/anac, at most
 *    10,000 packages; skipped with a notice when absent), Boulware (e = 0.2) against Conceder
 *    (e = 2), 100 rounds: the bid search against enumeration-based bid selection.
 * 2. Time per offer on a random 20-issue × 6-option domain (3.7·10¹⁵ packages), Boulware 0.2 vs
 *    0.5, 100 rounds: CPU time per turn after a warm-up, against the 1 ms target; enumeration is
 *    extrapolated from its measured packages per second (it cannot run).
 * 3. A Monte Carlo on the embedded case (istanbul-2022, from its asOf, 100 days), e drawn in
 *    0.1..2 for both parties, on every core (worker threads), against one thread on a share of
 *    the runs, extrapolated; the target is 10,000 runs in 30 s. Also its CPU time per run (all
 *    threads), which other processes on the machine do not inflate as they do the wall time.
 */
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { outcomeCount } from '@parley/core/bargaining/outcome-space.ts';
import { randomDomain } from '@parley/core/bargaining/random-domain.ts';
import { enumerateBid } from '@parley/core/simulate/bid-enumeration.ts';
import { simulateOnce, type SimulationSpec } from '@parley/core/simulate/run.ts';
import { parseInput } from '@parley/app/inputs/parse-input.ts';
import { simulateInput } from '@parley/app/simulate/input.ts';
import { planCaseSimulation } from '@parley/app/simulate/simulate.ts';
import { loadCase } from '@parley/case-files/load.ts';
import { runOnWorkers } from '@parley/server/simulate/monte-carlo-pool.ts';
import {
  anacCorpus,
  anacDomains,
  hasAnacCorpus,
} from '@parley/core/bargaining/genius/anac-corpus.test-support.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const cpuMs = <T>(f: () => T): { ms: number; value: T } => {
  const start = process.cpuUsage();
  const value = f();
  const used = process.cpuUsage(start);
  return { ms: (used.user + used.system) / 1000, value };
};
const ratio = (x: number, baseline: number) => {
  const r = baseline / x;
  return `${r < 1e4 ? r.toFixed(2) : r.toExponential(1)}× the baseline's speed`;
};

const boulwareConceder = (
  deadline: number,
  bidSelection: SimulationSpec['bidSelection'],
): SimulationSpec => ({
  protocol: 'saop',
  deadline,
  seed: 1,
  bidSelection,
  plays: [
    { tactic: { kind: 'time-dependent', e: 0.2 }, acceptance: { kind: 'next' } },
    { tactic: { kind: 'time-dependent', e: 2 }, acceptance: { kind: 'next' } },
  ],
});

function anacBench(): void {
  console.log(
    '1. Negotiations per second, small ANAC domains (≤ 10,000 packages), Boulware 0.2 vs Conceder 2, 100 rounds',
  );
  if (!hasAnacCorpus) {
    console.log(`   skipped: ${anacCorpus} is absent`);
    return;
  }
  const small = anacDomains().filter(
    (d) => outcomeCount(d.domain) <= 10_000 && d.domain.stakeholders.length === 2,
  );
  let search = 0;
  let enumeration = 0;
  for (const { domain } of small) {
    simulateOnce(domain, boulwareConceder(100, 'search')); // warm-up
    search += cpuMs(() => simulateOnce(domain, boulwareConceder(100, 'search'))).ms;
    enumeration += cpuMs(() => simulateOnce(domain, boulwareConceder(100, 'enumeration'))).ms;
  }
  const perSecond = (ms: number) => (1000 * small.length) / ms;
  console.log(
    `   ${small.length} domains: search ${perSecond(search).toFixed(1)}/s, enumeration ${perSecond(enumeration).toFixed(1)}/s: ${ratio(search, enumeration)}`,
  );
}

function offerBench(): void {
  const domain = randomDomain({ issues: 20, options: 6, parties: 2, seed: 7 });
  console.log(
    `2. Time per offer, random 20 × 6 domain (${outcomeCount(domain).toExponential(2)} packages), Boulware 0.2 vs 0.5, 100 rounds`,
  );
  const spec: SimulationSpec = {
    ...boulwareConceder(100, 'search'),
    plays: [
      { tactic: { kind: 'time-dependent', e: 0.2 }, acceptance: { kind: 'next' } },
      { tactic: { kind: 'time-dependent', e: 0.5 }, acceptance: { kind: 'next' } },
    ],
  };
  for (let k = 0; k < 3; k++) simulateOnce(domain, spec); // warm-up
  let ms = 0;
  let turns = 0;
  for (let k = 0; k < 10; k++) {
    const run = cpuMs(() => simulateOnce(domain, spec));
    ms += run.ms;
    turns += run.value.steps;
  }
  const perTurn = ms / turns;
  // Enumeration's rate, measured on a 7-issue slice (6^7 = 279,936 packages).
  const slice = randomDomain({ issues: 7, options: 6, parties: 2, seed: 7 });
  const [mine, theirs] = slice.stakeholders.map((s) => s.scores) as [number[][], number[][]];
  const walk = cpuMs(() => enumerateBid(mine, theirs, 0.5));
  const packagesPerMs = 279_936 / walk.ms;
  const enumerationMs = outcomeCount(domain) / packagesPerMs;
  console.log(
    `   search: ${perTurn.toFixed(3)} ms per turn (CPU, ${turns} turns): ${(perTurn / 1).toFixed(2)} of the 1 ms target`,
  );
  console.log(
    `   enumeration: ${Math.round(packagesPerMs).toLocaleString('en')} packages/ms, so ${(enumerationMs / 3.15e10).toExponential(1)} years per offer (extrapolated): search is ${ratio(perTurn, enumerationMs)}`,
  );
}

async function monteCarloBench(): Promise<void> {
  const runs = Number(process.env.BENCH_RUNS ?? 10_000);
  const workers = availableParallelism();
  console.log(
    `3. Monte Carlo, embedded case (istanbul-2022), ${runs} runs, e in 0.1..2 for both parties, 100 days, ${workers} workers`,
  );
  const loaded = await loadCase(path.join(repoRoot, 'cases/istanbul-2022'));
  const caseData = loaded.caseData;
  if (!caseData) throw new Error('the embedded case does not load');
  const input = (n: number) =>
    parseInput(simulateInput, {
      runs: String(n),
      tactic: ['ru=time:0.1..2', 'ua=time:0.1..2'],
    });
  const share = Math.max(1, Math.ceil(runs / 20));
  const single = planCaseSimulation(caseData, input(share), 'istanbul-2022');
  const t1 = performance.now();
  await runOnWorkers(single.job, { workers: 1 });
  const oneThread = ((performance.now() - t1) * runs) / share;
  const plan = planCaseSimulation(caseData, input(runs), 'istanbul-2022');
  const t0 = performance.now();
  // CPU of the whole process, worker threads included: the figure other load on the machine does
  // not inflate (wall time does).
  const cpu0 = process.cpuUsage();
  const records = await runOnWorkers(plan.job, { workers });
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cpuMsPerRun = (cpu.user + cpu.system) / 1000 / runs;
  const report = plan.finish(records).report;
  console.log(
    `   ${(wall / 1000).toFixed(1)} s on ${workers} workers (target 30 s for 10,000 runs), one thread ${(oneThread / 1000).toFixed(1)} s (extrapolated from ${share} runs): ${ratio(wall, oneThread)}`,
  );
  console.log(
    `   CPU ${((cpuMsPerRun * runs) / 1000).toFixed(1)} s in all, ${cpuMsPerRun.toFixed(2)} ms per run (worker start-up included); load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`,
  );
  console.log(
    `   agreement rate ${report.summary.agreementRate.mean.toFixed(3)} [${report.summary.agreementRate.low.toFixed(3)}, ${report.summary.agreementRate.high.toFixed(3)}]`,
  );
}

anacBench();
offerBench();
await monteCarloBench();
