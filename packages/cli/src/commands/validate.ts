import { validSummary } from '@parley/app/validate-summary.ts';
import type { CommandRegistrar } from '../command-registrar.ts';
import { loadCaseForCli } from '../load-case.ts';

export const registerValidate: CommandRegistrar = (program, output) => {
  program
    .command('validate')
    .description('check a case folder: schema, references, dates, positions, sources, draft files')
    .argument('<case-dir>', 'the case folder, e.g. cases/istanbul-2022')
    .action(async (dir: string) => {
      const c = await loadCaseForCli(dir);
      output.out(`${dir}: ${validSummary(c)}`);
    });
};
