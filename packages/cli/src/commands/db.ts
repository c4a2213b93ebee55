import type { CommandRegistrar } from '../command-registrar.ts';
import { withDataOption, withDatabase, type DatabaseOptions } from '../database-location.ts';

export const registerDb: CommandRegistrar = (program, output) => {
  const db = program.command('db').description("the database's upkeep");
  withDataOption(
    db
      .command('migrate')
      .description("bring the database's schema up to date (every other command does it too)"),
  ).action(async (options: DatabaseOptions) => {
    // Loaded when the command runs, so commands without a database start faster.
    const { migrateToLatest } = await import('@parley/store/database.ts');
    const applied = await withDatabase(options, migrateToLatest, { migrate: false });
    if (applied.length === 0) output.out('the schema is up to date');
    else output.out(`applied ${applied.length} migration(s):\n${applied.map((m) => `  ${m}`).join('\n')}`);
  });

  // Nested commands need the same error handling as top-level ones (exit codes, no process.exit).
  for (const cmd of db.commands) {
    cmd.exitOverride().configureOutput({
      writeOut: (s) => output.out(s),
      writeErr: (s) => output.err(s),
      outputError: () => {},
    });
  }
};
