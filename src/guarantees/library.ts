import { LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { compareDiagnostics, formatPath, type Diagnostic } from '../case/diagnostic.ts';
import { libraryFileSchema, type LibraryFile, type Place } from '../case/schema/guarantee.ts';
import { locate } from '../case/yaml-locate.ts';
import { checkGuaranteeReferences } from './references.ts';

/** A YAML text checked against a schema, with a way to point at any field of it. */
export interface ParsedYaml<T> {
  value?: T;
  diagnostics: Diagnostic[];
  /** Records a problem at a field path of this file. */
  report: (path: (string | number)[], message: string, atKey?: boolean) => void;
}

/** Parses YAML and checks it against a zod schema; every problem is located as file:line:column. */
export function parseYamlWith<S extends z.ZodType>(
  text: string,
  display: string,
  schema: S,
): ParsedYaml<z.infer<S>> {
  const lines = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const diagnostics: Diagnostic[] = [];
  const report = (path: (string | number)[], message: string, atKey = false) => {
    const pos = locate(doc, lines, path, atKey);
    diagnostics.push({ file: display, line: pos.line, column: pos.column, path: formatPath(path), message });
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
    return { diagnostics, report };
  }
  const raw: unknown = doc.toJS();
  const result = schema.safeParse(raw);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const path = issue.path as (string | number)[];
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) report([...path, key], 'unknown field', true);
      } else if (issue.code === 'invalid_type' && valueAt(raw, path) === undefined) {
        report(path, 'required field is missing');
      } else if (issue.code === 'invalid_value' && 'values' in issue && issue.message.startsWith('Invalid')) {
        // zod's own wording; a schema's custom message (e.g. on `assumption: true`) is kept as written.
        report(path, `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`);
      } else {
        report(path, issue.message);
      }
    }
    return { diagnostics, report };
  }
  return { value: result.data, diagnostics, report };
}

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let node = root;
  for (const part of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[part];
  }
  return node;
}

export interface LibraryEntry {
  /** The file as shown in messages, e.g. library/instruments/budapest-1994.yaml. */
  display: string;
  file: LibraryFile;
}

/**
 * Checks the reference-instrument library. Each file defines the actors and sources it cites;
 * places and councils (the UN Security Council) may be shared across files.
 */
export function checkLibrary(texts: readonly { display: string; text: string }[]): {
  entries: LibraryEntry[];
  diagnostics: Diagnostic[];
} {
  const parsed = texts.map(({ display, text }) => ({
    display,
    ...parseYamlWith(text, display, libraryFileSchema),
  }));
  const places = new Map<string, Place>();
  const councils = new Set<string>();
  for (const p of parsed) {
    for (const place of p.value?.places ?? []) if (!places.has(place.id)) places.set(place.id, place);
    for (const council of p.value?.councils ?? []) councils.add(council.id);
  }
  for (const p of parsed) {
    const file = p.value;
    if (!file) continue;
    const actors = new Set((file.actors ?? []).map((a) => a.id));
    const sources = new Set(file.sources.map((s) => s.id));
    checkGuaranteeReferences(
      { ...file, instruments: file.instruments ?? [] },
      { actors, sources, drafts: new Set(), issues: new Set(), places, councils },
      p.report,
    );
    checkCitations(file, sources, p.report);
  }
  return {
    entries: parsed.flatMap((p) =>
      p.value && p.diagnostics.length === 0 ? [{ display: p.display, file: p.value }] : [],
    ),
    diagnostics: parsed.flatMap((p) => p.diagnostics).sort(compareDiagnostics),
  };
}

/** Every `sources` list in a library file names a source defined in that file. */
function checkCitations(
  file: LibraryFile,
  defined: Set<string>,
  report: (path: (string | number)[], message: string) => void,
) {
  const walk = (node: unknown, path: (string | number)[]) => {
    if (Array.isArray(node)) node.forEach((child, i) => walk(child, [...path, i]));
    else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'sources' && Array.isArray(value) && value.every((v) => typeof v === 'string')) {
          value.forEach(
            (id: string, i) => defined.has(id) || report([...path, key, i], `unknown source "${id}"`),
          );
        } else walk(value, [...path, key]);
      }
    }
  };
  const { sources: _definitions, ...cited } = file;
  walk(cited, []);
}
