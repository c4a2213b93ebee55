import path from 'node:path';
import { draftKey, type Case } from '@parley/model/case.ts';
import { ParleyError } from '@parley/model/errors.ts';
import { currentFormatVersion } from '@parley/model/format/migrations.ts';
import type { CaseFileName } from '@parley/model/schema/case-files.ts';
import { caseFileLayout } from './case-layout.ts';
import { caseYamlText } from './case-yaml-text.ts';
import type { FolderFile } from './write-new-folder.ts';

/**
 * The files of a case folder for a case, the inverse of `loadCase`: every case file of
 * `caseFileLayout` in the canonical YAML of `caseYamlText`, then each draft version's text at
 * its `text:` path. case.yaml states the current `formatVersion` before the meta. A file whose
 * lists are all empty is left out, as are guarantees.yaml and model.yaml when the case has none:
 * the loader reads a missing file as empty lists (only case.yaml is required).
 *
 * Pure, so a case from any source (a database) can be turned into files and compared without
 * a disk. Refuses (ParleyError cannot-write) a text path that is absolute or leaves the folder,
 * two versions naming one file with different texts, a version without its text and a text
 * without its version: a written case never drops or misplaces what the case holds.
 */
export function caseFolderFiles(caseData: Case): FolderFile[] {
  const files: FolderFile[] = [];
  for (const [name, layout] of Object.entries(caseFileLayout) as [
    CaseFileName,
    (typeof caseFileLayout)[CaseFileName],
  ][]) {
    let content: unknown;
    if ('whole' in layout) {
      const part = caseData[layout.whole];
      if (part === undefined) continue;
      content = name === 'case.yaml' ? { formatVersion: currentFormatVersion, ...caseData.meta } : part;
    } else {
      const lists = Object.entries(layout.keys).map(([key, part]) => [key, caseData[part]] as const);
      if (lists.every(([, list]) => Array.isArray(list) && list.length === 0)) continue;
      content = Object.fromEntries(lists);
    }
    files.push({ path: name, text: caseYamlText(content) });
  }
  return [...files, ...draftTextFiles(caseData)];
}

/** Each draft version's text at its `text:` path, once per file. */
function draftTextFiles(caseData: Case): FolderFile[] {
  const byPath = new Map<string, { key: string; text: string }>();
  const written = new Set<string>();
  for (const document of caseData.drafts) {
    for (const version of document.versions) {
      const key = draftKey(document.id, version.id);
      const file = insideFolder(version.text, key);
      const text = caseData.draftTexts[key];
      if (text === undefined)
        throw new ParleyError('cannot-write', `no text for draft version "${key}" (${version.text})`);
      const earlier = byPath.get(file);
      if (earlier && earlier.text !== text)
        throw new ParleyError(
          'cannot-write',
          `draft versions "${earlier.key}" and "${key}" both name ${file} but their texts differ`,
        );
      byPath.set(file, { key, text });
      written.add(key);
    }
  }
  const orphan = Object.keys(caseData.draftTexts).find((key) => !written.has(key));
  if (orphan !== undefined)
    throw new ParleyError('cannot-write', `a text for "${orphan}", which is no draft version of the case`);
  return [...byPath].map(([file, { text }]) => ({ path: file, text }));
}

/**
 * A draft text path, normalised (`drafts/v1.txt`), or a refusal when it is absolute or leaves
 * the folder; `\` counts as a separator too, so the folder is safe on Windows as well.
 */
function insideFolder(text: string, key: string): string {
  const refuse = (why: string) =>
    new ParleyError(
      'cannot-write',
      `the text of draft version "${key}" is at "${text}", ${why}; a case writes only inside its own folder`,
    );
  if (path.posix.isAbsolute(text) || path.win32.isAbsolute(text)) throw refuse('an absolute path');
  const anySeparator = path.posix.normalize(text.replaceAll('\\', '/'));
  if (anySeparator === '..' || anySeparator.startsWith('../')) throw refuse('outside the case folder');
  return path.posix.normalize(text);
}
