import type { ErrorCode } from '@parley/model/errors.ts';

/**
 * What each error code means to a shell user: the exit code, and whether the usage line follows
 * the message (the call was wrong, so show how to call). The one place the CLI maps codes.
 */
export const exitFor: Record<ErrorCode, { exitCode: number; showUsage: boolean }> = {
  usage: { exitCode: 2, showUsage: true },
  'not-found': { exitCode: 2, showUsage: true },
  'invalid-case': { exitCode: 1, showUsage: false },
  'invalid-model': { exitCode: 1, showUsage: false },
  'invalid-genius': { exitCode: 1, showUsage: false },
  'invalid-input': { exitCode: 1, showUsage: false },
};

/** A fault in Parley itself, not in what it was given (sysexits' EX_SOFTWARE). */
export const internalErrorExit = 70;
