import { ParleyError } from '@parley/model/errors.ts';
import { Option } from 'commander';
import { isEdtf } from '@parley/model/edtf.ts';
import type { CommandRegistrar } from '../main.ts';
import { loadCaseForCli } from '../load-case.ts';
import { printJson } from '../output.ts';
import { actorsView, rolesView } from '../show/actors.ts';
import { claimsView } from '../show/claims.ts';
import { draftsView } from '../show/drafts.ts';
import { historyView } from '../show/history.ts';
import { issuesView } from '../show/issues.ts';
import { overviewView } from '../show/overview.ts';
import { positionsView } from '../show/positions.ts';
import { roundsView } from '../show/rounds.ts';
import { sourcesView } from '../show/sources.ts';
import { timelineView } from '../show/timeline.ts';
import type { View } from '../show/view.ts';

const views: Record<string, View<unknown>> = {
  overview: overviewView,
  timeline: timelineView,
  actors: actorsView,
  roles: rolesView,
  rounds: roundsView,
  issues: issuesView,
  positions: positionsView,
  history: historyView,
  drafts: draftsView,
  claims: claimsView,
  sources: sourcesView,
} as Record<string, View<unknown>>;

export const registerShow: CommandRegistrar = (program, output) => {
  program
    .command('show')
    .description('print a view of a case as a table, or as JSON with --json')
    .argument('<case-dir>', 'the case folder, e.g. cases/istanbul-2022')
    .argument('[view]', `one of: ${Object.keys(views).join(', ')}`, 'overview')
    .addOption(
      new Option(
        '--at <date>',
        "EDTF date: positions as of then (default: the case's asOf date); roles held then",
      ),
    )
    .option('--contested', 'claims: only contested propositions', false)
    .option('--topic <topic>', 'claims: only propositions on this topic, with a who-says-what grid')
    .option('--issue <id>', 'history: the issue whose positions to follow over time')
    .option('--json', 'print JSON (documented in docs/json.md)', false)
    .action(
      async (
        dir: string,
        viewName: string,
        opts: { at?: string; contested: boolean; topic?: string; issue?: string; json: boolean },
      ) => {
        const view = views[viewName];
        if (!view)
          throw new ParleyError(
            'usage',
            `unknown view "${viewName}"; expected one of ${Object.keys(views).join(', ')}`,
          );
        if (opts.at !== undefined && !isEdtf(opts.at)) {
          throw new ParleyError(
            'usage',
            `--at "${opts.at}" is not an EDTF date (e.g. 2022-04-15, 2022-04, 2022-03-13/2022-03-17)`,
          );
        }
        // Each narrowing flag belongs to one view: silently ignoring it elsewhere would mislead.
        const flagViews: Array<[string, boolean, string]> = [
          ['--at', opts.at !== undefined && viewName !== 'roles', 'positions'],
          ['--contested', opts.contested, 'claims'],
          ['--topic', opts.topic !== undefined, 'claims'],
          ['--issue', opts.issue !== undefined, 'history'],
        ];
        for (const [flag, given, only] of flagViews) {
          if (given && viewName !== only)
            throw new ParleyError(
              'usage',
              `${flag} applies to the ${flag === '--at' ? 'positions and roles views' : `${only} view`} only`,
            );
        }
        if (viewName === 'history' && opts.issue === undefined) {
          throw new ParleyError('usage', 'the history view needs --issue <id>, e.g. --issue troop-ceiling');
        }
        const c = await loadCaseForCli(dir);
        if (opts.issue !== undefined && !c.issues.some((i) => i.id === opts.issue)) {
          throw new ParleyError('usage', `unknown issue "${opts.issue}"; see 'parley show ${dir} issues'`);
        }
        const data = view.build(c, {
          at: opts.at,
          contestedOnly: opts.contested,
          topic: opts.topic,
          issue: opts.issue,
        });
        if (opts.json) printJson(output, data);
        else output.out(view.render(data));
      },
    );
};
