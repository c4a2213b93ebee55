import type { z } from 'zod';

/** One way a value breaks its schema, at a field path relative to the value. */
export interface SchemaProblem {
  code: 'unknown-field' | 'missing-field' | 'invalid-value';
  path: (string | number)[];
  message: string;
}

/**
 * Checks a plain value (parsed YAML, a JSON body) against a zod schema and words each problem
 * for people: an unknown field is reported at its own key, a missing one as missing, an enum by
 * its allowed values. Every problem is returned, never just the first.
 */
export function checkSchema<S extends z.ZodType>(
  schema: S,
  value: unknown,
): { value?: z.output<S>; problems: SchemaProblem[] } {
  const result = schema.safeParse(value);
  if (result.success) return { value: result.data, problems: [] };
  const problems: SchemaProblem[] = [];
  for (const issue of result.error.issues) {
    const path = issue.path as (string | number)[];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        problems.push({ code: 'unknown-field', path: [...path, key], message: 'unknown field' });
    } else if (valueAt(value, path) === undefined) {
      // A schema's own (custom) message says why the field is required here.
      const message = issue.code === 'custom' ? issue.message : 'required field is missing';
      problems.push({ code: 'missing-field', path, message });
    } else {
      problems.push({ code: 'invalid-value', path, message: issueMessage(issue) });
    }
  }
  return { problems };
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node: unknown = root;
  for (const part of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[part];
  }
  return node;
}

function issueMessage(issue: z.core.$ZodIssue): string {
  // Rephrase zod's generic enum message, but keep a schema's own (custom) message.
  if (issue.code === 'invalid_value' && 'values' in issue && /^Invalid (option|input)/.test(issue.message)) {
    return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  return issue.message;
}
