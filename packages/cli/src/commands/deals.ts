import { isParleyError, ParleyError } from '@parley/model/errors.ts';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { listAssumptions } from '@parley/core/bargaining/assumptions.ts';
import { adjustedWinnerReport } from '@parley/core/bargaining/case-adjusted-winner.ts';
import { dayOf, domainOn, changeDays } from '@parley/core/bargaining/case-model.ts';
import {
  dealsReport,
  prepare,
  windowReport,
  type CaseModelInput,
} from '@parley/core/bargaining/case-report.ts';
import { exportGenius } from '@parley/core/bargaining/genius/genius-export.ts';
import { geniusReport, type GeniusReport } from '@parley/core/bargaining/genius/genius-report.ts';
import { importGenius } from '@parley/core/bargaining/genius/genius-xml.ts';
import { importGeniusWeb } from '@parley/core/bargaining/genius/geniusweb-import.ts';
import { sensitivity } from '@parley/core/bargaining/sensitivity.ts';
import { parseEdtf } from '@parley/model/edtf.ts';
import type { Case } from '@parley/model/case.ts';
import type { CommandRegistrar } from '../main.ts';
import { printJson } from '../output.ts';
import { loadCaseForCli } from '../load-case.ts';
import { fmt, formatDeals, formatGenius, formatSensitivity, formatWindow } from '../deals/format.ts';

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
    throw new ParleyError('usage', `${flag} "${value}" is not an EDTF date (e.g. 2022-04-15)`);
  }
  return value;
}

async function loadModelInput(
  dir: string,
  scenario: string | undefined,
): Promise<CaseModelInput & { asOf?: string }> {
  return modelInputFor(await loadCaseForCli(dir), scenario);
}

/** The bargaining input of a loaded case: its agenda and analyst model, with a scenario applied. */
export function modelInputFor(
  caseData: Case,
  scenario: string | undefined,
): CaseModelInput & { asOf?: string } {
  const model = caseData.model;
  if (!model)
    throw new ParleyError(
      'invalid-input',
      `${caseData.dir}: the case has no model.yaml, the analyst's preference model that 'parley deals' needs`,
    );
  if (scenario !== undefined && !model.scenarios.some((s) => s.id === scenario)) {
    const known = model.scenarios.map((s) => s.id).join(', ') || 'none';
    throw new ParleyError('usage', `unknown scenario "${scenario}" (the model defines: ${known})`);
  }
  return {
    caseId: caseData.meta.id,
    agenda: caseData.issues,
    model,
    scenario,
    ...(caseData.meta.asOf ? { asOf: caseData.meta.asOf } : {}),
  };
}

/** Runs a model computation; a model problem is reported against model.yaml. */
export function modelStep<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (isParleyError(error, 'invalid-model'))
      throw new ParleyError('invalid-model', `model.yaml: ${error.message}`);
    throw error;
  }
}

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
      if (!dir) throw new ParleyError('usage', 'missing case folder: parley deals <case-dir>');
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
        throw new ParleyError(
          'usage',
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
    throw new ParleyError('not-found', `cannot read ${file}`);
  }
}

async function geniusFromFiles(files: string[], normalizeWeights: boolean): Promise<GeniusReport> {
  const texts = await Promise.all(files.map(async (file) => ({ file, text: await readInput(file) })));
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
  if (files.length < 2)
    throw new ParleyError('usage', 'give a GENIUS domain file and at least one profile file');
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
}
