import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Case } from '@parley/model/case.ts';
import { draftKey } from '@parley/model/case.ts';
import { compareDiagnostics, formatPath, parsePath, type Diagnostic } from '@parley/model/diagnostic.ts';
import { leaveOut, parseCase, type CasePart, type UncheckedParts } from '@parley/model/parse-case.ts';
import { checkSchema } from '@parley/model/schema/check.ts';
import { caseFileSchemas, type CaseFileName } from '@parley/model/schema/case-files.ts';
import { validateCase } from '@parley/app/validate/validate-case.ts';
import { caseFileLayout, fileOfRecordPath, partsOf } from './case-layout.ts';
import { displayPath } from './display-path.ts';
import { readYaml, type YamlText } from './yaml-file.ts';
import { MAX_DRAFT_TEXT_BYTES, MAX_YAML_BYTES, readCaseFile } from './read-text-file.ts';

export interface LoadResult {
  /** Undefined only when the folder itself cannot be read or has no valid case.yaml. */
  caseData?: Case;
  /** Every problem found, at file:line:column; empty means the case is valid. */
  diagnostics: Diagnostic[];
}

const caseFileNames = Object.keys(caseFileLayout) as CaseFileName[];

/**
 * Loads a case folder and checks it completely: YAML syntax, the format version, the schema of
 * every record, every cross-reference and the draft text files. The checks themselves run on
 * the assembled case, as for a case from any other source; this adapter reads the files and
 * locates each problem back at its file:line:column. All problems are collected, never just the first.
 */
export async function loadCase(dir: string): Promise<LoadResult> {
  let entries: string[];
  try {
    if (!(await stat(dir)).isDirectory())
      return { diagnostics: [folderProblem(dir, 'not a folder (a case is a folder of YAML files)')] };
    entries = await readdir(dir);
  } catch {
    return { diagnostics: [folderProblem(dir, 'no such folder')] };
  }
  const folder = await readCaseFiles(dir, entries);
  const { diagnostics, yamls, raw } = folder;
  const textFiles = new Map<string, string>();
  const locate = (d: Diagnostic): Diagnostic => {
    const steps = parsePath(d.path);
    if (steps[0] === 'draftTexts') {
      const file = textFiles.get(String(steps[1]));
      return file === undefined ? d : { ...d, file, path: '' };
    }
    const target = fileOfRecordPath(steps);
    if (!target) return d;
    const yaml = yamls.get(target.file);
    if (!yaml) return { ...d, file: displayPath(path.join(dir, target.file)), path: formatPath(target.path) };
    return { ...yaml.at(target.path, d.message, d.code), severity: d.severity };
  };

  const parsed = parseCase(raw);
  for (const d of parsed.diagnostics) {
    // A part whose file is missing or unreadable was reported as such, not as missing records.
    if (!folder.unreadParts.has(parsePath(d.path)[0] as CasePart)) diagnostics.push(locate(d));
  }
  if (!parsed.records) return { diagnostics: diagnostics.sort(compareDiagnostics) };

  // A file whose records fail their check is left out whole, so references into it are not echoed.
  const unchecked: UncheckedParts = { ...parsed.unchecked };
  for (const name of caseFileNames) {
    const parts = partsOf(name);
    if (folder.brokenFiles.has(name) || parts.some((part) => part in parsed.unchecked))
      for (const part of parts) unchecked[part] = raw[part];
  }
  const caseData = leaveOut(parsed.records, Object.keys(unchecked) as CasePart[]);

  for (const [d, document] of caseData.drafts.entries()) {
    for (const [v, version] of document.versions.entries()) {
      const key = draftKey(document.id, version.id);
      const file = displayPath(path.join(dir, version.text));
      textFiles.set(key, file);
      const read = await readCaseFile(dir, version.text, MAX_DRAFT_TEXT_BYTES);
      if (read.ok) caseData.draftTexts[key] = read.text;
      else if (read.line !== undefined) {
        // A problem inside the text (its encoding, binary data) is located in the text file.
        const { code, message, line, column } = read;
        diagnostics.push({ code, severity: 'error', file, line, column, path: '', message });
      } else {
        // A path outside the folder, a pipe, a missing or oversized file: the reference is wrong.
        const at = ['documents', d, 'versions', v, 'text'];
        diagnostics.push(yamls.get('drafts.yaml')!.at(at, read.message, read.code));
      }
    }
  }

  const unread = folder.unreadable || [...yamls.values()].some((y) => y.raw === undefined);
  for (const d of validateCase(caseData, { unchecked, unread })) {
    // A version without its text is one whose file could not be read, reported above.
    if (d.code !== 'missing-draft-text') diagnostics.push(locate(d));
  }
  diagnostics.sort(compareDiagnostics);
  return 'meta' in unchecked ? { diagnostics } : { caseData, diagnostics };
}

/** The YAML files of a case folder, read, and the case's raw parts assembled from them. */
async function readCaseFiles(dir: string, entries: string[]) {
  const diagnostics: Diagnostic[] = [];
  const wholeFile = (file: string, message: string, code: string) =>
    diagnostics.push({ code, severity: 'error', file: displayPath(path.join(dir, file)), path: '', message });
  for (const entry of [...entries].sort()) {
    if (/\.ya?ml$/.test(entry) && !(entry in caseFileSchemas)) {
      wholeFile(entry, `unknown case file; expected one of ${caseFileNames.join(', ')}`, 'unknown-case-file');
    }
  }

  const yamls = new Map<CaseFileName, YamlText>();
  const raw: Record<string, unknown> = {};
  /** Files whose frame is wrong or that could not be read: their records are left out whole. */
  const brokenFiles = new Set<CaseFileName>();
  /** Parts of the files that are missing or could not be read as YAML. */
  const unreadParts = new Set<CasePart>();
  /** True when a case file exists but could not be read (outside the folder, not UTF-8, …). */
  let unreadable = false;
  for (const name of caseFileNames) {
    if (!entries.includes(name)) {
      if (name === 'case.yaml') wholeFile(name, 'missing: every case needs a case.yaml', 'missing-case-file');
      partsOf(name).forEach((part) => unreadParts.add(part));
      continue;
    }
    const display = displayPath(path.join(dir, name));
    const read = await readCaseFile(dir, name, MAX_YAML_BYTES);
    if (!read.ok) {
      const { code, message, line, column } = read;
      diagnostics.push({ code, severity: 'error', file: display, line, column, path: '', message });
      brokenFiles.add(name);
      partsOf(name).forEach((part) => unreadParts.add(part));
      unreadable = true;
      continue;
    }
    const yaml = readYaml(read.text, display);
    yamls.set(name, yaml);
    diagnostics.push(...yaml.diagnostics);
    if (yaml.raw === undefined) {
      brokenFiles.add(name);
      partsOf(name).forEach((part) => unreadParts.add(part));
      continue;
    }
    const layout = caseFileLayout[name];
    if ('whole' in layout) {
      if (name === 'case.yaml' && isRecord(yaml.raw)) {
        const { formatVersion, ...meta } = yaml.raw;
        if (formatVersion !== undefined) raw.formatVersion = formatVersion;
        raw.meta = meta;
      } else raw[layout.whole] = yaml.raw;
      continue;
    }
    // The file's own frame: a mapping with exactly its keys (the records inside are the case's).
    const frame = checkSchema(frameSchema(Object.keys(layout.keys)), yaml.raw);
    for (const p of frame.problems) diagnostics.push(yaml.at(p.path, p.message, p.code));
    if (frame.problems.length > 0) brokenFiles.add(name);
    if (isRecord(yaml.raw)) for (const [key, part] of Object.entries(layout.keys)) raw[part] = yaml.raw[key];
  }
  return { diagnostics, yamls, raw, brokenFiles, unreadParts, unreadable };
}

function folderProblem(dir: string, message: string): Diagnostic {
  return { code: 'not-a-case-folder', severity: 'error', file: displayPath(dir), path: '', message };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A mapping with exactly these keys, each present, whatever their values. */
function frameSchema(keys: string[]) {
  return z.strictObject(
    Object.fromEntries(
      keys.map((key) => [key, z.custom((value) => value !== undefined, 'required field is missing')]),
    ),
  );
}
