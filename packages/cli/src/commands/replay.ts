import type { CommandRegistrar } from '../command-registrar.ts';
import { withDataOption, withDatabase, type DatabaseOptions } from '../database-location.ts';
import { loadCaseForCli } from '../load-case.ts';

interface ReplayOptions extends DatabaseOptions {
  caseId?: string;
  trainer?: string;
  json?: boolean;
}

export const registerReplay: CommandRegistrar = (program, output) => {
  withDataOption(
    program
      .command('replay')
      .description(
        "store a case's recorded talks as channel history a trainer can step through: rounds and events as plenary messages, positions as tabled packages and answers, versions as messages attaching them",
      )
      .argument('<case-dir>', 'the case folder, e.g. cases/istanbul-2022')
      .option('--case-id <id>', 'the id to store the replay under (default: <case id>-replay)')
      .option('--trainer <email>', 'an existing account to make the replay’s mediator lead')
      .option('--json', 'print the replayed steps as JSON'),
  ).action(async (dir: string, options: ReplayOptions) => {
    // Loaded when the command runs, so commands without a database start faster.
    const { replayCase } = await import('@parley/store/replay/replay-case.ts');
    const caseData = await loadCaseForCli(dir);
    const result = await withDatabase(options, (database) =>
      replayCase(database, caseData, {
        ...(options.caseId ? { caseId: options.caseId } : {}),
        ...(options.trainer ? { trainer: options.trainer } : {}),
      }),
    );
    if (options.json) {
      output.out(JSON.stringify(result, null, 2));
      return;
    }
    output.out(`${dir}: replayed as case ${result.caseId} (${result.steps.length} steps)`);
    for (const { step, records } of result.steps) {
      const where = step.channel.kind === 'plenary' ? 'plenary' : `caucus ${step.channel.party}`;
      const wrote = records.map(
        (r) =>
          `${r.kind} ${r.id}${r.channel === (step.channel.kind === 'plenary' ? 'plenary' : step.channel.party) ? '' : ` → ${r.channel}`}`,
      );
      output.out(
        `${String(step.seq).padStart(3)}  ${step.date.padEnd(22)} ${where.padEnd(10)} ${step.summary}  [${wrote.join(', ')}]`,
      );
    }
    output.out(
      'Placing moves in channels is a training reconstruction: steps marked so in their messages follow a rule, not the sources.',
    );
  });
};
