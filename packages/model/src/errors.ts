import type { Diagnostic } from './diagnostic.ts';

/**
 * Every failure Parley reports on purpose carries one of these codes. Shells decide what a code
 * means to their user — the CLI an exit code (cli/exit-codes.ts), the server an HTTP status —
 * from the code alone, never from the message or the class.
 */
export const errorCodes = {
  usage: 'the call itself is wrong: an unknown flag value, a malformed date, options that conflict',
  'not-found': 'a file or folder named in the call does not exist or cannot be read',
  'unknown-id':
    'an id named in the call is well-formed but not in the case: a document, version, view, issue, instrument, attacker, place, scenario or assumption',
  'invalid-case': 'a case was read and has problems; the diagnostics list every one',
  'invalid-model':
    "the analyst's preference model cannot answer this question (a gap, a bad assumption path)",
  'invalid-genius': 'a GENIUS or GeniusWeb file is malformed; the message names file, line and column',
  'invalid-input': 'other input was read and is wrong: a record or file that does not fit',
  'cannot-write': 'an output could not be written: a full disk, no permission, a path that is not a folder',
  conflict:
    'a write clashes with what is stored: a stale version (another write came first), an id already taken',
  'precondition-required': 'an update or delete did not say which version it replaces (If-Match)',
  unauthenticated: 'no valid login: no session, an expired one, or a wrong password or token',
  forbidden: "the caller's role in the case does not allow this",
  'too-large': 'a body or file is larger than Parley accepts',
  'over-budget':
    'a request asks the server for more work than it runs for one request (a simulation past its time budget): ask for less',
  unavailable: 'a service Parley needs cannot be reached: the database server of DATABASE_URL',
  'rate-limited':
    'too many failed attempts in a short time: wait for the time the answer names, then try again',
} as const;

export type ErrorCode = keyof typeof errorCodes;

/** The one error class: a code for machines, a precise message for people. */
export class ParleyError extends Error {
  override readonly name = 'ParleyError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Located problems behind the error, when there are several (an invalid case). */
    readonly diagnostics: readonly Diagnostic[] = [],
  ) {
    super(message);
  }
}

export function isParleyError(error: unknown, code?: ErrorCode): error is ParleyError {
  return error instanceof ParleyError && (code === undefined || error.code === code);
}
