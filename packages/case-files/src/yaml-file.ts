import { isAlias, isScalar, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
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
      message: yamlErrorMessage(error.code, error.message, pos.line),
    };
  });
  diagnostics.push(...flowCommaProblems(doc, text, lines, display));
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

/** The yaml library's message, reworded where it speaks to programmers rather than case authors. */
function yamlErrorMessage(code: string, message: string, line: number): string {
  if (code === 'MULTIPLE_DOCS')
    return `YAML: the file holds more than one YAML document (a second one starts with '---' at line ${line}); a case file holds one: remove that '---' or move what follows into its own file`;
  return `YAML: ${message.split('\n')[0]}`;
}

/**
 * A comma inside `{ … }` ends an entry, so `{a: 1, but a bearable one}` reads as two fields,
 * the second named "but a bearable one" with no value. A field name with spaces and no value in
 * a flow map is taken for that mistake and reported with the quoting that fixes it.
 */
function flowCommaProblems(doc: Document, text: string, lines: LineCounter, display: string): Diagnostic[] {
  const problems: Diagnostic[] = [];
  visit(doc, {
    Map(_key, map) {
      if (!map.flow) return undefined;
      map.items.forEach((pair, i) => {
        const key = pair.key as Node | null;
        if (!isScalar(key) || typeof key.value !== 'string' || !/\s/.test(key.value) || !key.range) return;
        if (pair.value !== null && !(isScalar(pair.value) && pair.value.value === null)) return;
        const before = i > 0 ? map.items[i - 1] : undefined;
        const prevValue = before?.value as Node | null | undefined;
        const prevKey = before && isScalar(before.key) ? String(before.key.value) : undefined;
        const hint =
          prevKey !== undefined && prevValue?.range
            ? `: if it continues the text before it, quote that text (${prevKey}: "${text.slice(prevValue.range[0], key.range[1])}")`
            : ': quote text that holds a comma';
        const pos = lines.linePos(key.range[0]);
        problems.push({
          code: 'yaml-flow-comma',
          severity: 'error',
          file: display,
          line: pos.line,
          column: pos.col,
          path: '',
          message: `YAML: a comma inside { } ends an entry, so "${key.value}" reads as a field name${hint}`,
        });
      });
      return undefined;
    },
  });
  return problems;
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
