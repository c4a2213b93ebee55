import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ParleyError } from '@parley/model/errors.ts';

/** One file to write: its path relative to the folder, and its text. */
export interface FolderFile {
  path: string;
  text: string;
}

/**
 * Writes `files` into `dir`, which must not exist yet or be an empty folder: Parley never
 * overwrites a file, so a case is written only where nothing can be lost. `writer` names who
 * writes what, for the refusal ("parley init writes a new case"). Returns the paths written.
 */
export async function writeIntoNewFolder(
  dir: string,
  files: readonly FolderFile[],
  writer: string,
): Promise<string[]> {
  const found = await stat(dir).catch(() => undefined);
  if (found && !found.isDirectory()) {
    throw new ParleyError('usage', `${dir} exists and is not a folder; give a new or empty folder`);
  }
  if (found && (await readdir(dir)).length > 0) {
    throw new ParleyError(
      'usage',
      `${dir} is not empty; ${writer} only into a new or empty folder and never overwrites`,
    );
  }
  const written: string[] = [];
  for (const file of files) {
    const target = path.join(dir, file.path);
    try {
      await mkdir(path.dirname(target), { recursive: true });
      // 'wx' fails if the file appeared meanwhile: never overwrite, even in a race.
      await writeFile(target, file.text, { flag: 'wx' });
    } catch (error) {
      throw new ParleyError('cannot-write', `cannot write ${target} (${writeProblem(error)})`);
    }
    written.push(file.path);
  }
  return written;
}

/** Why a file could not be written, in words; the system's code when it is a rare one. */
function writeProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EEXIST' || code === 'ENOTDIR') return 'a file is in the way';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOSPC') return 'the disk is full';
  if (code === 'EROFS') return 'a read-only file system';
  return code ?? 'unknown error';
}
