import type { Case } from '@parley/model/case.ts';
import { caseFolderFiles } from './case-folder-files.ts';
import { writeIntoNewFolder } from './write-new-folder.ts';

/**
 * Writes a case as a case folder, the inverse of `loadCase`: the canonical files of
 * `caseFolderFiles` into `dir`, which must not exist yet or be an empty folder (nothing is ever
 * overwritten). Every file is prepared before the first is written, so a refused case leaves no
 * files behind. Returns the files written, relative to `dir`.
 */
export async function writeCaseFolder(caseData: Case, dir: string): Promise<string[]> {
  return writeIntoNewFolder(dir, caseFolderFiles(caseData), 'a case is written');
}
