import path from 'node:path';
import { formatDiagnostics, formatPath, parsePath, type Diagnostic } from '@parley/model/diagnostic.ts';
import { isParleyError, ParleyError } from '@parley/model/errors.ts';
import type { CaseFileName } from '@parley/model/schema/case-files.ts';
import { fileOfRecordPath } from './case-layout.ts';
import { displayPath } from './display-path.ts';
import { MAX_YAML_BYTES, readCaseFile } from './read-text-file.ts';
import { readYaml, type YamlText } from './yaml-file.ts';

/**
 * Diagnostics found on a case already loaded (located by record path, `guarantees.instruments[0].id`),
 * located in the case folder's files at file:line:column. A file that cannot be read again still
 * names the file and the field.
 */
export async function locateInCase(dir: string, diagnostics: readonly Diagnostic[]): Promise<Diagnostic[]> {
  const yamls = new Map<CaseFileName, YamlText | undefined>();
  const located: Diagnostic[] = [];
  for (const d of diagnostics) {
    const target = d.file === undefined ? fileOfRecordPath(parsePath(d.path)) : undefined;
    if (!target) {
      located.push(d);
      continue;
    }
    if (!yamls.has(target.file)) {
      const read = await readCaseFile(dir, target.file, MAX_YAML_BYTES);
      const display = displayPath(path.join(dir, target.file));
      yamls.set(target.file, read.ok ? readYaml(read.text, display) : undefined);
    }
    const yaml = yamls.get(target.file);
    located.push(
      yaml
        ? { ...yaml.at(target.path, d.message, d.code), severity: d.severity }
        : { ...d, file: displayPath(path.join(dir, target.file)), path: formatPath(target.path) },
    );
  }
  return located;
}

/**
 * An invalid-case error raised on a loaded case, its diagnostics located in the case folder
 * (`locateInCase`); any other error unchanged.
 */
export async function locateCaseError(dir: string, error: unknown): Promise<unknown> {
  if (!isParleyError(error, 'invalid-case') || error.diagnostics.length === 0) return error;
  const diagnostics = await locateInCase(dir, error.diagnostics);
  const count = diagnostics.length;
  return new ParleyError(
    'invalid-case',
    `${formatDiagnostics(diagnostics).join('\n')}\n${count} problem${count === 1 ? '' : 's'} in case ${dir}`,
    diagnostics,
  );
}
