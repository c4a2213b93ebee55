import { writeCaseFolder } from '@parley/case-files/write-case.ts';
import type { CommandRegistrar } from '../command-registrar.ts';
import { withDataOption, withDatabase, type DatabaseOptions } from '../database-location.ts';

export const registerExportCase: CommandRegistrar = (program, output) => {
  withDataOption(
    program
      .command('export-case')
      .description('write a stored case, every record, as a case folder in its canonical form')
      .argument('<case-id>', 'the id of a stored case (parley cases lists them)')
      .argument('<dir>', 'a folder that does not exist yet or is empty; nothing is ever overwritten'),
  ).action(async (caseId: string, dir: string, options: DatabaseOptions) => {
    // Loaded when the command runs, so commands without a database start faster.
    const { exportCase } = await import('@parley/store/cases.ts');
    const caseData = await withDatabase(options, (database) => exportCase(database, caseId));
    const files = await writeCaseFolder(caseData, dir);
    output.out(`${dir}: wrote case ${caseId} as ${files.length} files`);
  });
};
