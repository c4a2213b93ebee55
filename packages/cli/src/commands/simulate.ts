import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { ParleyError } from '@parley/model/errors.ts';
import { parseInput } from '@parley/app/inputs/parse-input.ts';
import { simulateInput } from '@parley/app/simulate/input.ts';
import {
  planCaseSimulation,
  planGeniusSimulation,
  type Simulation,
  type SimulationPlan,
  type SimulationReport,
} from '@parley/app/simulate/simulate.ts';
import type { Estimate } from '@parley/core/simulate/measures.ts';
import { runOnWorkers } from '@parley/server/simulate/monte-carlo-pool.ts';
import { readGeniusFile } from '../read-genius-file.ts';
import type { CommandRegistrar } from '../command-registrar.ts';
import { printJson } from '../output.ts';
import { loadCaseForCli } from '../load-case.ts';
import { modelStep } from '../deals/model-step.ts';
import { writeErrorText } from '../exit-codes.ts';
import { progressLine } from '../simulate/progress-line.ts';
import { runWhatIf } from './simulate-whatif.ts';

/**
 * `parley simulate`: negotiations between automated parties on a GENIUS domain or a case's
 * model (docs/simulate.md). The use case lives in packages/app/src/simulate; this file reads the
 * files, writes the trace and prints the report.
 */

const FLAGS = {
  protocol: '--protocol',
  variant: '--variant',
  deadline: '--deadline',
  runs: '--runs',
  seed: '--seed',
  discount: '--discount',
  from: '--from',
  scenario: '--scenario',
  workers: '--workers',
  noise: '--noise',
};

const collect = (value: string, previous: string[] = []) => [...previous, value];

export const registerSimulate: CommandRegistrar = (program, output) => {
  program
    .command('simulate')
    .description('run automated negotiations (SAOP or single text) on a GENIUS domain or a case model')
    .argument(
      '<inputs...>',
      'domain.xml profile.xml… (GENIUS), a case folder, or `whatif <case-dir>` (the ceasefire-first question)',
    )
    .option('--protocol <name>', 'saop (stacked alternating offers, default) or single-text (mediated)')
    .option('--variant <name>', 'single-text only: veto (default) or hill-climbing')
    .option(
      '--tactic <party=spec>',
      "a party's tactic: boulware[:e], linear, conceder[:e], hardliner, time:e[:k], tit-for-tat[:absolute], random, subgame-perfect, scripted; a parameter may be a range low..high drawn per run (repeatable; default boulware:0.2)",
      collect,
    )
    .option(
      '--accept <party=spec>',
      "a party's acceptance condition: next, const:α, time:T, joined by & or | (repeatable; default next)",
      collect,
    )
    .option(
      '--guarantors <mode>',
      'what the parties know of the guarantors: informed (default; they offer and accept only what every obliged guarantor signs), learn (from vetoes) or blind; or party=mode (repeatable)',
      collect,
    )
    .option('--deadline <n>', 'rounds (SAOP) or mediator steps (single text); default 100')
    .option(
      '--discount <d>',
      "discount factor d for every party (utility u·d^t); default: each profile's own",
    )
    .option('--from <date>', "case folders: the first day, one round a day (default: the case's asOf)")
    .option('--scenario <id>', 'case folders: apply a scenario of the analyst model (model.yaml)')
    .option('--runs <n>', 'number of runs (Monte Carlo), seeds seed, seed+1, …; default 1')
    .option('--workers <k>', 'worker threads for the runs; default: the available parallelism')
    .option('--noise <x>', 'opponent-model noise: a number or a range low..high in [0, 1], drawn per run')
    .option('--seed <s>', 'seed of the first run; default 1')
    .option('--trace <file>', "write every run's trace: CSV if the name ends in .csv, JSON otherwise")
    .option('--json', 'print JSON')
    .action(async (inputs: string[], _flags: unknown, cmd: Command) => {
      const flags = cmd.optsWithGlobals();
      if (inputs[0] === 'whatif') {
        if (inputs.length !== 2) throw new ParleyError('usage', 'usage: parley simulate whatif <case-dir>');
        await runWhatIf(inputs[1]!, flags, output);
        return;
      }
      const input = parseInput(simulateInput, flags, FLAGS);
      const withTrace = typeof flags.trace === 'string';
      let plan: SimulationPlan;
      if (inputs.length === 1) {
        const dir = inputs[0]!;
        const caseData = await loadCaseForCli(dir);
        plan = modelStep(() => planCaseSimulation(caseData, input, dir, withTrace));
      } else {
        const texts: { file: string; text: string }[] = [];
        for (const file of inputs) texts.push({ file, text: await readGeniusFile(file) });
        plan = planGeniusSimulation(texts, input, withTrace);
      }
      const progress = progressLine(process.stderr, `${input.runs} runs`);
      const records = await runOnWorkers(plan.job, {
        ...(input.workers ? { workers: input.workers } : {}),
        onProgress: progress,
      });
      progress.end();
      const simulation = plan.finish(records);
      if (typeof flags.trace === 'string') await writeTrace(flags.trace, simulation);
      if (flags.json) printJson(output, simulation.report);
      else output.out(formatSimulation(simulation.report));
    });
};

async function writeTrace(file: string, simulation: Simulation): Promise<void> {
  const text = file.toLowerCase().endsWith('.csv')
    ? simulation.csv()
    : JSON.stringify(simulation.traces, null, 2) + '\n';
  try {
    await writeFile(file, text);
  } catch (error) {
    throw new ParleyError('cannot-write', `${file}: cannot write (${writeErrorText(error)})`);
  }
}

const fixed = (x: number) => x.toFixed(3);
const interval = (e: Estimate | null) =>
  e === null ? '—' : e.n > 1 ? `${fixed(e.mean)} [${fixed(e.low)}, ${fixed(e.high)}]` : fixed(e.mean);
const measure = (m: Estimate | { reason: string }) =>
  'reason' in m ? `not computed (${m.reason})` : interval(m);

export function formatSimulation(report: SimulationReport): string {
  const lines = [
    `${report.domain}${report.scenario ? ` (scenario ${report.scenario})` : ''}${report.from ? ` from ${report.from} to ${report.to}` : ''}: ${report.protocol}${report.variant ? ` (${report.variant})` : ''}, deadline ${report.deadline}, ${report.runs} run${report.runs === 1 ? '' : 's'} from seed ${report.seed}`,
    ...report.parties.map(
      (p) =>
        `  ${p.id}: ${p.tactic}, accept ${p.acceptance}${p.guarantors === 'informed' ? '' : `, guarantors ${p.guarantors}`}, reservation value ${fixed(p.reservationValue)}${p.discount < 1 ? `, discount ${p.discount}` : ''}`,
    ),
  ];
  if (report.result) {
    const { agreement, ending, steps } = report.result;
    if (agreement) {
      lines.push(
        `Agreement at round ${agreement.round}${agreement.day ? `, ${agreement.day}` : ''} (step ${agreement.step}, t = ${fixed(agreement.time)}):`,
      );
      for (const [issue, option] of Object.entries(agreement.package)) lines.push(`  ${issue}: ${option}`);
      lines.push(
        `  utilities: ${report.parties.map((p) => `${p.id} ${fixed(agreement.discounted[p.id]!)}`).join(', ')}`,
      );
    } else
      lines.push(
        `No agreement (${ending === 'deadline' ? 'deadline reached' : 'a party walked away'}) after ${steps} steps.`,
      );
  }
  const s = report.summary;
  const many = report.runs > 1;
  lines.push(
    `Agreement rate ${interval(s.agreementRate)}${many ? ' (95% Wilson interval)' : ''}, mean agreement round ${interval(s.agreementRound)}${report.agreementDay ? `, day ${report.agreementDay.mean}${many ? ` [${report.agreementDay.low}, ${report.agreementDay.high}]` : ''}` : ''}`,
    `Mean utilities: ${Object.entries(s.utilities)
      .map(([id, e]) => `${id} ${interval(e)}`)
      .join(', ')}`,
    `Distance to the Pareto frontier ${measure(s.distanceToPareto)}, to the Nash point ${measure(s.distanceToNash)}`,
  );
  if (many) {
    const walked = Object.entries(report.endings.walkedAway).map(([id, n]) => `${n} walked away (${id})`);
    const vetoes = Object.entries(report.vetoes).map(([id, n]) => `${id} ${n}`);
    lines.push(
      `Endings: ${[`${report.endings.agreement} agreed`, `${report.endings.deadline} reached the deadline`, ...walked].join(', ')}${vetoes.length ? `; vetoes: ${vetoes.join(', ')}` : ''}`,
      'Means with 95% normal intervals (mean ± 1.96·s/√n).',
    );
  }
  return lines.join('\n');
}
