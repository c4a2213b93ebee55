import { z } from 'zod';
import { caseFileSchemas } from './schema/case-files.ts';

/**
 * The JSON Schema of a case, generated from the zod schemas so the two cannot drift. Each case
 * file has an entry in `$defs` named after the file (`actors.yaml`), for editors that map a
 * schema per file; the top level describes the whole case as one document, keyed by file name.
 */
export function caseJsonSchema(): Record<string, unknown> {
  const defs: Record<string, unknown> = {};
  for (const [file, schema] of Object.entries(caseFileSchemas)) {
    const { $schema: _drop, ...json } = z.toJSONSchema(schema, {
      io: 'input',
      unrepresentable: 'any',
    }) as Record<string, unknown>;
    defs[file] = json;
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://parley.invalid/schema/case.schema.json',
    title: 'Parley case',
    description:
      'A Parley case: one negotiation as a folder of YAML files. Point your editor at #/$defs/<file name> for a single file, e.g. "#/$defs/actors.yaml".',
    type: 'object',
    additionalProperties: false,
    required: ['case.yaml'],
    properties: Object.fromEntries(Object.keys(defs).map((file) => [file, { $ref: `#/$defs/${file}` }])),
    $defs: defs,
  };
}
