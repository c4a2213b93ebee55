import { Command, CommanderError } from 'commander';
import { processOutput, type Output } from './output.ts';
import type { Environment } from './environment.ts';
import type { CommandRegistrar } from './command-registrar.ts';
import { isParleyError } from '@parley/model/errors.ts';
import { exitFor, internalErrorExit } from './exit-codes.ts';
import { registerValidate } from './commands/validate.ts';
import { registerInit } from './commands/init.ts';
import { registerShow } from './commands/show.ts';
import { registerBrief } from './commands/brief.ts';
import { registerSchema } from './commands/schema.ts';
import { registerGuarantees } from './commands/guarantees.ts';
import { registerDiff } from './commands/diff.ts';
import { registerBrackets } from './commands/brackets.ts';
import { registerExport } from './commands/export.ts';
import { registerDeals } from './commands/deals.ts';
import { registerImport } from './commands/import.ts';
import { registerExportCase } from './commands/export-case.ts';
import { registerCases } from './commands/cases.ts';
import { registerDb } from './commands/db.ts';
import { registerServe } from './commands/serve.ts';
import { registerSimulate } from './commands/simulate.ts';
import { registerAudit } from './commands/audit.ts';
import { registerInitial } from './commands/initial.ts';
import { registerKeys } from './commands/keys.ts';
import { registerVerify } from './commands/verify.ts';
import { registerReplay } from './commands/replay.ts';
import { registerDrafts } from './commands/drafts.ts';

/** For bin/parley.mjs: the message and exit code when standard output cannot be written. */
export { outputFailure } from './exit-codes.ts';

// In the order `parley --help` lists them: the case, then each engine, then the database, then tooling.
const registrars: CommandRegistrar[] = [
  registerValidate,
  registerInit,
  registerShow,
  registerBrief,
  registerDiff,
  registerBrackets,
  registerExport,
  registerDrafts,
  registerGuarantees,
  registerDeals,
  registerSimulate,
  registerImport,
  registerReplay,
  registerExportCase,
  registerCases,
  registerDb,
  registerServe,
  registerAudit,
  registerKeys,
  registerInitial,
  registerVerify,
  registerSchema,
];

export function buildProgram(output: Output, environment: Environment): Command {
  const program = new Command('parley')
    .description('Parley — a workbench for multi-party peace negotiations')
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => output.out(s),
      writeErr: (s) => output.err(s),
      outputError: () => {},
    });
  for (const register of registrars) register(program, output, environment);
  // Sub-commands inherit the same error handling so that any misuse ends as exit 2.
  for (const cmd of program.commands) {
    cmd.exitOverride().configureOutput({
      writeOut: (s) => output.out(s),
      writeErr: (s) => output.err(s),
      outputError: () => {},
    });
  }
  return program;
}

/** Runs the CLI and returns the exit code; never throws. `output` undefined: the process's streams. */
export async function main(
  argv: string[],
  output: Output = processOutput,
  environment: Environment,
): Promise<number> {
  const program = buildProgram(output, environment);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
      if (error.code === 'commander.help') return 0;
      output.err(`parley: ${error.message.replace(/^error: /, '')}`);
      output.err(usageFor(program, argv));
      return 2;
    }
    if (isParleyError(error)) {
      const { exitCode, showUsage } = exitFor[error.code];
      if (showUsage) {
        output.err(`parley: ${error.message}`);
        output.err(usageFor(program, argv));
      } else if (error.code === 'unknown-id') output.err(`parley: ${error.message.replace(/^parley: /, '')}`);
      else output.err(error.message);
      return exitCode;
    }
    // An internal fault: report it in one line, never a stack trace for a user.
    output.err(`parley: internal error: ${error instanceof Error ? error.message : String(error)}`);
    return internalErrorExit;
  }
}

function usageFor(program: Command, argv: string[]): string {
  // The deepest command named (`drafts import`), so the usage shown is the one that failed.
  const names: string[] = [];
  let cmd = program;
  for (const word of argv) {
    const sub = cmd.commands.find((c) => c.name() === word);
    if (!sub) break;
    names.push(word);
    cmd = sub;
  }
  return `usage: ${cmd === program ? `${program.name()} ` : `parley ${names.join(' ')} `}${cmd.usage()}\n(run 'parley ${names.map((n) => n + ' ').join('')}--help' for details)`;
}
