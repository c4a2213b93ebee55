import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import type { Case } from './case.ts';
import { draftKey } from './case.ts';
import { compareDiagnostics, formatPath, type Diagnostic, type FieldPath } from './diagnostic.ts';
import { checkReferences } from './references.ts';
import { caseFileSchemas, type CaseFileName } from './schema/case-files.ts';
import { locate } from './yaml-locate.ts';

export interface LoadResult {
  /** Undefined only when the folder itself cannot be read or has no valid case.yaml. */
  caseData?: Case;
  /** Every problem found; empty means the case is valid. */
  diagnostics: Diagnostic[];
}

/** A parsed YAML file kept with its positions, so later checks can point into it. */
export interface ParsedFile {
  name: string;
  /** Path as shown in messages (relative to the working directory when possible). */
  display: string;
  doc: Document;
  lines: LineCounter;
}

/** Reports a problem at a field of a file; used by schema and reference checks alike. */
export type Reporter = (file: string, fieldPath: FieldPath, message: string, atKey?: boolean) => void;

function displayPath(filePath: string): string {
  const rel = path.relative(process.cwd(), filePath);
  return rel && !rel.startsWith('..') ? rel : filePath;
}

function zodMessage(issue: z.core.$ZodIssue, value: unknown): string {
  if (value === undefined) return 'required field is missing';
  // Rephrase zod's generic enum message, but keep a schema's own (custom) message.
  if (issue.code === 'invalid_value' && 'values' in issue && /^Invalid (option|input)/.test(issue.message)) {
    return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  return issue.message;
}

function valueAt(root: unknown, fieldPath: readonly PropertyKey[]): unknown {
  let node: unknown = root;
  for (const part of fieldPath) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[part];
  }
  return node;
}

/**
 * Loads a case folder and checks it completely: YAML syntax, the schema of every file, every
 * cross-reference, and the draft text files. All problems are collected, never just the first.
 */
export async function loadCase(dir: string): Promise<LoadResult> {
  const diagnostics: Diagnostic[] = [];
  const shownDir = displayPath(dir);
  const folderProblem = (message: string): LoadResult => ({
    diagnostics: [{ file: shownDir, line: 0, column: 0, path: '', message }],
  });

  let entries: string[];
  try {
    if (!(await stat(dir)).isDirectory())
      return folderProblem('not a folder (a case is a folder of YAML files)');
    entries = await readdir(dir);
  } catch {
    return folderProblem('no such folder');
  }

  const files = new Map<string, ParsedFile>();
  const report: Reporter = (file, fieldPath, message, atKey = false) => {
    const parsed = files.get(file);
    const pos = parsed ? locate(parsed.doc, parsed.lines, fieldPath, atKey) : { line: 0, column: 0 };
    diagnostics.push({
      file: parsed?.display ?? displayPath(path.join(dir, file)),
      line: pos.line,
      column: pos.column,
      path: formatPath(fieldPath),
      message,
    });
  };

  for (const entry of entries.sort()) {
    if (/\.ya?ml$/.test(entry) && !(entry in caseFileSchemas)) {
      diagnostics.push({
        file: displayPath(path.join(dir, entry)),
        line: 0,
        column: 0,
        path: '',
        message: `unknown case file; expected one of ${Object.keys(caseFileSchemas).join(', ')}`,
      });
    }
  }

  const content: Partial<Record<CaseFileName, unknown>> = {};
  for (const [name, schema] of Object.entries(caseFileSchemas) as [CaseFileName, z.ZodType][]) {
    const filePath = path.join(dir, name);
    if (!entries.includes(name)) {
      if (name === 'case.yaml') {
        diagnostics.push({
          file: displayPath(filePath),
          line: 0,
          column: 0,
          path: '',
          message: 'missing: every case needs a case.yaml',
        });
      }
      continue;
    }
    const text = await readFile(filePath, 'utf8');
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    const display = displayPath(filePath);
    files.set(name, { name, display, doc, lines });
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
      continue;
    }
    const raw: unknown = doc.toJS();
    const result = schema.safeParse(raw);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const fieldPath = issue.path as (string | number)[];
        if (issue.code === 'unrecognized_keys') {
          for (const key of issue.keys) report(name, [...fieldPath, key], 'unknown field', true);
        } else {
          report(name, fieldPath, zodMessage(issue, valueAt(raw, issue.path)));
        }
      }
      continue;
    }
    content[name] = result.data;
  }

  const meta = content['case.yaml'] as Case['meta'] | undefined;

  const pick = <F extends CaseFileName, K extends string>(file: F, key: K) =>
    ((content[file] as Record<K, unknown[]> | undefined)?.[key] ?? []) as never;
  const caseData: Case = {
    dir,
    // Without a valid case.yaml the records are still cross-checked, then no case is returned.
    meta: meta ?? { id: 'invalid', title: '', summary: '', period: '..' },
    actors: pick('actors.yaml', 'actors'),
    roles: pick('roles.yaml', 'roles'),
    rounds: pick('rounds.yaml', 'rounds'),
    events: pick('events.yaml', 'events'),
    sources: pick('sources.yaml', 'sources'),
    propositions: pick('claims.yaml', 'propositions'),
    claims: pick('claims.yaml', 'claims'),
    issues: pick('issues.yaml', 'issues'),
    positions: pick('positions.yaml', 'positions'),
    drafts: pick('drafts.yaml', 'documents'),
    draftTexts: {},
    ...(content['guarantees.yaml'] ? { guarantees: content['guarantees.yaml'] as Case['guarantees'] } : {}),
    ...(content['model.yaml'] ? { model: content['model.yaml'] as Case['model'] } : {}),
  };

  await loadDraftTexts(caseData, report);
  checkReferences(caseData, { loaded: new Set(Object.keys(content)), files, report });
  diagnostics.sort(compareDiagnostics);
  return meta ? { caseData, diagnostics } : { diagnostics };
}

async function loadDraftTexts(caseData: Case, report: Reporter): Promise<void> {
  for (const [d, document] of caseData.drafts.entries()) {
    for (const [v, version] of document.versions.entries()) {
      try {
        caseData.draftTexts[draftKey(document.id, version.id)] = await readFile(
          path.join(caseData.dir, version.text),
          'utf8',
        );
      } catch {
        report(
          'drafts.yaml',
          ['documents', d, 'versions', v, 'text'],
          `cannot read draft text file "${version.text}"`,
        );
      }
    }
  }
}
