/**
 * Benchmark of the bargaining engine against exhaustive enumeration, run side by side in this
 * process. Run with `npm run bench:deals`. For spaces too large to enumerate, the baseline
 * visits a fixed sample of packages and extrapolates its time linearly, and says so.
 */
import * as highsModule from 'highs';
import type { Highs, InitOptions } from 'highs';
import { marginObjective } from '@parley/core/bargaining/agreement.ts';
import { searchBest } from '@parley/core/bargaining/branch-and-bound.ts';
import { enumerateOutcomes } from '@parley/core/bargaining/enumerate.ts';
import type { SearchObjective } from '@parley/core/bargaining/objectives.ts';
import { outcomeCount, type NegotiationDomain } from '@parley/core/bargaining/outcome-space.ts';
import { paretoFrontier } from '@parley/core/bargaining/pareto.ts';
import { randomDomain } from '@parley/core/bargaining/random-domain.ts';
import {
  interactingFrontier,
  interactingSolutions,
} from '@parley/core/bargaining/nonlinear/interacting-analysis.ts';
import { utilitiesOfPackage } from '@parley/core/bargaining/nonlinear/interacting-utility.ts';
import { randomInteractingDomain } from '@parley/core/bargaining/nonlinear/random-interacting.ts';
import {
  bargainingSolutions,
  idealPoint,
  provenIdealPoint,
  solutionObjective,
  SOLUTION_NAMES,
} from '@parley/core/bargaining/solutions.ts';
import { frontierSample } from '@parley/core/bargaining/frontier-sample.ts';
import { anacDomains, hasAnacCorpus } from '@parley/core/bargaining/genius/anac-corpus.test-support.ts';

const time = <T>(f: () => T): { ms: number; value: T } => {
  const start = performance.now();
  const value = f();
  return { ms: performance.now() - start, value };
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(1)} ms`);

/** The full engine analysis: exact frontier plus the four points (ideal point included). */
function engine(domain: NegotiationDomain) {
  return { frontier: paretoFrontier(domain), solutions: bargainingSolutions(domain) };
}

function enumeration(domain: NegotiationDomain, limit?: number) {
  const ideal = idealPoint(domain);
  const objectives = SOLUTION_NAMES.flatMap((n) => solutionObjective(domain, n, ideal) ?? []);
  return enumerateOutcomes(domain, objectives, { frontier: true, limit });
}

function same(
  domain: NegotiationDomain,
  e: ReturnType<typeof engine>,
  b: ReturnType<typeof enumeration>,
): boolean {
  if (e.frontier.size !== b.frontier!.length) return false;
  let k = 0;
  const ideal = idealPoint(domain);
  return SOLUTION_NAMES.every((name) => {
    if (!solutionObjective(domain, name, ideal)) return true;
    const expected = b.best[k++];
    const point = e.solutions.points[name];
    const got = 'candidate' in point ? point.candidate.utilities : undefined;
    if (!expected || !got) return !expected && !got;
    return got.every((u, p) => Math.abs(u - expected.utilities[p]!) <= 1e-9);
  });
}

console.log('Parley bargaining engine vs exhaustive enumeration (same process)\n');

// 1. Every ANAC domain: identical results, and the time of each approach.
if (hasAnacCorpus) {
  let engineMs = 0;
  let baselineMs = 0;
  let identical = 0;
  let total = 0;
  for (const { domain } of anacDomains()) {
    const e = time(() => engine(domain));
    const b = time(() => enumeration(domain));
    engineMs += e.ms;
    baselineMs += b.ms;
    total++;
    if (same(domain, e.value, b.value)) identical++;
  }
  console.log(
    `ANAC corpus: ${identical}/${total} domains identical to enumeration (frontier size; Nash, KS, welfare, egalitarian utilities within 1e-9)`,
  );
  console.log(
    `  engine ${ms(engineMs)}  enumeration ${ms(baselineMs)}  ratio ${(baselineMs / engineMs).toFixed(1)}×\n`,
  );
} else console.log('ANAC corpus: skipped (../shared/corpora/genius absent)\n');

// 2. A 10^7-package two-party domain, enumerated in full.
{
  const domain = randomDomain({ issues: 7, options: 10, parties: 2, seed: 7, reservationShare: 0.3 });
  engine(domain); // warm-up
  const runs = Array.from({ length: 5 }, () => time(() => engine(domain)));
  const b = time(() => enumeration(domain));
  const e = median(runs.map((r) => r.ms));
  console.log(
    `10^7 packages, 7 issues × 10 options, 2 parties (seed 7): ${outcomeCount(domain).toExponential(1)} packages`,
  );
  console.log(`  identical to enumeration: ${same(domain, runs[0]!.value, b.value)}`);
  console.log(
    `  engine (frontier + 4 points, median of 5) ${ms(e)}  enumeration (all packages) ${ms(b.ms)}  ratio ${(b.ms / e).toFixed(0)}× (target ≥ 100×)\n`,
  );
}

// 3. Exact Nash with certificate on huge domains; baseline extrapolated from a fixed sample.
for (const shape of [
  { issues: 20, options: 6, parties: 3, seed: 1, target: 100 },
  { issues: 50, options: 10, parties: 5, seed: 1, target: 1000 },
]) {
  const domain = randomDomain(shape);
  const objective = solutionObjective(domain, 'nash')!;
  searchBest(domain, objective); // warm-up
  const runs = Array.from({ length: 5 }, () => time(() => searchBest(domain, objective)));
  const e = median(runs.map((r) => r.ms));
  const c = runs[0]!.value.certificate;
  const sample = 1_000_000;
  const b = time(() => enumerateOutcomes(domain, [objective], { limit: sample }));
  const perPackage = b.ms / b.value.visited;
  const extrapolated = perPackage * outcomeCount(domain);
  console.log(
    `Nash, ${shape.issues} issues × ${shape.options} options × ${shape.parties} parties (seed ${shape.seed}): ${outcomeCount(domain).toExponential(1)} packages`,
  );
  console.log(
    `  engine (median of 5) ${ms(e)} (target < ${ms(shape.target)}); certificate: proven=${c.proven}, log Nash product ${c.value.toFixed(12)} ≤ upper bound ${c.upperBound.toFixed(12)}, root bound ${c.rootBound.toFixed(12)}, ${c.nodes} nodes, ${c.relaxations} relaxations`,
  );
  console.log(
    `  enumeration: ${sample.toLocaleString('en-US')} packages in ${ms(b.ms)}, extrapolated linearly to all: ${(extrapolated / 1000 / 3600 / 24 / 365).toExponential(2)} years`,
  );
  console.log(`  ratio ${(extrapolated / e).toExponential(2)}× (baseline extrapolated, not run)\n`);
}

// 4. Exact max-min objectives (Kalai–Smorodinsky, agreement margin) on huge domains, beside the
// same problem as a mixed-integer program solved by HiGHS (WebAssembly) and the enumeration
// baseline extrapolated from a fixed sample.
// The package runs as ESM but its types read as CommonJS under NodeNext: the ESM default export is the loader.
const highsLoader = (highsModule as unknown as { default: (options?: InitOptions) => Promise<Highs> })
  .default;
const highs = await highsLoader();

/** max t s.t. w_p·(u_p − d_p) ≥ t for every player, one option per issue; every domain here has parties only. */
function maxminMip(domain: NegotiationDomain, objective: SearchObjective): string {
  const x = (i: number, j: number) => `x_${i}_${j}`;
  const lines = ['Maximize', ' obj: t', 'Subject To'];
  domain.stakeholders.forEach((s, p) => {
    const w = objective.weights[p]!;
    if (w === 0) return;
    const terms = s.scores.flatMap((row, i) => row.map((v, j) => `+ ${(w * v).toPrecision(17)} ${x(i, j)}`));
    lines.push(` p${p}: ${terms.join(' ')} - t >= ${(w * objective.thresholds[p]!).toPrecision(17)}`);
  });
  domain.issues.forEach((issue, i) =>
    lines.push(` c${i}: ${issue.options.map((_, j) => `+ ${x(i, j)}`).join(' ')} = 1`),
  );
  const binaries = domain.issues.flatMap((issue, i) => issue.options.map((_, j) => x(i, j)));
  lines.push('Bounds', ' t free', 'Binary', ` ${binaries.join(' ')}`, 'End');
  return lines.join('\n');
}

for (const shape of [
  { issues: 30, options: 10, parties: 5, seed: 1, target: 1000 },
  { issues: 50, options: 10, parties: 5, seed: 1, target: 5000 },
]) {
  const domain = randomDomain(shape);
  const ideal = idealPoint(domain);
  const objectives: [string, SearchObjective][] = [
    ['Kalai–Smorodinsky', solutionObjective(domain, 'kalaiSmorodinsky', ideal)!],
    ['agreement margin', marginObjective(domain)],
  ];
  for (const [label, objective] of objectives) {
    searchBest(domain, objective); // warm-up
    const runs = Array.from({ length: 3 }, () => time(() => searchBest(domain, objective)));
    const e = median(runs.map((r) => r.ms));
    const c = runs[0]!.value.certificate;
    const mip = maxminMip(domain, objective);
    const h = time(() => highs.solve(mip, { mip_rel_gap: 0, mip_abs_gap: 0, output_flag: false }));
    const sample = 1_000_000;
    const b = time(() => enumerateOutcomes(domain, [objective], { limit: sample }));
    const extrapolated = (b.ms / b.value.visited) * outcomeCount(domain);
    console.log(
      `${label}, ${shape.issues} issues × ${shape.options} options × ${shape.parties} parties (seed ${shape.seed}): ${outcomeCount(domain).toExponential(1)} packages`,
    );
    console.log(
      `  engine (median of 3) ${ms(e)} (target < ${ms(shape.target)}); certificate: proven=${c.proven}, value ${c.value.toFixed(12)} ≤ upper bound ${c.upperBound.toFixed(12)}, root bound ${c.rootBound.toFixed(12)}, ${c.nodes} nodes, ${c.relaxations} relaxations`,
    );
    const agrees = Math.abs(h.value.ObjectiveValue - c.value) <= 1e-9;
    console.log(
      `  HiGHS MILP (gap 0): ${ms(h.ms)}, status ${h.value.Status}, value ${h.value.ObjectiveValue.toFixed(12)} (${agrees ? 'agrees within 1e-9' : 'DIFFERS'}); engine ${(h.ms / e).toFixed(1)}× faster`,
    );
    console.log(
      `  enumeration: ${sample.toLocaleString('en-US')} packages in ${ms(b.ms)}, extrapolated linearly to all: ${(extrapolated / 1000 / 3600 / 24 / 365).toExponential(2)} years; ratio ${(extrapolated / e).toExponential(2)}× (baseline extrapolated, not run)\n`,
    );
  }
}

// 5. Non-linear (hyper-rectangle) domains shaped like ANAC 2014: exact two-party frontier, proven
// Nash and max-welfare points; the baseline (every package evaluated) extrapolated from a sample.
for (const shape of [
  { issues: 10, values: 10, parties: 2, rectangles: 50, maxBounds: 3, seed: 10 },
  { issues: 50, values: 10, parties: 2, rectangles: 25, maxBounds: 2, seed: 50 },
]) {
  const domain = randomInteractingDomain(shape);
  const budget = { timeLimitMs: 30_000 };
  const points = time(() => interactingSolutions(domain, undefined, budget));
  const frontier = time(() => interactingFrontier(domain, [0, 1], budget));
  const packages = domain.issues.reduce((n, issue) => n * issue.options.length, 1);
  const sample = 200_000;
  const b = time(() => {
    let x = 0;
    const outcome = domain.issues.map(() => 0);
    for (let k = 0; k < sample; k++) {
      for (let i = 0; i < outcome.length; i++) outcome[i] = (k * (i + 7) + i) % shape.values;
      x += utilitiesOfPackage(domain, outcome)[0]!;
    }
    return x;
  });
  const extrapolated = (b.ms / sample) * packages;
  const proof = (p: (typeof points.value)['nash']) =>
    p.certificate ? `proven=${p.certificate.proven}, ${p.certificate.nodes} nodes` : 'no certificate';
  console.log(
    `Non-linear, ${shape.issues} integer issues × ${shape.values} values, ${shape.rectangles} hyper-rectangles per profile (≤ ${shape.maxBounds} issues each), 2 parties (seed ${shape.seed}): ${packages.toExponential(1)} packages`,
  );
  console.log(
    `  Nash + max welfare + ideal point: ${ms(points.ms)} (Nash ${proof(points.value.nash)}; welfare ${proof(points.value.maxWelfare)})`,
  );
  console.log(
    `  exact Pareto frontier: ${ms(frontier.ms)}, ${frontier.value.proven ? `${frontier.value.size} points, proven` : `NOT proven within 30 s (${frontier.value.points.length} points found)`}, ${frontier.value.nodes} nodes`,
  );
  console.log(
    `  enumeration: ${sample.toLocaleString('en-US')} packages in ${ms(b.ms)}, extrapolated to all: ${(extrapolated / 1000 / 3600 / 24 / 365).toExponential(2)} years (baseline extrapolated, not run)\n`,
  );
}

// 6. Many parties: the four points, proven with their certificates, at 5 and 10 parties on 10^12
// and 10^50 packages, each search under a 30 s budget (a search past it says so, with its gap),
// beside HiGHS on the max-min points (the same MILP as above, 60 s limit) and a weighted-sum
// frontier sample. Enumeration cannot run at these sizes; it is extrapolated as above.
console.log('Many parties: proven points on generated domains (reservation values 30% of each best)\n');
for (const shape of [
  { issues: 12, options: 10, parties: 5, seed: 1, reservationShare: 0.3 },
  { issues: 50, options: 10, parties: 5, seed: 1, reservationShare: 0.3 },
  { issues: 12, options: 10, parties: 10, seed: 1, reservationShare: 0.3 },
  { issues: 50, options: 10, parties: 10, seed: 1, reservationShare: 0.3 },
]) {
  const domain = randomDomain(shape);
  const budget = { timeLimitMs: 30_000 };
  console.log(
    `${shape.parties} parties, ${shape.issues} issues × ${shape.options} options (seed ${shape.seed}): ${outcomeCount(domain).toExponential(1)} packages`,
  );
  const ideal = time(() => provenIdealPoint(domain, budget));
  console.log(`  ideal point (one exact search per party): ${ms(ideal.ms)}, proven=${ideal.value.proven}`);
  for (const name of SOLUTION_NAMES) {
    const objective = solutionObjective(domain, name, ideal.value.ideal)!;
    const run = time(() => searchBest(domain, objective, budget));
    const c = run.value.certificate;
    const target = name === 'nash' || name === 'maxWelfare' ? 1000 : 10_000;
    const verdict = c.proven
      ? 'proven'
      : `NOT proven within budget, gap ${(c.upperBound - c.value).toExponential(2)}`;
    console.log(
      `  ${name.padEnd(17)} ${ms(run.ms)} (target < ${ms(target)}): ${verdict}; value ${c.value.toFixed(12)} ≤ ${c.upperBound.toFixed(12)}, ${c.nodes} nodes`,
    );
    if (objective.kind === 'maxmin') {
      const h = time(() =>
        highs.solve(maxminMip(domain, objective), {
          mip_rel_gap: 0,
          mip_abs_gap: 0,
          output_flag: false,
          time_limit: 60,
        }),
      );
      const agrees = Math.abs(h.value.ObjectiveValue - c.value) <= 1e-9;
      console.log(
        `    HiGHS MILP (gap 0, 60 s limit): ${ms(h.ms)}, status ${h.value.Status}, value ${h.value.ObjectiveValue.toFixed(12)} (${agrees ? 'agrees within 1e-9' : 'differs'})`,
      );
    }
  }
  const sample = time(() => frontierSample(domain, 20, 'weighted-sum', budget));
  console.log(
    `  frontier sample (20 weighted-sum directions): ${sample.value.points.length} distinct points, ${sample.value.points.filter((p) => p.proven).length} proven Pareto-optimal, ${ms(sample.ms)}`,
  );
  const b = time(() => enumerateOutcomes(domain, [solutionObjective(domain, 'nash')!], { limit: 1_000_000 }));
  const years = ((b.ms / b.value.visited) * outcomeCount(domain)) / 1000 / 3600 / 24 / 365;
  console.log(
    `  enumeration (Nash only): extrapolated from 10^6 packages to all: ${years.toExponential(2)} years\n`,
  );
}
