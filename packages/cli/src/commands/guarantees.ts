import { ParleyError } from '@parley/model/errors.ts';
import { Option } from 'commander';
import { triggerKind } from '@parley/model/schema/guarantee.ts';
import { cellLines } from '@parley/core/guarantees/compare.ts';
import { corePlace, thirdState } from '@parley/core/guarantees/context.ts';
import { guaranteeContextFor } from '@parley/app/guarantees/context.ts';
import { compareGuarantees } from '@parley/app/guarantees/comparison.ts';
import { cellDetail } from '@parley/app/guarantees/detail.ts';
import { guaranteesFlags } from '@parley/app/guarantees/input.ts';
import { parseInput } from '@parley/app/inputs/parse-input.ts';
import { guaranteesReport } from '@parley/app/guarantees/report.ts';
import { locateCaseError } from '@parley/case-files/locate-in-case.ts';
import { loadCaseForCli } from '../load-case.ts';
import { loadLibraryForCli } from '../load-library.ts';
import type { CommandRegistrar } from '../command-registrar.ts';
import { printJson } from '../output.ts';
import { columnTitle, footnote, renderDetail, renderMarkdown, renderText } from '../guarantees/render.ts';

const FLAGS = { runs: '--runs', seed: '--seed', json: '--json', markdown: '--markdown' };

export const registerGuarantees: CommandRegistrar = (program, output, environment) => {
  program
    .command('guarantees')
    .description(
      'what each security guarantee really promises: who is obliged, who can block, and the chance of each level of help',
    )
    .argument('<case-dir>', 'the case folder, e.g. cases/istanbul-2022')
    .option('--instrument <id>', 'only this instrument (default: all, case and library)')
    .option(
      '--attacker <id>',
      `only this attacker: an actor id or "${thirdState}" (default: the attackers of the case's comparison)`,
    )
    .option(
      '--place <id>',
      `only this place, or "${corePlace}" for core territory (default: the places of the case's comparison)`,
    )
    .addOption(
      new Option('--trigger <kind>', 'what happens').choices(triggerKind.options).default('armed-attack'),
    )
    .option('--runs <n>', 'Monte Carlo runs per instrument and scenario', '10000')
    .option('--seed <s>', 'seed of the random generator (a 32-bit unsigned integer)', '1')
    .option(
      '--no-library',
      'leave out the reference instruments (Budapest, NATO Art. 5, London 1839, Cyprus 1960)',
    )
    .option('--json', 'print JSON (shape in docs/guarantees.md, section JSON)', false)
    .option('--markdown', 'print the comparison table as Markdown', false)
    .action(async (dir: string, opts: Record<string, unknown>) => {
      const flags = parseInput(guaranteesFlags, opts, FLAGS);
      const caseData = await loadCaseForCli(dir);
      const library = flags.library ? await loadLibraryForCli(environment.libraryDir) : [];
      // A case instrument with a library instrument's id is the case's problem, at its line.
      const context = await Promise.resolve()
        .then(() => guaranteeContextFor(caseData, library))
        .catch(async (error: unknown) => {
          throw await locateCaseError(dir, error);
        });
      if (context.instruments.length === 0) {
        throw new ParleyError(
          'invalid-input',
          `${dir}: no guarantee instruments (add guarantees.yaml or drop --no-library)`,
        );
      }
      const comparison = compareGuarantees(caseData, context, flags);
      const { columns, rows, results, runs, seed, trigger } = comparison;
      if (flags.json) printJson(output, guaranteesReport(dir, comparison));
      else if (results.length === 1 && !flags.markdown) {
        output.out(renderDetail(cellDetail(context, results[0]!)));
      } else {
        const head = columns.map((c) => columnTitle(context, c));
        const body = rows.map((r) => [
          r.entry.instrument.id,
          ...r.cells.map((cell) => cellLines(context, cell)),
        ]);
        // A blank line ends a Markdown table, so the note below is not read as a row.
        output.out(flags.markdown ? renderMarkdown(head, body) : renderText(head, body));
        if (flags.markdown) output.out('');
        output.out(footnote(runs, seed, trigger, flags.markdown));
      }
    });
};
