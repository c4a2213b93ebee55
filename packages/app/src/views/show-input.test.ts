import { describe, expect, it } from 'vitest';
import { isParleyError } from '@parley/model/errors.ts';
import { parseInput } from '../inputs/parse-input.ts';
import { showInputSchema } from './show-input.ts';

const FLAGS = { at: '--at', contestedOnly: '--contested', topic: '--topic', issue: '--issue' };

/** The usage message for an input, as the CLI words it; undefined when the input is valid. */
function refusal(input: Record<string, unknown>): string | undefined {
  try {
    parseInput(showInputSchema, input, FLAGS);
  } catch (error) {
    if (isParleyError(error, 'usage')) return error.message;
    throw error;
  }
}

describe('showInputSchema', () => {
  it('defaults to the overview, not narrowed', () => {
    expect(showInputSchema.parse({})).toEqual({ view: 'overview', contestedOnly: false });
  });

  it('names the views when the view is unknown, before any other problem', () => {
    expect(refusal({ view: 'nope', at: 'yesterday' })).toBe(
      'unknown view "nope"; expected one of overview, timeline, actors, roles, rounds, issues, positions, history, drafts, claims, sources',
    );
  });

  it('takes `at` as an EDTF date only', () => {
    expect(refusal({ view: 'positions', at: 'yesterday' })).toBe(
      '--at "yesterday" is not an EDTF date (e.g. 2022-04-15, 2022-04, 2022)',
    );
    expect(refusal({ view: 'positions', at: '2022-03-13/2022-03-17' })).toBe(
      '--at "2022-03-13/2022-03-17" is an interval: give one day, month or year (e.g. 2022-04-15, 2022-04, 2022)',
    );
    expect(refusal({ view: 'roles', at: '2022-03?' })).toBeUndefined();
  });

  it('refuses each narrowing field outside its views', () => {
    expect(refusal({ view: 'timeline', at: '2030-02' })).toBe(
      '--at applies to the positions and roles views only',
    );
    expect(refusal({ view: 'positions', contestedOnly: true })).toBe(
      '--contested applies to the claims view only',
    );
    expect(refusal({ view: 'timeline', topic: 'x' })).toBe('--topic applies to the claims view only');
    expect(refusal({ view: 'positions', issue: 'min-flow' })).toBe(
      '--issue applies to the history view only',
    );
    expect(refusal({ view: 'claims', contestedOnly: true, topic: 'x' })).toBeUndefined();
  });

  it('needs an issue for the history view', () => {
    expect(refusal({ view: 'history' })).toBe(
      'the history view needs --issue <id>: one of the ids the issues view lists',
    );
    expect(showInputSchema.parse({ view: 'history', issue: 'min-flow' })).toEqual({
      view: 'history',
      issue: 'min-flow',
      contestedOnly: false,
    });
  });
});
