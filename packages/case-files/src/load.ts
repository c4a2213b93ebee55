import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import type { Case } from '@parley/model/case.ts';
import { compareDiagnostics, formatPath, type Diagnostic, type FieldPath } from '@parley/model/diagnostic.ts';
import { displayPath } from './display-path.ts';
import { loadDraftTexts } from './draft-texts.ts';
import { checkReferences } from './references.ts';
import { caseFileSchemas, type CaseFileName } from '@parley/model/schema/case-files.ts';
import { parseYamlFile, type YamlFile } from './yaml-file.ts';

export interface LoadResult {
  /** Undefined only when the folder itself cannot be read or has no valid case.yaml. */
  caseData?: Case;
  /** Every problem found; empty means the case is valid. */
  diagnostics: Diagnostic[];
}

/** Reports a problem at a field of a case file; used by schema and reference checks alike. */
export type Reporter = (file: string, fieldPath: FieldPath, message: string, atKey?: boolean) => void;

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

  // A problem with a file as a whole, or with a file that could not be read for positions.
  const fileProblem = (file: string, message: string, fieldPath: FieldPath = []) =>
    diagnostics.push({
      file: displayPath(path.join(dir, file)),
      line: 0,
      column: 0,
      path: formatPath(fieldPath),
      message,
    });
  const files = new Map<string, YamlFile<unknown>>();
  const report: Reporter = (file, fieldPath, message, atKey = false) => {
    const parsed = files.get(file);
    if (parsed) parsed.report(fieldPath, message, atKey);
    else fileProblem(file, message, fieldPath);
  };

  for (const entry of entries.sort()) {
    if (/\.ya?ml$/.test(entry) && !(entry in caseFileSchemas)) {
      fileProblem(entry, `unknown case file; expected one of ${Object.keys(caseFileSchemas).join(', ')}`);
    }
  }

  const content: Partial<Record<CaseFileName, unknown>> = {};
  for (const [name, schema] of Object.entries(caseFileSchemas) as [CaseFileName, z.ZodType][]) {
    const filePath = path.join(dir, name);
    if (!entries.includes(name)) {
      if (name === 'case.yaml') fileProblem(name, 'missing: every case needs a case.yaml');
      continue;
    }
    const parsed = parseYamlFile(await readFile(filePath, 'utf8'), displayPath(filePath), schema);
    files.set(name, parsed);
    if (parsed.value !== undefined) content[name] = parsed.value;
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

  const citedInDrafts = await loadDraftTexts(caseData, report, diagnostics, displayPath);
  checkReferences(caseData, {
    loaded: new Set(Object.keys(content)),
    files,
    report,
    citedElsewhere: citedInDrafts,
  });
  for (const parsed of files.values()) diagnostics.push(...parsed.diagnostics);
  diagnostics.sort(compareDiagnostics);
  return meta ? { caseData, diagnostics } : { diagnostics };
}
