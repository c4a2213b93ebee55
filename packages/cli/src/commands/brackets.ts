import { ParleyError } from '@parley/model/errors.ts';
import Table from 'cli-table3';
import { compareEdtfText } from '@parley/model/edtf.ts';
import { bracketSeries, UNATTRIBUTED } from '@parley/core/drafts/brackets.ts';
import { loadCaseForCli } from '../load-case.ts';
import type { CommandRegistrar } from '../main.ts';
import { printJson } from '../output.ts';
import { loadCaseDraft } from './diff.ts';

export const registerBrackets: CommandRegistrar = (program, output) => {
  program
    .command('brackets')
    .description('open brackets per version and per party: is the text converging?')
    .argument('<case-dir>', 'the case folder, e.g. cases/istanbul-2022')
    .argument('<doc>', 'the draft document id, e.g. security-treaty')
    .option('-f, --format <format>', 'table or json', 'table')
    .action(async (dir: string, documentId: string, options: { format: string }) => {
      if (options.format !== 'table' && options.format !== 'json') {
        throw new ParleyError('usage', `--format must be table or json, got "${options.format}"`);
      }
      const caseData = await loadCaseForCli(dir);
      const record = caseData.drafts.find((d) => d.id === documentId);
      if (!record) {
        throw new ParleyError(
          'invalid-input',
          `parley: unknown draft document "${documentId}" (documents: ${caseData.drafts.map((d) => d.id).join(', ') || 'none'})`,
        );
      }
      // Chronological order; versions of the same date keep the order of drafts.yaml.
      const versions = [...record.versions].sort((x, y) => compareEdtfText(x.date, y.date));
      const series = bracketSeries(
        versions.map((version) => ({
          version: version.id,
          date: version.date,
          document: loadCaseDraft(caseData, `${record.id}@${version.id}`, undefined, output).document,
        })),
      );
      if (options.format === 'json') return printJson(output, { document: record.id, ...series });

      const parties = [...new Set(series.entries.flatMap((e) => Object.keys(e.byParty)))].sort((x, y) =>
        x === UNATTRIBUTED ? 1 : y === UNATTRIBUTED ? -1 : x.localeCompare(y),
      );
      const table = new Table({
        head: [
          'version',
          'date',
          'brackets',
          'Δ',
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
      for (const e of series.entries) {
        const share = e.words ? Math.round((100 * e.wordsInBrackets) / e.words) : 0;
        table.push([
          e.version,
          e.date ?? '',
          e.brackets,
          e.delta === undefined ? '' : e.delta > 0 ? `+${e.delta}` : String(e.delta),
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
      output.out(`${record.id}: ${record.title}`);
      output.out(table.toString());
      output.out(
        `trend: ${series.trend} (brackets ${series.entries[0]?.brackets ?? 0} → ${series.entries.at(-1)?.brackets ?? 0}); party columns count each party's bracketed proposals and alternatives`,
      );
    });
};
