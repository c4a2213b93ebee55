import { ParleyError } from '@parley/model/errors.ts';
import { readTextFile } from '@parley/case-files/read-text-file.ts';

/** GENIUS and GeniusWeb files are read under case-files' rule for texts: regular UTF-8 files only. */
const MAX_GENIUS_FILE_BYTES = 8 * 1024 * 1024;

/** A GENIUS domain or profile named on the command line, as text; a located error otherwise. */
export async function readGeniusFile(file: string): Promise<string> {
  const read = await readTextFile(file, MAX_GENIUS_FILE_BYTES);
  if (read.ok) return read.text;
  if (read.code === 'unreadable-file') throw new ParleyError('not-found', `cannot read ${file}`);
  const where = read.line === undefined ? file : `${file}:${read.line}:${read.column}`;
  throw new ParleyError('invalid-input', `${where}: ${read.message}`);
}
