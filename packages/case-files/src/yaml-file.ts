import { isAlias, LineCounter, parseDocument, visit, type Document } from 'yaml';
import type { z } from 'zod';
import { formatPath, type Diagnostic, type FieldPath, type Reporter } from '@parley/model/diagnostic.ts';
import { checkSchema } from '@parley/model/schema/check.ts';
import { locate } from './yaml-locate.ts';

/** A YAML text, parsed (duplicate keys are errors), able to point at any of its fields. */
export interface YamlText {
  /** The file as shown in messages. */
  display: string;
  /** The plain parsed value; undefined on a YAML syntax error. */
  raw: unknown;
  /** YAML syntax and duplicate-key errors, located. */
  diagnostics: Diagnostic[];
  /** A problem at a field path of this text, located there; an unknown field at its key. */
  at: (path: FieldPath, message: string, code: string) => Diagnostic;
}

export function readYaml(text: string, display: string): YamlText {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const at = (path: FieldPath, message: string, code: string): Diagnostic => {
    const pos = locate(doc, lines, path, code === 'unknown-field');
    return {
      code,
      severity: 'error',
      file: display,
      line: pos.line,
      column: pos.column,
      path: formatPath(path),
      message,
    };
  };
  const diagnostics = doc.errors.map((error): Diagnostic => {
    const pos = lines.linePos(error.pos[0]);
    return {
      code: error.code === 'DUPLICATE_KEY' ? 'yaml-duplicate-key' : 'yaml-syntax',
      severity: 'error',
      file: display,
      line: pos.line,
      column: pos.col,
      path: '',
      message: `YAML: ${error.message.split('\n')[0]}`,
    };
  });
  if (diagnostics.length > 0) return { display, raw: undefined, diagnostics, at };
  try {
    return { display, raw: doc.toJS() as unknown, diagnostics, at };
  } catch {
    // The yaml library refuses aliases that expand too far (a "billion laughs" file).
    const pos = lines.linePos(firstAliasOffset(doc));
    diagnostics.push({
      code: 'yaml-alias-limit',
      severity: 'error',
      file: display,
      line: pos.line,
      column: pos.col,
      path: '',
      message: 'YAML: aliases (*name) expand too far: write the values out instead of nesting aliases',
    });
    return { display, raw: undefined, diagnostics, at };
  }
}

/** Where the document's first alias starts (0 when it has none). */
function firstAliasOffset(doc: Document): number {
  let offset = 0;
  visit(doc, {
    Alias(_key, node) {
      if (isAlias(node) && node.range) {
        offset = node.range[0];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return offset;
}

/** A YAML text checked against a schema, able to report further problems at any of its fields. */
export interface YamlFile<T> {
  display: string;
  /** The plain parsed value (undefined on a YAML syntax error), whether or not it fits the schema. */
  raw: unknown;
  /** The value typed by the schema; undefined when YAML or schema errors were found. */
  value?: T;
  diagnostics: Diagnostic[];
  /** Records a problem at a field path of this file. */
  report: Reporter;
}

/**
 * Parses YAML and checks it against a zod schema (a library file, one case file on its own).
 * Every problem is located as file:line:column with its field path.
 */
export function parseYamlFile<S extends z.ZodType>(
  text: string,
  display: string,
  schema: S,
): YamlFile<z.infer<S>> {
  const yaml = readYaml(text, display);
  const diagnostics = yaml.diagnostics;
  const report: Reporter = (path, message, code = 'invalid-value') =>
    diagnostics.push(yaml.at(path, message, code));
  if (yaml.raw === undefined && diagnostics.length > 0)
    return { display, raw: undefined, diagnostics, report };
  const checked = checkSchema(schema, yaml.raw);
  for (const p of checked.problems) report(p.path, p.message, p.code);
  return checked.problems.length > 0
    ? { display, raw: yaml.raw, diagnostics, report }
    : { display, raw: yaml.raw, value: checked.value, diagnostics, report };
}
