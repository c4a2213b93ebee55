import type { CommandRegistrar } from '../main.ts';
import { loadCaseForCli } from '../load-case.ts';

export const registerValidate: CommandRegistrar = (program, output) => {
  program
    .command('validate')
    .description('check a case folder: schema, references, dates, positions, sources, draft files')
    .argument('<case-dir>', 'the case folder, e.g. cases/istanbul-2022')
    .action(async (dir: string) => {
      const c = await loadCaseForCli(dir);
      const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
      output.out(
        `${dir}: valid — ${count(c.actors.length, 'actor')}, ${count(c.rounds.length, 'round')}, ` +
          `${count(c.events.length, 'event')}, ${count(c.issues.length, 'issue')}, ${count(c.positions.length, 'position')}, ` +
          `${count(c.claims.length, 'claim')}, ${count(c.sources.length, 'source')}, ` +
          `${count(Object.keys(c.draftTexts).length, 'draft version')}`,
      );
    });
};
