import { Option } from 'commander';
import { parseInput } from '@parley/app/inputs/parse-input.ts';
import { showInputSchema } from '@parley/app/views/show-input.ts';
import { viewNames } from '@parley/app/views/names.ts';
import { showView } from '@parley/app/views/registry.ts';
import type { CommandRegistrar } from '../command-registrar.ts';
import { loadCaseForCli } from '../load-case.ts';
import { printJson } from '../output.ts';
import { renderView } from '../show/render.ts';

/** The flag for each input field, for messages. */
const FLAGS = { at: '--at', contestedOnly: '--contested', topic: '--topic', issue: '--issue' };

export const registerShow: CommandRegistrar = (program, output) => {
  program
    .command('show')
    .description('print a view of a case as a table, or as JSON with --json')
    .argument('<case-dir>', 'the case folder, e.g. cases/istanbul-2022')
    .argument('[view]', `one of: ${viewNames.join(', ')}`, 'overview')
    .addOption(
      new Option(
        '--at <date>',
        "a day, month or year (a month or year: its last day): positions as of then (default: the case's asOf date); roles held then",
      ),
    )
    .option('--contested', 'claims: only contested propositions', false)
    .option('--topic <topic>', 'claims: only propositions on this topic, with a who-says-what grid')
    .option('--issue <id>', 'history: the issue whose positions to follow over time')
    .option('--json', 'print JSON (documented in docs/json.md)', false)
    .action(
      async (
        dir: string,
        view: string,
        opts: { at?: string; contested: boolean; topic?: string; issue?: string; json: boolean },
      ) => {
        const input = parseInput(
          showInputSchema,
          { view, at: opts.at, contestedOnly: opts.contested, topic: opts.topic, issue: opts.issue },
          FLAGS,
        );
        const c = await loadCaseForCli(dir);
        const data = showView(c, input, { seeIssues: `'parley show ${dir} issues'` });
        if (opts.json) printJson(output, data);
        else output.out(renderView(data));
      },
    );
};
