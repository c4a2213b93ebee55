import { constants } from 'node:fs';
import { open, realpath, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * The one way Parley reads a text file it was given: a case's YAML files and draft texts, a
 * text file to diff, a library file. One rule everywhere:
 *
 * - regular files only: a folder, a named pipe or a device is refused before it is opened (a
 *   pipe would block the reader forever);
 * - at most a documented number of bytes, checked before reading;
 * - UTF-8 only: a UTF-8 byte-order mark is dropped, UTF-16 and other encodings are refused
 *   with the position of the first byte that is not UTF-8; a NUL byte means a binary file.
 *
 * `readCaseFile` adds the case-folder rule: the file's real path (symbolic links resolved)
 * must lie inside the case folder's real path, and the file must have one name only: a hard
 * link is indistinguishable from the file it shares, which may lie outside the folder.
 */

/** The largest draft text Parley reads (docs/drafts-format.md). */
export const MAX_DRAFT_TEXT_BYTES = 2 * 1024 * 1024;
/** The largest case YAML file Parley reads (docs/case-format.md). */
export const MAX_YAML_BYTES = 2 * 1024 * 1024;

/** A file's text, or why it cannot be read; `line`/`column` place a problem inside the file. */
export type TextRead =
  | { ok: true; text: string }
  | { ok: false; code: TextReadCode; message: string; line?: number; column?: number };

export type TextReadCode =
  | 'unreadable-file'
  | 'outside-case-folder'
  | 'not-a-regular-file'
  | 'file-too-large'
  | 'not-utf8'
  | 'binary-file';

/** Reads a text file under the rules above. Never throws for a problem with the file. */
export async function readTextFile(
  file: string,
  maxBytes: number,
  { noFollow = false, oneName = false }: { noFollow?: boolean; oneName?: boolean } = {},
): Promise<TextRead> {
  let info;
  try {
    info = await stat(file);
  } catch (error) {
    return failed('unreadable-file', `cannot read (${errnoText(error)})`);
  }
  const kind = checkKind(info, maxBytes, oneName);
  if (kind) return kind;
  let bytes: Buffer;
  try {
    // O_NONBLOCK: should the file be swapped for a pipe after the check, opening still returns;
    // the handle's own stat then refuses it.
    // O_NOFOLLOW (for a path already resolved): a link swapped in after the check is not followed.
    const flags = constants.O_RDONLY | constants.O_NONBLOCK | (noFollow ? constants.O_NOFOLLOW : 0);
    const handle = await open(file, flags);
    try {
      const again = checkKind(await handle.stat(), maxBytes, oneName);
      if (again) return again;
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    return failed('unreadable-file', `cannot read (${errnoText(error)})`);
  }
  if (bytes.length > maxBytes) return tooLarge(bytes.length, maxBytes);
  return decodeText(bytes);
}

/**
 * Reads `relative` inside the case folder `dir`: refused when it resolves outside the folder,
 * by `..`, an absolute path or a symbolic link anywhere on the way.
 */
export async function readCaseFile(dir: string, relative: string, maxBytes: number): Promise<TextRead> {
  const outside = failed(
    'outside-case-folder',
    `"${relative}" is outside the case folder (a case reads only its own files)`,
  );
  if (path.isAbsolute(relative)) return outside;
  const folder = path.resolve(dir);
  const file = path.resolve(folder, relative);
  if (!isInside(folder, file)) return outside;
  let real: string;
  try {
    real = await realpath(file);
  } catch (error) {
    return failed('unreadable-file', `cannot read "${relative}" (${errnoText(error)})`);
  }
  let realFolder: string;
  try {
    realFolder = await realpath(folder);
  } catch (error) {
    return failed('unreadable-file', `cannot read the case folder (${errnoText(error)})`);
  }
  if (!isInside(realFolder, real))
    return failed(
      'outside-case-folder',
      `"${relative}" is a symbolic link that leads outside the case folder (a case reads only its own files)`,
    );
  const read = await readTextFile(real, maxBytes, { noFollow: true, oneName: true });
  return read.ok || read.line !== undefined ? read : { ...read, message: `"${relative}": ${read.message}` };
}

/** Decodes bytes as UTF-8 under the rules above (a BOM dropped, NUL refused). */
export function decodeText(bytes: Uint8Array): TextRead {
  if (
    (bytes[0] === 0xff && bytes[1] === 0xfe) ||
    (bytes[0] === 0xfe && bytes[1] === 0xff) ||
    looksUtf16(bytes)
  )
    return failed('not-utf8', 'not UTF-8 (it is UTF-16): save it as UTF-8', 1, 1);
  const nul = bytes.indexOf(0);
  if (nul >= 0)
    return {
      ...failed('binary-file', 'not a text file (it holds binary data: a NUL byte)'),
      ...position(bytes, nul),
    };
  try {
    // ignoreBOM false (the default): a leading UTF-8 byte-order mark is dropped.
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const at = firstInvalidUtf8(bytes);
    const byte = bytes[at] ?? 0;
    return {
      ...failed(
        'not-utf8',
        `not UTF-8 (byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} is not UTF-8; Latin-1 or Windows-1252?): save it as UTF-8`,
      ),
      ...position(bytes, at),
    };
  }
}

function checkKind(
  info: { isFile(): boolean; isDirectory(): boolean; isFIFO(): boolean; size: number; nlink: number },
  maxBytes: number,
  oneName: boolean,
): TextRead | undefined {
  if (info.isDirectory()) return failed('not-a-regular-file', 'a folder, not a file');
  if (!info.isFile())
    return failed(
      'not-a-regular-file',
      `not a regular file (${info.isFIFO() ? 'a named pipe' : 'a device or socket'}): Parley reads only regular files`,
    );
  if (oneName && info.nlink > 1)
    return failed(
      'outside-case-folder',
      `has ${info.nlink} names (hard links): a hard link may share a file outside the case folder, so a case reads only files with one name (copy the file instead of linking it)`,
    );
  if (info.size > maxBytes) return tooLarge(info.size, maxBytes);
  return undefined;
}

function tooLarge(size: number, maxBytes: number): TextRead {
  return failed(
    'file-too-large',
    `too large (${size.toLocaleString('en-US')} bytes; the limit is ${megabytes(maxBytes)})`,
  );
}

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;

function failed(code: TextReadCode, message: string, line?: number, column?: number): TextRead {
  return line === undefined ? { ok: false, code, message } : { ok: false, code, message, line, column };
}

function errnoText(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'a folder, not a file';
  if (code === 'ELOOP') return 'a loop of symbolic links';
  return code ?? 'unknown error';
}

function isInside(folder: string, file: string): boolean {
  const rel = path.relative(folder, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** UTF-16 without a byte-order mark: ASCII text with a NUL in every other byte. */
function looksUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 200) & ~1;
  if (n < 4) return false;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const half = n / 2;
  return (evenNul >= half * 0.9 && oddNul === 0) || (oddNul >= half * 0.9 && evenNul === 0);
}

/** The 1-based line and column (in bytes) of byte `index`. */
function position(bytes: Uint8Array, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: index - lineStart + 1 };
}

/** The index of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length =
      b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    if (length > 1) {
      const slice = bytes.subarray(i, i + length);
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(slice);
      } catch {
        return i;
      }
    }
    i += length;
  }
  return bytes.length;
}
