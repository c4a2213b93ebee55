import { ParleyError } from '@parley/model/errors.ts';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { adjustedWinner } from '@parley/app/deals/adjusted-winner.ts';
import { modelAssumptions } from '@parley/app/deals/assumptions.ts';
import { dealsOnDay } from '@parley/app/deals/day.ts';
import { geniusExport } from '@parley/app/deals/export-genius.ts';
import { frontierFromFiles } from '@parley/app/deals/frontier.ts';
import { geniusFromFiles } from '@parley/app/deals/genius.ts';
import {
  adjustedWinnerInput,
  dayInput,
  exportGeniusInput,
  frontierInput,
  geniusInput,
  sensitivityInput,
  windowInput,
} from '@parley/app/deals/input.ts';
import { nameFields, parseInput } from '@parley/app/inputs/parse-input.ts';
import { assumptionSensitivity } from '@parley/app/deals/sensitivity.ts';
import { dealWindow } from '@parley/app/deals/window.ts';
import { readGeniusFile } from '../read-genius-file.ts';
import type { CommandRegistrar } from '../command-registrar.ts';
import { printJson } from '../output.ts';
import { loadCaseForCli } from '../load-case.ts';
import { modelStep } from '../deals/model-step.ts';
import { writeErrorText } from '../exit-codes.ts';
import {
  formatAdjustedWinner,
  formatDeals,
  formatGenius,
  formatSensitivity,
  formatWindow,
} from '../deals/format.ts';
import { formatFrontier } from '../deals/format-frontier.ts';

/**
 * `parley deals …`: is there a deal, when, and which one is fair. The use cases live in
 * packages/app/src/deals; this file checks flags, reads and writes files and prints the reports.
 */

const FLAGS = {
  at: '--at',
  from: '--from',
  to: '--to',
  convention: '--convention',
  timeLimit: '--time-limit',
  nodeLimit: '--node-limit',
  sample: '--sample',
  method: '--method',
  project: '--project',
  nearest: '--nearest',
};
const TIME_LIMIT_HELP =
  'seconds the exact searches may take together (default 30); past it each point says "not proven within budget" with its best package and bound';
const NODE_LIMIT_HELP = 'nodes one exact search may visit (default 50,000,000)';

export const registerDeals: CommandRegistrar = (program, output) => {
  const style = (text: string, paint: (s: string) => string) => (output.isTTY ? paint(text) : text);
  const deals = program
    .command('deals')
    .description(
      'is there a deal every required signatory prefers to no deal, when, and which is fair (agreement set, window, Pareto/Nash/KS, ZOPA, GENIUS)',
    )
    .argument('[case-dir]', 'case folder (holds model.yaml)')
    .option(
      '--at <date>',
      "the day to analyse; a month or year stands for its last day (default: the case's asOf date)",
    )
    .option('--scenario <id>', 'apply a scenario of the model (e.g. guarantors-accept-obligations)')
    .option('--json', 'print JSON')
    .action(async (dir: string | undefined, flags: Record<string, unknown>) => {
      if (!dir) throw new ParleyError('usage', 'missing case folder: parley deals <case-dir>');
      const input = parseInput(dayInput, flags, FLAGS);
      const caseData = await loadCaseForCli(dir);
      const report = modelStep(() => dealsOnDay(caseData, input, dir));
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
      const flags = cmd.optsWithGlobals();
      const input = parseInput(windowInput, flags, FLAGS);
      const caseData = await loadCaseForCli(dir);
      const report = modelStep(() => dealWindow(caseData, input, dir));
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
      const flags = cmd.optsWithGlobals();
      const input = parseInput(sensitivityInput, flags, FLAGS);
      const caseData = await loadCaseForCli(dir);
      const result = modelStep(() => assumptionSensitivity(caseData, input, dir));
      if (flags.json) printJson(output, result);
      else output.out(formatSensitivity(result));
    });

  deals
    .command('assumptions')
    .description("list every named assumption of the case's model, with its rationale")
    .argument('<case-dir>', 'case folder')
    .option('--json', 'print JSON')
    .action(async (dir: string, _flags: unknown, cmd: Command) => {
      const flags = cmd.optsWithGlobals();
      const list = modelAssumptions(await loadCaseForCli(dir), dir);
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
      const flags = cmd.optsWithGlobals();
      const input = parseInput(adjustedWinnerInput, flags, FLAGS);
      const caseData = await loadCaseForCli(dir);
      const report = modelStep(() => adjustedWinner(caseData, input, dir));
      if (flags.json) printJson(output, report);
      else output.out(formatAdjustedWinner(report));
    });

  deals
    .command('genius')
    .description('analyse a GENIUS domain and its profiles (XML), or GeniusWeb profiles (JSON)')
    .argument('<files...>', 'domain.xml profile.xml… (GENIUS) or profile.json… (GeniusWeb)')
    .option(
      '--normalize-weights',
      'divide weights that do not sum to 1 by their sum (default: read them as GENIUS does, as written, utility capped at 1)',
    )
    .option(
      '--convention <name>',
      'whose Nash and Kalai–Smorodinsky definitions to follow: parley (default, exact search), genius or negmas (over the Pareto frontier, to reproduce published figures)',
    )
    .option('--time-limit <seconds>', TIME_LIMIT_HELP)
    .option('--node-limit <nodes>', NODE_LIMIT_HELP)
    .option('--json', 'print JSON')
    .action(async (files: string[], _flags: unknown, cmd: Command) => {
      const flags = cmd.optsWithGlobals();
      const input = parseInput(geniusInput, flags, FLAGS);
      // One after the other, so the first unreadable file is the one named.
      const texts: { file: string; text: string }[] = [];
      for (const file of files) texts.push({ file, text: await readGeniusFile(file) });
      const report = geniusFromFiles(texts, input);
      if (flags.json) printJson(output, report);
      else output.out(formatGenius(report));
    });

  deals
    .command('frontier')
    .description(
      'the Pareto frontier when it is too large to list (3+ parties): its size when countable, proven frontier points, the projection on two parties, the point nearest a package',
    )
    .argument('<files...>', 'domain.xml profile.xml… (GENIUS) or profile.json… (GeniusWeb)')
    .option('--normalize-weights', 'divide weights that do not sum to 1 by their sum')
    .option('--sample <n>', 'frontier points to find, over a spread of directions (default 12)')
    .option(
      '--method <name>',
      'weighted-sum (default: exact at once, supported points only) or chebyshev (any frontier point, a max-min search each)',
    )
    .option('--project <a,b>', 'the exact frontier of two profiles (numbers from 1, or ids)')
    .option('--nearest <package>', 'the frontier point nearest a package, as issue=value,issue=value…')
    .option('--time-limit <seconds>', TIME_LIMIT_HELP)
    .option('--node-limit <nodes>', NODE_LIMIT_HELP)
    .option('--json', 'print JSON')
    .action(async (files: string[], _flags: unknown, cmd: Command) => {
      const flags = cmd.optsWithGlobals();
      const input = parseInput(frontierInput, flags, FLAGS);
      const texts: { file: string; text: string }[] = [];
      for (const file of files) texts.push({ file, text: await readGeniusFile(file) });
      let report;
      try {
        report = frontierFromFiles(texts, input);
      } catch (error) {
        // The use case names its inputs as fields (`nearest`); here they are flags.
        if (error instanceof ParleyError) throw new ParleyError(error.code, nameFields(error.message, FLAGS));
        throw error;
      }
      if (flags.json) printJson(output, report);
      else output.out(formatFrontier(report));
    });

  deals
    .command('export-genius')
    .description("write the case's model on one day as GENIUS XML (a domain and one profile per actor)")
    .argument('<case-dir>', 'case folder')
    .requiredOption('--out <dir>', 'folder to write into')
    .option('--at <date>', "the day whose reservation values to export (default: the case's asOf date)")
    .option('--scenario <id>', 'apply a scenario of the model')
    .action(async (dir: string, _flags: unknown, cmd: Command) => {
      const flags = cmd.optsWithGlobals<{ out: string }>();
      const input = parseInput(exportGeniusInput, flags, FLAGS);
      const caseData = await loadCaseForCli(dir);
      const files = modelStep(() => geniusExport(caseData, input, dir));
      const written: string[] = [];
      let target = flags.out;
      try {
        await mkdir(flags.out, { recursive: true });
        for (const { name, xml } of files) {
          target = path.join(flags.out, name);
          await writeFile(target, xml);
          written.push(target);
        }
      } catch (error) {
        throw new ParleyError('cannot-write', `${target}: cannot write (${writeErrorText(error)})`);
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
