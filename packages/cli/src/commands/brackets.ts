import Table from 'cli-table3';
import { bracketsReport } from '@parley/app/drafts/brackets.ts';
import { bracketsInputSchema } from '@parley/app/drafts/input.ts';
import { parseInput } from '@parley/app/inputs/parse-input.ts';
import { UNATTRIBUTED } from '@parley/core/drafts/brackets.ts';
import { printWarnings } from '../drafts/warnings.ts';
import { loadCaseForCli } from '../load-case.ts';
import type { CommandRegistrar } from '../command-registrar.ts';
import { printJson } from '../output.ts';

export const registerBrackets: CommandRegistrar = (program, output) => {
  program
    .command('brackets')
    .description('open brackets per version and per party: is the text converging?')
    .argument('<case-dir>', 'the case folder, e.g. cases/istanbul-2022')
    .argument('<doc>', 'the draft document id, e.g. security-treaty')
    .option('-f, --format <format>', 'table or json', 'table')
    .action(async (dir: string, document: string, options: { format: string }) => {
      const input = parseInput(
        bracketsInputSchema,
        { document, format: options.format },
        { format: '--format' },
      );
      const caseData = await loadCaseForCli(dir);
      const { json, title, warnings } = bracketsReport(caseData, { ...input, caseFolder: dir });
      printWarnings(output, warnings);
      if (input.format === 'json') return printJson(output, json);

      const parties = [...new Set(json.entries.flatMap((e) => Object.keys(e.byParty)))].sort((x, y) =>
        x === UNATTRIBUTED ? 1 : y === UNATTRIBUTED ? -1 : x.localeCompare(y),
      );
      // UNFCCC option groups (`**Option 1:** …`) are undecided choices beside the brackets: a
      // column of their own, shown only when some version has them.
      const hasOptions = json.entries.some((e) => e.options);
      const table = new Table({
        head: [
          'version',
          'date',
          'brackets',
          'Δ',
          ...(hasOptions ? ['options'] : []),
          ...parties,
          'max depth',
          'words in brackets',
          'agreed',
          'bracketed',
          'deferred',
          'dropped',
          'unmarked',
        ],
        style: { head: [], border: [] },
      });
      for (const e of json.entries) {
        const share = e.words ? Math.round((100 * e.wordsInBrackets) / e.words) : 0;
        table.push([
          e.version,
          e.date ?? '',
          e.brackets,
          e.delta === undefined ? '' : e.delta > 0 ? `+${e.delta}` : String(e.delta),
          ...(hasOptions ? [optionsCell(e.options)] : []),
          ...parties.map((p) => e.byParty[p] ?? 0),
          e.maxDepth,
          `${e.wordsInBrackets}/${e.words} (${share}%)`,
          e.provisions.agreed,
          e.provisions.bracketed,
          e.provisions.deferred,
          e.provisions.dropped,
          e.provisions.unmarked,
        ]);
      }
      output.out(`${json.document}: ${title}`);
      output.out(table.toString());
      output.out(
        `trend: ${json.trend} (brackets ${json.entries[0]?.brackets ?? 0} → ${json.entries.at(-1)?.brackets ?? 0}); party columns count each party's bracketed proposals and alternatives` +
          (hasOptions ? '; options: option groups in the text (and the options in them)' : ''),
      );
    });
};

/** `3 (8)`: three option groups holding eight options; `0` for a version without any. */
function optionsCell(options: { groups: number; options: number } | undefined): string {
  return options ? `${options.groups} (${options.options})` : '0';
}
