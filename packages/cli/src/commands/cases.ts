import type { CommandRegistrar } from '../command-registrar.ts';
import { withDataOption, withDatabase, type DatabaseOptions } from '../database-location.ts';

export const registerCases: CommandRegistrar = (program, output) => {
  withDataOption(
    program.command('cases').description('list the ids of the cases stored in the database'),
  ).action(async (options: DatabaseOptions) => {
    // Loaded when the command runs, so commands without a database start faster.
    const { listCaseIds } = await import('@parley/store/cases.ts');
    const ids = await withDatabase(options, listCaseIds);
    // One id a line, for scripts; nothing at all when the database holds no case.
    if (ids.length > 0) output.out(ids.join('\n'));
  });
};
