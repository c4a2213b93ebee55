import { isParleyError, type ParleyError } from '@parley/model/errors.ts';

/** The ParleyError a promise rejects with; anything else (or no rejection) fails the test. */
export async function errorOf(promise: Promise<unknown>): Promise<ParleyError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isParleyError(error)) throw new Error(`expected a ParleyError, got ${String(error)}`);
  return error;
}
