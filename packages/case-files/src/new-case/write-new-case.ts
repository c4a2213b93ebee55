import { writeIntoNewFolder } from '../write-new-folder.ts';
import { newCaseTemplate } from './template.ts';

/**
 * Writes the example case of `parley init` into `dir`, which must not exist yet or be an empty
 * folder: a new case never overwrites a file. Returns the files written, relative to `dir`.
 */
export function writeNewCase(dir: string): Promise<string[]> {
  return writeIntoNewFolder(dir, newCaseTemplate, 'parley init writes a new case');
}
