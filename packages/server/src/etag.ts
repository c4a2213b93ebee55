import { ParleyError } from '@parley/model/errors.ts';

/** A record version as an ETag: strong, quoted. */
export const etagOf = (version: number) => `"${version}"`;

/**
 * The version an If-Match header names. Every update says which version it replaces: a
 * missing header is 428, and `*` is refused (it would overwrite blindly).
 */
export function versionFromIfMatch(header: string | undefined): number {
  if (header === undefined || header.trim() === '')
    throw new ParleyError(
      'precondition-required',
      'send If-Match with the ETag you read: updates never overwrite blindly',
    );
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!m)
    throw new ParleyError(
      'usage',
      `If-Match must be one ETag as the record was read ("3"), not ${JSON.stringify(header.slice(0, 40))}`,
    );
  return Number(m[1]);
}
