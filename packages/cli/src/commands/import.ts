import type { CommandRegistrar } from '../command-registrar.ts';
import { withDataOption, withDatabase, type DatabaseOptions } from '../database-location.ts';
import { loadCaseForCli } from '../load-case.ts';

export const registerImport: CommandRegistrar = (program, output) => {
  withDataOption(
    program
      .command('import')
      .description(
        'store a case folder in the database, under its id; a case with any problem stores nothing',
      )
      .argument('<case-dir>', 'the case folder, e.g. cases/istanbul-2022'),
  ).action(async (dir: string, options: DatabaseOptions) => {
    // Loaded when the command runs, so commands without a database start faster.
    const { importCase } = await import('@parley/store/cases.ts');
    // Checked in full before the database is opened: an invalid case is reported as validate does.
    const caseData = await loadCaseForCli(dir);
    const id = await withDatabase(options, (database) => importCase(database, caseData));
    output.out(`${dir}: imported case ${id}`);
  });
};
