import { caseJsonSchema } from '@parley/model/json-schema.ts';
import type { CommandRegistrar } from '../command-registrar.ts';
import { printJson } from '../output.ts';

export const registerSchema: CommandRegistrar = (program, output) => {
  program
    .command('schema')
    .description('print the JSON Schema of case files (committed as schema/case.schema.json)')
    .action(() => printJson(output, caseJsonSchema()));
};
