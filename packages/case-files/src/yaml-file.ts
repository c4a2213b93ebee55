import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { formatPath, type Diagnostic, type FieldPath } from '@parley/model/diagnostic.ts';
import { locate } from './yaml-locate.ts';

/** A YAML text checked against a schema, able to point at any of its fields. */
export interface YamlFile<T> {
  /** The file as shown in messages. */
  display: string;
  /** The plain parsed value (undefined on a YAML syntax error), whether or not it fits the schema. */
  raw: unknown;
  /** The value typed by the schema; undefined when YAML or schema errors were found. */
  value?: T;
  diagnostics: Diagnostic[];
  /** Records a problem at a field path of this file (at the key itself with `atKey`). */
  report: (fieldPath: FieldPath, message: string, atKey?: boolean) => void;
}

function valueAt(root: unknown, fieldPath: readonly PropertyKey[]): unknown {
  let node: unknown = root;
  for (const part of fieldPath) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[part];
  }
  return node;
}

function zodMessage(issue: z.core.$ZodIssue, value: unknown): string {
  if (value === undefined) return 'required field is missing';
  // Rephrase zod's generic enum message, but keep a schema's own (custom) message.
  if (issue.code === 'invalid_value' && 'values' in issue && /^Invalid (option|input)/.test(issue.message)) {
    return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  return issue.message;
}

/**
 * Parses YAML (duplicate keys are errors) and checks it against a zod schema. Every problem is
 * located as file:line:column with its field path; unknown fields are reported at their key.
 */
export function parseYamlFile<S extends z.ZodType>(
  text: string,
  display: string,
  schema: S,
): YamlFile<z.infer<S>> {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const diagnostics: Diagnostic[] = [];
  const report = (fieldPath: FieldPath, message: string, atKey = false) => {
    const pos = locate(doc, lines, fieldPath, atKey);
    diagnostics.push({
      file: display,
      line: pos.line,
      column: pos.column,
      path: formatPath(fieldPath),
      message,
    });
  };
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const pos = lines.linePos(error.pos[0]);
      diagnostics.push({
        file: display,
        line: pos.line,
        column: pos.col,
        path: '',
        message: `YAML: ${error.message.split('\n')[0]}`,
      });
    }
    return { display, raw: undefined, diagnostics, report };
  }
  const raw: unknown = doc.toJS();
  const result = schema.safeParse(raw);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const fieldPath = issue.path as (string | number)[];
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) report([...fieldPath, key], 'unknown field', true);
      } else {
        report(fieldPath, zodMessage(issue, valueAt(raw, issue.path)));
      }
    }
    return { display, raw, diagnostics, report };
  }
  return { display, raw, value: result.data, diagnostics, report };
}
