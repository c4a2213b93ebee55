import { writeNewCase } from '@parley/case-files/new-case/write-new-case.ts';
import type { CommandRegistrar } from '../command-registrar.ts';

export const registerInit: CommandRegistrar = (program, output) => {
  program
    .command('init')
    .description('write a small, valid, commented example case (invented content) into a new folder')
    .argument('<dir>', 'a folder that does not exist yet or is empty; nothing is ever overwritten')
    .action(async (dir: string) => {
      const files = await writeNewCase(dir);
      output.out(
        `${dir}: wrote a new case of ${files.length} files (an invented example; replace it with yours)`,
      );
      for (const file of files) output.out(`  ${file}`);
      output.out('next:');
      output.out(`  parley validate ${dir}`);
      output.out(`  parley brief ${dir}`);
      output.out('  a tour of every file: docs/first-case.md; every field: docs/case-fields.md');
    });
};
