import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import pc from 'picocolors';
import { listAssumptions } from '../../bargaining/assumptions.ts';
import { adjustedWinnerReport } from '../../bargaining/case-adjusted-winner.ts';
import { dayOf, domainOn, ModelError, changeDays } from '../../bargaining/case-model.ts';
import {
  dealsReport,
  prepare,
  windowReport,
  type AgreementReport,
  type CaseModelInput,
  type DealsReport,
  type SolutionReport,
} from '../../bargaining/case-report.ts';
import { exportGenius } from '../../bargaining/genius/genius-export.ts';
import { geniusReport, type GeniusReport } from '../../bargaining/genius/genius-report.ts';
import { importGenius } from '../../bargaining/genius/genius-xml.ts';
import { GeniusWebError, importGeniusWeb } from '../../bargaining/genius/geniusweb-import.ts';
import { GeniusFormatError } from '../../bargaining/genius/xml-document.ts';
import { sensitivity, type SensitivityResult } from '../../bargaining/sensitivity.ts';
import { SOLUTION_NAMES } from '../../bargaining/solutions.ts';
import { parseEdtf } from '../../case/edtf.ts';
import type { AnalystModel } from '../../case/schema/analyst-model.ts';
import type { CommandRegistrar } from '../main.ts';
import { printJson } from '../output.ts';
import { loadCaseForCli } from '../load-case.ts';
import { InputError, UsageError } from '../usage-error.ts';

/**
 * `parley deals …`: is there a deal, when, and which one is fair. The analyses live in
 * src/bargaining; this file reads files, checks flags and formats the reports.
 */

interface CaseFlags {
  scenario?: string;
  json?: boolean;
}

function checkDate(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  try {
    parseEdtf(value);
  } catch {
    throw new UsageError(`${flag} "${value}" is not an EDTF date (e.g. 2022-04-15)`);
  }
  return value;
}

async function loadModelInput(
  dir: string,
  scenario: string | undefined,
): Promise<CaseModelInput & { asOf?: string }> {
  const caseData = await loadCaseForCli(dir);
  const model = (caseData as unknown as { model?: AnalystModel }).model;
  if (!model)
    throw new InputError(
      `${dir}: the case has no model.yaml, the analyst's preference model that 'parley deals' needs`,
    );
  if (scenario !== undefined && !model.scenarios.some((s) => s.id === scenario)) {
    const known = model.scenarios.map((s) => s.id).join(', ') || 'none';
    throw new UsageError(`unknown scenario "${scenario}" (the model defines: ${known})`);
  }
  return {
    caseId: caseData.meta.id,
    agenda: caseData.issues,
    model,
    scenario,
    asOf: (caseData.meta as { asOf?: string }).asOf,
  };
}

/** Runs a model computation, turning model problems into input errors. */
function modelStep<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof ModelError) throw new InputError(`model.yaml: ${error.message}`);
    throw error;
  }
}

const fmt = (x: number, digits = 3) => (Number.isFinite(x) ? x.toFixed(digits) : String(x));
const signed = (x: number) => (x >= 0 ? '+' : '') + fmt(x);

export const registerDeals: CommandRegistrar = (program, output) => {
  const style = (text: string, paint: (s: string) => string) => (output.isTTY ? paint(text) : text);
  const deals = program
    .command('deals')
    .description(
      'is there a deal every required signatory prefers to no deal, when, and which is fair (agreement set, window, Pareto/Nash/KS, ZOPA, GENIUS)',
    )
    .argument('[case-dir]', 'case folder (holds model.yaml)')
    .option('--at <date>', "the day to analyse (default: the case's asOf date)")
    .option('--scenario <id>', 'apply a scenario of the model (e.g. guarantors-accept-obligations)')
    .option('--json', 'print JSON')
    .action(async (dir: string | undefined, flags: CaseFlags & { at?: string }) => {
      if (!dir) throw new UsageError('missing case folder: parley deals <case-dir>');
      const at = checkDate(flags.at, '--at');
      const input = await loadModelInput(dir, flags.scenario);
      const day = at ?? input.asOf ?? changeDays(input.model).at(-1)!.day;
      const report = modelStep(() => dealsReport(input, day));
      if (flags.json) printJson(output, report);
      else output.out(formatDeals(report, style));
    });

  deals
    .command('window')
    .description('the days on which some package satisfies every required signatory, and by what margin')
    .argument('<case-dir>', 'case folder')
    .option('--from <date>', 'first day to show')
    .option('--to <date>', 'last day to show')
    .option('--scenario <id>', 'apply a scenario of the model')
    .option('--json', 'print JSON')
    .action(async (dir: string, _flags: unknown, cmd: Command) => {
      const flags = cmd.optsWithGlobals<CaseFlags & { from?: string; to?: string }>();
      const from = checkDate(flags.from, '--from');
      const to = checkDate(flags.to, '--to');
      const input = await loadModelInput(dir, flags.scenario);
      const report = modelStep(() => windowReport(input, { from, to }));
      if (flags.json) printJson(output, report);
      else output.out(formatWindow(report, style));
    });

  deals
    .command('sensitivity')
    .description('the smallest change of one assumption that opens or closes the deal window')
    .argument('<case-dir>', 'case folder')
    .requiredOption(
      '--assumption <path>',
      "an assumption path, e.g. us.guarantee-assistance.weight (see 'deals assumptions')",
    )
    .option('--at <date>', 'test one day instead of the whole window')
    .option('--scenario <id>', 'start from a scenario of the model')
    .option('--json', 'print JSON')
    .action(async (dir: string, _flags: unknown, cmd: Command) => {
      const flags = cmd.optsWithGlobals<CaseFlags & { at?: string; assumption: string }>();
      const at = checkDate(flags.at, '--at');
      const input = await loadModelInput(dir, flags.scenario);
      const model = modelStep(() => prepare(input).model);
      if (!listAssumptions(model).some((a) => a.path === flags.assumption))
        throw new UsageError(
          `no assumption "${flags.assumption}" in the model (run 'parley deals assumptions ${dir}' to list them)`,
        );
      const result = modelStep(() => sensitivity(input.agenda, model, flags.assumption, at && dayOf(at)));
      if (flags.json) printJson(output, result);
      else output.out(formatSensitivity(result));
    });

  deals
    .command('assumptions')
    .description("list every named assumption of the case's model, with its rationale")
    .argument('<case-dir>', 'case folder')
    .option('--json', 'print JSON')
    .action(async (dir: string, _flags: unknown, cmd: Command) => {
      const flags = cmd.optsWithGlobals<CaseFlags>();
      const input = await loadModelInput(dir, undefined);
      const list = listAssumptions(input.model).map((a) => ({
        ...a,
        max: Number.isFinite(a.max) ? a.max : null,
      }));
      if (flags.json) printJson(output, list);
      else output.out(list.map((a) => `${a.path} = ${a.value}  — ${a.rationale}`).join('\n'));
    });

  deals
    .command('adjusted-winner')
    .description(
      "Adjusted Winner (Brams–Taylor) between the two parties, with points from the model's weights",
    )
    .argument('<case-dir>', 'case folder')
    .option('--scenario <id>', 'apply a scenario of the model')
    .option('--json', 'print JSON')
    .action(async (dir: string, _flags: unknown, cmd: Command) => {
      const flags = cmd.optsWithGlobals<CaseFlags>();
      const input = await loadModelInput(dir, flags.scenario);
      const report = modelStep(() => adjustedWinnerReport(prepare(input)));
      if (flags.json) printJson(output, report);
      else {
        const lines = report.items.map(
          (i) =>
            `  ${i.issue.padEnd(28)} ${report.parties[0]} ${fmt(i.pointsA, 1).padStart(5)}  ${report.parties[1]} ${fmt(i.pointsB, 1).padStart(5)}  → ${i.outcome}`,
        );
        output.out(
          [
            `Adjusted Winner between ${report.parties[0]} and ${report.parties[1]} (points from the model's weights; an assumption)`,
            ...lines,
            `Each party gets ${fmt(report.pointsA, 2)} of its own 100 points${report.split ? `; split issue: ${report.split}` : '; no issue is split'}.`,
          ].join('\n'),
        );
      }
    });

  deals
    .command('genius')
    .description('analyse a GENIUS domain and its profiles (XML), or GeniusWeb profiles (JSON)')
    .argument('<files...>', 'domain.xml profile.xml… (GENIUS) or profile.json… (GeniusWeb)')
    .option('--normalize-weights', 'divide weights that do not sum to 1 by their sum instead of failing')
    .option('--json', 'print JSON')
    .action(async (files: string[], _flags: unknown, cmd: Command) => {
      const flags = cmd.optsWithGlobals<{ json?: boolean; normalizeWeights?: boolean }>();
      const report = await geniusFromFiles(files, flags.normalizeWeights ?? false);
      if (flags.json) printJson(output, report);
      else output.out(formatGenius(report));
    });

  deals
    .command('export-genius')
    .description("write the case's model on one day as GENIUS XML (a domain and one profile per actor)")
    .argument('<case-dir>', 'case folder')
    .requiredOption('--out <dir>', 'folder to write into')
    .option('--at <date>', "the day whose reservation values to export (default: the case's asOf date)")
    .option('--scenario <id>', 'apply a scenario of the model')
    .action(async (dir: string, _flags: unknown, cmd: Command) => {
      const flags = cmd.optsWithGlobals<CaseFlags & { out: string; at?: string }>();
      const at = checkDate(flags.at, '--at');
      const input = await loadModelInput(dir, flags.scenario);
      const day = dayOf(at ?? input.asOf ?? changeDays(input.model).at(-1)!.day);
      const exported = modelStep(() => exportGenius(domainOn(prepare(input), day), input.caseId));
      await mkdir(flags.out, { recursive: true });
      const written = [path.join(flags.out, `${input.caseId}-domain.xml`)];
      await writeFile(written[0]!, exported.domain);
      for (const p of exported.profiles) {
        const file = path.join(flags.out, `${input.caseId}-${p.id}.xml`);
        await writeFile(file, p.xml);
        written.push(file);
      }
      output.out(`wrote ${written.length} files:\n${written.map((f) => `  ${f}`).join('\n')}`);
    });

  // Nested commands need the same error handling as top-level ones (exit codes, no process.exit).
  for (const cmd of deals.commands) {
    cmd.exitOverride().configureOutput({
      writeOut: (s) => output.out(s),
      writeErr: (s) => output.err(s),
      outputError: () => {},
    });
  }
};

async function readInput(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    throw new UsageError(`cannot read ${file}`);
  }
}

async function geniusFromFiles(files: string[], normalizeWeights: boolean): Promise<GeniusReport> {
  const texts = await Promise.all(files.map(async (file) => ({ file, text: await readInput(file) })));
  try {
    if (files.every((f) => f.toLowerCase().endsWith('.json'))) {
      const domain = importGeniusWeb(texts);
      return geniusReport(
        'geniusweb',
        domain,
        domain.stakeholders.map((s, k) => ({
          file: files[k]!,
          reservationValue: s.reservationValue,
          reservationDefaulted: false,
          discountFactor: null,
          weightSum: 1,
        })),
      );
    }
    if (files.length < 2) throw new UsageError('give a GENIUS domain file and at least one profile file');
    const imported = importGenius(texts[0]!, texts.slice(1), { normalizeWeights });
    return geniusReport(
      imported.domain.name,
      imported.negotiation,
      imported.profiles.map((p) => ({
        file: p.file,
        reservationValue: p.reservationValue,
        reservationDefaulted: p.reservationDefaulted,
        discountFactor: p.discountFactor ?? null,
        weightSum: p.weightSum,
      })),
    );
  } catch (error) {
    if (error instanceof GeniusFormatError || error instanceof GeniusWebError)
      throw new InputError(error.message);
    throw error;
  }
}

type Style = (text: string, paint: (s: string) => string) => string;

function agreementLine(label: string, a: AgreementReport, style: Style): string {
  const state = a.open ? style('NON-EMPTY', pc.green) : style('EMPTY', pc.red);
  const who = a.open ? `least surplus: ${a.binding.join(', ')}` : `short: ${a.binding.join(', ')}`;
  return `  ${label.padEnd(34)} ${state}${' '.repeat(Math.max(1, 11 - (a.open ? 9 : 5)))}margin ${signed(a.margin)}  (${who})`;
}

function packageLine(pkg: Record<string, string>): string {
  return Object.entries(pkg)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
}

function formatSolutions(
  title: string,
  solutions: Record<string, SolutionReport>,
  parties: string[],
): string[] {
  const lines = [title];
  const nash = solutions.nash;
  for (const name of SOLUTION_NAMES) {
    const s = solutions[name]!;
    if ('reason' in s) {
      lines.push(`  ${name.padEnd(17)} none: ${s.reason}`);
      continue;
    }
    const us = parties.map((p) => `${p} ${fmt(s.utilities[p]!)}`).join('  ');
    const proof = s.certificate.proven ? 'proven optimal' : 'NOT proven (node limit)';
    lines.push(`  ${name.padEnd(17)} ${us}  [${proof}]`);
    if (name === 'nash') lines.push(`    package: ${packageLine(s.package)}`);
    else if (nash && !('reason' in nash)) {
      const diff = Object.entries(s.package).filter(([k, v]) => nash.package[k] !== v);
      lines.push(
        `    differs from Nash on: ${diff.length ? diff.map(([k, v]) => `${k}=${v}`).join(', ') : 'nothing'}`,
      );
    }
  }
  return lines;
}

function formatDeals(r: DealsReport, style: Style): string {
  const parties = r.pareto.parties;
  const lines = [
    style(`${r.case} on ${r.at}`, pc.bold) +
      ` — analyst model (assumptions, not facts); scenario: ${r.scenario ?? 'baseline'}`,
    `${r.issues.length} issues, ${r.outcomes.toLocaleString('en-US')} packages`,
    '',
    'Reservation values (value of no deal) on this day',
    ...Object.entries(r.reservationValues).map(
      ([actor, v]) => `  ${actor.padEnd(4)} ${v.role.padEnd(9)} ${fmt(v.value, 2)}  since ${v.event}`,
    ),
    '',
    'Agreement set (packages every required signatory prefers to no deal)',
    agreementLine('with every required signatory:', r.agreement.withGuarantors, style),
    agreementLine(`parties only (${parties.join(', ')}):`, r.agreement.partiesOnly, style),
    `  most balanced package: ${packageLine(r.agreement.withGuarantors.package)}`,
    '',
    r.pareto.size === null
      ? `Pareto frontier (${parties.join(', ')}): not computed — ${r.pareto.reason}`
      : `Pareto frontier (${parties.join(', ')}): ${r.pareto.size} points (exact)`,
    '',
    ...formatSolutions(
      'Bargaining points with every required signatory',
      r.solutions.withGuarantors,
      parties,
    ),
    '',
    ...formatSolutions('Bargaining points between the parties alone', r.solutions.partiesOnly, parties),
    '',
    "ZOPA on number issues (each party: values it accepts with the rest as in the parties' most balanced package;",
    '  joint: values for which some whole package satisfies both parties / every required signatory)',
    ...r.zopa.map((z) => {
      const unit = z.unit ? ` ${z.unit}` : '';
      const range = (values: number[]) =>
        values.length ? `${Math.min(...values)}–${Math.max(...values)}` : 'none';
      const sides = z.parties
        .map((p) => `${p.id} ${p.range ? `${p.range[0]}–${p.range[1]}` : 'none'}`)
        .join(' · ');
      return `  ${z.issue}${unit ? ` (${unit.trim()})` : ''}: ${sides} · overlap ${range(z.overlap)} · joint ${range(z.jointPartiesOnly)} / ${range(z.joint)}`;
    }),
  ];
  return lines.join('\n');
}

function formatWindow(r: ReturnType<typeof windowReport>, style: Style): string {
  const runs = (list: { from: string; until: string | null }[]) =>
    list.length ? list.map((x) => `${x.from} → ${x.until ?? 'end'}`).join(', ') : 'never';
  const lines = [
    style(`Deal window of ${r.case}`, pc.bold) + ` — analyst model; scenario: ${r.scenario ?? 'baseline'}`,
    `Open (every required signatory): ${runs(r.open)}`,
    `Open (parties only):             ${runs(r.openForPartiesOnly)}`,
    '',
    `${'from'.padEnd(11)}${'until'.padEnd(11)}${'all signatories'.padEnd(30)}${'parties only'.padEnd(24)}events`,
  ];
  for (const i of r.intervals) {
    const cell = (a: AgreementReport, width: number) => {
      const text = `${a.open ? 'open  ' : 'closed'} ${signed(a.margin)} ${a.open ? '' : `(${a.binding.join(',')})`}`;
      return (a.open ? style(text, pc.green) : text) + ' '.repeat(Math.max(1, width - text.length));
    };
    lines.push(
      `${i.from.padEnd(11)}${(i.until ?? '…').padEnd(11)}${cell(i.withGuarantors, 30)}${cell(i.partiesOnly, 24)}${i.events.join(', ')}`,
    );
  }
  return lines.join('\n');
}

function formatSensitivity(r: SensitivityResult): string {
  const scope = r.at ? `on ${r.at}` : 'on some day of the window';
  const side = (s: SensitivityResult['up']) =>
    s.threshold === undefined
      ? `  ${s.direction.padEnd(4)}: no change up to ${fmt(s.searchedTo, 4)} ${r.open ? 'closes' : 'opens'} it`
      : `  ${s.direction.padEnd(4)}: at ${fmt(s.threshold, 6)} (change ${signed(s.change!)}) the window ${r.flipsTo === 'open' ? 'opens' : 'closes'}`;
  return [
    `${r.assumption} = ${r.value}  (${r.rationale})`,
    `The deal window is ${r.open ? 'OPEN' : 'CLOSED'} ${scope}: best margin ${signed(r.margin)}.`,
    side(r.up),
    side(r.down),
    r.nearest
      ? `Smallest change that ${r.flipsTo === 'open' ? 'opens' : 'closes'} it: ${signed(r.nearest.change!)} (to ${fmt(r.nearest.threshold!, 6)}).`
      : `No value in range ${r.flipsTo === 'open' ? 'opens' : 'closes'} it.`,
  ].join('\n');
}

function formatGenius(r: GeniusReport): string {
  const point = (name: string, p: GeniusReport['nash']) =>
    p.utilities
      ? `  ${name.padEnd(17)} ${p.utilities.map((u) => fmt(u, 4)).join('  ')}  ${packageLine(p.outcome!)}`
      : `  ${name.padEnd(17)} none: ${p.reason}`;
  return [
    `GENIUS domain ${r.domain}: ${r.issues} issues, ${r.outcomes.toLocaleString('en-US')} outcomes, ${r.profiles.length} profiles`,
    ...r.profiles.map(
      (p, k) =>
        `  profile ${k + 1}: ${p.file}  reservation ${p.reservationValue}${p.reservationDefaulted ? ' (none given: 0)' : ''}${p.discountFactor !== null ? `, discount ${p.discountFactor} (not used)` : ''}`,
    ),
    r.pareto.size === null
      ? `Pareto frontier: not computed — ${r.pareto.reason}`
      : `Pareto frontier: ${r.pareto.size} points (exact)`,
    'Points (utilities in profile order, then the outcome):',
    point('nash', r.nash),
    point('kalaiSmorodinsky', r.kalaiSmorodinsky),
    point('maxWelfare', r.maxWelfare),
    point('egalitarian', r.egalitarian),
  ].join('\n');
}
