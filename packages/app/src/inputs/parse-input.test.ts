import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isParleyError } from '@parley/model/errors.ts';
import { nameFields, parseInput } from './parse-input.ts';

const schema = z.object({
  maxEdits: z.number().refine((n) => n > 0, { error: '`maxEdits` must be positive' }),
  mode: z.string().optional(),
});

function message(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (isParleyError(error, 'usage')) return error.message;
    throw error;
  }
}

describe('parseInput', () => {
  it('returns the parsed input', () => {
    expect(parseInput(schema, { maxEdits: 3 })).toEqual({ maxEdits: 3 });
  });

  it('turns the first problem into a usage error, the fields named as the shell names them', () => {
    expect(message(() => parseInput(schema, { maxEdits: 0 }, { maxEdits: '--max-edits' }))).toBe(
      '--max-edits must be positive',
    );
    expect(message(() => parseInput(schema, { maxEdits: 0 }))).toBe('maxEdits must be positive');
  });
});

describe('nameFields', () => {
  it('replaces every marked field and leaves other text alone', () => {
    expect(nameFields('`at` and `issue` (see `x`), not `9a`', { at: '--at', issue: '--issue' })).toBe(
      '--at and --issue (see x), not `9a`',
    );
  });
});
