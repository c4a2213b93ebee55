import { parseInput } from '@parley/app/inputs/parse-input.ts';
import { planWhatIf, whatIfInput, type WhatIfReport } from '@parley/app/simulate/what-if.ts';
import type { RunRecord } from '@parley/core/simulate/monte-carlo.ts';
import { consecutiveDays } from '@parley/core/simulate/calendar.ts';
import { runOnWorkers } from '@parley/server/simulate/monte-carlo-pool.ts';
import { printJson, type Output } from '../output.ts';
import { loadCaseForCli } from '../load-case.ts';
import { modelStep } from '../deals/model-step.ts';
import { progressLine } from '../simulate/progress-line.ts';

/**
 * `parley simulate whatif <case-dir>`: the ceasefire-first question (app simulate/what-if.ts),
 * each scenario × agenda a Monte Carlo on the worker pool, printed as agreement probability over
 * time with what drives it, under a banner that it is model output on assumptions.
 */
export async function runWhatIf(dir: string, flags: Record<string, unknown>, output: Output): Promise<void> {
  const input = parseInput(whatIfInput, flags, {
    runs: '--runs',
    seed: '--seed',
    deadline: '--deadline',
    from: '--from',
    workers: '--workers',
    noise: '--noise',
  });
  const caseData = await loadCaseForCli(dir);
  const plan = modelStep(() => planWhatIf(caseData, input, dir));
  const total = plan.jobs.length * input.runs;
  const progress = progressLine(process.stderr, `${total} runs`);
  const records: RunRecord[][] = [];
  for (const [k, { job }] of plan.jobs.entries()) {
    records.push(
      await runOnWorkers(job, {
        ...(input.workers ? { workers: input.workers } : {}),
        onProgress: (done) => progress(k * input.runs + done, total),
      }),
    );
  }
  progress.end();
  const report = plan.finish(records);
  if (flags.json) printJson(output, report);
  else output.out(formatWhatIf(report));
}

const percent = (x: number) => `${Math.round(100 * x)}%`.padStart(4);

/** Checkpoint days of the curve: every seventh day and the last. */
const checkpoints = (days: number) =>
  [...Array.from({ length: Math.floor(days / 7) }, (_, k) => 7 * (k + 1)), days].filter(
    (d, k, all) => all.indexOf(d) === k,
  );

const byParty = (values: Record<string, string>) =>
  Object.entries(values)
    .map(([id, x]) => `${id} ${x}`)
    .join(', ');

export function formatWhatIf(report: WhatIfReport): string {
  const days = report.cells[0]?.curve.length ?? 0;
  const marks = checkpoints(days);
  const calendar = consecutiveDays(report.from, days);
  const dayOf = (d: number) => calendar[d - 1]!.slice(5);
  const lines = [
    'MODEL OUTPUT ON ASSUMPTIONS — not a finding about what happened. The preferences, reservation values',
    "and scenarios are the analyst model's (model.yaml); the agendas are read from the case as below; the",
    'tactics are simulated parties, not the delegations.',
    '',
    `${report.caseId}: the ceasefire-first question, ${report.from} to ${report.to}, one round a day, ${report.runs} runs per cell from seed ${report.seed}`,
    `Tactics: ${byParty(report.tactics)} (a range is drawn per run); acceptance ${byParty(report.acceptances)} (next: AC_next; last: anything at or above its limit on its last chance).`,
    `Guarantors: ${byParty(report.guarantors)} (informed: a party offers and accepts only packages every obliged guarantor signs; learn: it excludes what a veto taught it; blind: it ignores them).`,
    'Agendas:',
    ...report.agendas.map((a) => `  ${a.id}: ${a.title} — ${a.basis}: ${a.issues.join(', ') || 'none'}`),
    '',
    `Agreement probability by day (share of runs agreed; 95% Wilson interval of the final share):`,
    `  ${'scenario / agenda'.padEnd(44)}${marks.map((d) => dayOf(d).padStart(6)).join('')}   final`,
  ];
  for (const scenario of report.scenarios) {
    for (const cell of report.cells.filter((c) => c.scenario === scenario.id)) {
      lines.push(
        `  ${`${scenario.id} / ${cell.agenda}`.padEnd(44)}${marks.map((d) => percent(cell.curve[d - 1]!).padStart(6)).join('')}   ${percent(cell.agreement.mean)} [${percent(cell.agreement.low).trim()}, ${percent(cell.agreement.high).trim()}]`,
      );
    }
  }
  lines.push(
    '',
    'What drives it (per cell: the agreement set — packages every required signatory prefers to no deal —',
    'as the reservation values move, with its margin and the binding signatories; who must sign; how runs ended):',
  );
  for (const cell of report.cells) {
    const failed = [
      cell.endings.deadline ? `${cell.endings.deadline} reached the deadline` : '',
      ...Object.entries(cell.endings.walkedAway).map(
        ([id, n]) => `${n} ended by ${id} (nothing left above its limit)`,
      ),
    ].filter(Boolean);
    const vetoes = Object.entries(cell.vetoes)
      .sort((a, b) => b[1] - a[1])
      .map(([id, n]) => `${id} ${n}`);
    const window = cell.window
      .map(
        (w) =>
          `from ${w.from} ${w.margin >= -1e-12 ? 'open' : 'closed'} (margin ${w.margin >= 0 ? '+' : ''}${w.margin.toFixed(3)}, binding ${w.binding.join(', ')})`,
      )
      .join('; ');
    lines.push(
      `  ${cell.scenario} / ${cell.agenda}: agreement set ${window}`,
      `    why: ${cell.why}`,
      `    signatories ${cell.signatories.join(', ')}; ${cell.firstDay ? `agreements ${cell.firstDay} to ${cell.lastDay}` : 'no agreement'}${failed.length ? `; ${failed.join(', ')}` : ''}${vetoes.length ? `; vetoes ${vetoes.join(', ')}` : ''}`,
    );
  }
  return lines.join('\n');
}
