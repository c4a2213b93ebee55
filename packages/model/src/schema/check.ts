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
      problems.push({
        code: 'invalid-value',
        path,
        message: issueMessage(issue, schema, valueAt(value, path)),
      });
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

/** zod's own wording (as opposed to a schema's message), which is rewritten for people. */
const ZOD_DEFAULT = /^Invalid (input|option|value)/;

function issueMessage(issue: z.core.$ZodIssue, schema: z.ZodType, input: unknown): string {
  if (!ZOD_DEFAULT.test(issue.message)) return issue.message;
  if (issue.code === 'invalid_value' && 'values' in issue) {
    return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  if (issue.code === 'invalid_type') return typeMessage(issue.expected, input);
  if (issue.code === 'invalid_union') {
    const shapes = unionShapes(schemaAt(schema, issue.path as PropertyKey[]), issue.errors);
    if (shapes.length > 0) return `expected one of: ${shapes.join(', ')}; got ${describeValue(input)}`;
  }
  return `${describeValue(input)} is not accepted here`;
}

/** "expected X, got Y", with the fix when text was written without quotes. */
function typeMessage(expected: string, input: unknown): string {
  if (expected === 'string' && (typeof input === 'number' || typeof input === 'boolean')) {
    return `expected text, got the ${typeof input} ${String(input)}: write it in quotes ('${String(input)}')`;
  }
  return `expected ${typeName(expected)}, got ${describeValue(input)}`;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a map of fields',
  record: 'a map of fields',
  null: 'nothing (null)',
};

function typeName(expected: string): string {
  return TYPE_NAMES[expected] ?? expected;
}

/** A value as a person would name it in a message. */
function describeValue(value: unknown): string {
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map of fields';
  if (typeof value === 'string')
    return `the text ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)}`;
  return `the ${typeof value} ${String(value)}`;
}

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  getter?: () => z.ZodType;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Wrappers that do not change the shape of what is accepted. */
function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (let i = 0; i < 20; i++) {
    const def = defOf(s);
    const next = def.innerType ?? (def.type === 'pipe' ? def.in : undefined) ?? def.getter?.();
    if (!next) return s;
    s = next;
  }
  return s;
}

/** The schema that checks the value at a field path (undefined when the path is not simple). */
function schemaAt(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodType | undefined {
  let s: z.ZodType | undefined = unwrap(schema);
  for (const part of path) {
    const def: Def = defOf(s);
    const next: z.ZodType | undefined =
      def.type === 'object'
        ? def.shape?.[String(part)]
        : def.type === 'array'
          ? def.element
          : def.type === 'record'
            ? def.valueType
            : undefined;
    if (!next) return undefined;
    s = unwrap(next);
  }
  return s;
}

/** The shapes a union accepts, as a person would write them: `a number`, `{from, to, step}`. */
function unionShapes(union: z.ZodType | undefined, branches: z.core.$ZodIssue[][]): string[] {
  const options = union ? defOf(union).options : undefined;
  if (options) return options.map((option) => shapeName(unwrap(option)));
  // No schema at hand: name each branch by the type it expected of the value itself.
  return branches.flatMap((issues) =>
    issues
      .filter((i) => i.path.length === 0 && i.code === 'invalid_type')
      .map((i) => typeName((i as { expected: string }).expected)),
  );
}

function shapeName(schema: z.ZodType): string {
  const def = defOf(schema);
  if (def.type === 'object' && def.shape) return `{${Object.keys(def.shape).join(', ')}}`;
  if (def.type === 'array' && def.element) return `a list of ${plural(shapeName(unwrap(def.element)))}`;
  return typeName(def.type);
}

function plural(name: string): string {
  return name === 'text' ? 'texts' : name.replace(/^an? /, '') + 's';
}
