/** A mistake in how the command was called (unknown command, bad flag, missing path): exit 2. */
export class UsageError extends Error {
  readonly exitCode = 2;
}

/** Input that was read but is wrong (invalid case, malformed file): exit 1, message already precise. */
export class InputError extends Error {
  readonly exitCode = 1;
}
