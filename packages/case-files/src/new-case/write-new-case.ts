import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ParleyError } from '@parley/model/errors.ts';
import { newCaseTemplate } from './template.ts';

/**
 * Writes the example case of `parley init` into `dir`, which must not exist yet or be an empty
 * folder: a new case never overwrites a file. Returns the files written, relative to `dir`.
 */
export async function writeNewCase(dir: string): Promise<string[]> {
  const found = await stat(dir).catch(() => undefined);
  if (found && !found.isDirectory()) {
    throw new ParleyError('usage', `${dir} exists and is not a folder; give a new or empty folder`);
  }
  if (found && (await readdir(dir)).length > 0) {
    throw new ParleyError(
      'usage',
      `${dir} is not empty; parley init writes a new case only into a new or empty folder and never overwrites`,
    );
  }
  const written: string[] = [];
  for (const file of newCaseTemplate) {
    const target = path.join(dir, file.path);
    await mkdir(path.dirname(target), { recursive: true });
    // 'wx' fails if the file appeared meanwhile: never overwrite, even in a race.
    await writeFile(target, file.text, { flag: 'wx' });
    written.push(file.path);
  }
  return written;
}
