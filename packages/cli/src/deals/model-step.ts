import { isParleyError, ParleyError } from '@parley/model/errors.ts';

/**
 * Runs a use case over the analyst's model; a problem in the model is reported against
 * model.yaml, the file the CLI read it from.
 */
export function modelStep<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (isParleyError(error, 'invalid-model'))
      throw new ParleyError('invalid-model', `model.yaml: ${error.message}`);
    throw error;
  }
}
