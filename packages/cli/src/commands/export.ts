import { writeFile } from 'node:fs/promises';
import { ParleyError } from '@parley/model/errors.ts';
import { exportDraft } from '@parley/app/drafts/export.ts';
import { exportFormats, exportInputSchema } from '@parley/app/drafts/input.ts';
import { parseInput } from '@parley/app/inputs/parse-input.ts';
import { printWarnings } from '../drafts/warnings.ts';
import { loadCaseForCli } from '../load-case.ts';
import type { CommandRegistrar } from '../command-registrar.ts';
import { writeErrorText } from '../exit-codes.ts';

export const registerExport: CommandRegistrar = (program, output) => {
  program
    .command('export')
    .description('write a draft version as Akoma Ntoso XML, Markdown or HTML (a redline with --against)')
    .argument('<format>', `one of ${exportFormats.join(', ')}`)
    .argument('<case-dir>', 'the case folder, e.g. cases/istanbul-2022')
    .argument('<ref>', 'the version, <doc>@<version>')
    .option('--against <version>', 'redline from this earlier version of the same document')
    .option('-o, --out <file>', 'write to this file instead of standard output')
    .action(async (format: string, dir: string, ref: string, options: { against?: string; out?: string }) => {
      const input = parseInput(exportInputSchema, { format, ref, against: options.against });
      const caseData = await loadCaseForCli(dir);
      const exported = exportDraft(caseData, { ...input, caseFolder: dir });
      printWarnings(output, exported.warnings);
      if (!options.out) return output.out(exported.text);
      try {
        await writeFile(options.out, exported.text);
      } catch (error) {
        throw new ParleyError('cannot-write', `${options.out}: cannot write (${writeErrorText(error)})`);
      }
      const against = exported.againstLabel ? ` against ${exported.againstLabel}` : '';
      output.out(`wrote ${options.out} (${input.format}, ${exported.label}${against})`);
    });
};
