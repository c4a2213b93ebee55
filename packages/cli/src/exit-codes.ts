import type { ErrorCode } from '@parley/model/errors.ts';

/**
 * What each error code means to a shell user: the exit code, and whether the usage line follows
 * the message (the call was wrong, so show how to call). The one place the CLI maps codes.
 *
 * The rule (docs/case.md, "Exit codes"):
 * - 2: the call is wrong — a usage mistake (bad flag value, malformed argument), a file or
 *   folder named on the command line that does not exist, or an id that is well-formed but not
 *   in the case (document, version, view, issue, instrument, attacker, place, scenario,
 *   assumption): the case is fine, the call named something it does not hold;
 * - 1: what was read is invalid — a case, a model, a GENIUS file, a draft text;
 * - 74: an output could not be written; 70: a fault in Parley itself.
 */
export const exitFor: Record<ErrorCode, { exitCode: number; showUsage: boolean }> = {
  usage: { exitCode: 2, showUsage: true },
  'not-found': { exitCode: 2, showUsage: true },
  // The message lists the ids that exist; the usage line would add nothing.
  'unknown-id': { exitCode: 2, showUsage: false },
  'invalid-case': { exitCode: 1, showUsage: false },
  'invalid-model': { exitCode: 1, showUsage: false },
  'invalid-genius': { exitCode: 1, showUsage: false },
  'invalid-input': { exitCode: 1, showUsage: false },
  // sysexits' EX_IOERR: the work was done, writing it out failed.
  'cannot-write': { exitCode: 74, showUsage: false },
  // A stored case or record clashes with the call (import of a case id already stored).
  conflict: { exitCode: 1, showUsage: false },
  'too-large': { exitCode: 1, showUsage: false },
  'over-budget': { exitCode: 1, showUsage: false },
  // sysexits' EX_UNAVAILABLE: the database server is down or unreachable.
  unavailable: { exitCode: 69, showUsage: false },
  // The server's codes: the CLI itself meets them only through a database it was refused.
  'precondition-required': { exitCode: 1, showUsage: false },
  unauthenticated: { exitCode: 1, showUsage: false },
  forbidden: { exitCode: 1, showUsage: false },
  'rate-limited': { exitCode: 1, showUsage: false },
};

/** Why a write failed, in words, from its errno code (`ENOSPC` → "no space left on the device"). */
export function writeErrorText(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const words: Record<string, string> = {
    ENOSPC: 'no space left on the device',
    EDQUOT: 'disk quota exceeded',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'a read-only file system',
    ENOTDIR: 'a part of the path is a file, not a folder',
    EEXIST: 'it exists and is not a folder',
    EISDIR: 'it is a folder',
    ENOENT: 'no such folder',
    EIO: 'an input/output error',
  };
  return (code && words[code]) ?? code ?? (error instanceof Error ? error.message : 'unknown error');
}

/**
 * A write to standard output failed (a full disk behind `> /dev/full`): the one line to print and
 * the exit code. bin/parley.mjs calls this from the stream's error handler; a closed pipe
 * (EPIPE) ends quietly there instead.
 */
export function outputFailure(error: unknown): { message: string; exitCode: number } {
  return {
    message: `parley: cannot write the output (${writeErrorText(error)})`,
    exitCode: exitFor['cannot-write'].exitCode,
  };
}

/** A fault in Parley itself, not in what it was given (sysexits' EX_SOFTWARE). */
export const internalErrorExit = 70;
