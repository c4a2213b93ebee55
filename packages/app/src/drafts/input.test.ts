import { describe, expect, it } from 'vitest';
import { isParleyError } from '@parley/model/errors.ts';
import {
  bracketsInputSchema,
  caseRedlineInputSchema,
  exportInputSchema,
  textRedlineInputSchema,
} from './input.ts';
import { parseInput } from '../inputs/parse-input.ts';
import type { z } from 'zod';

const FLAGS = { format: '--format', mode: '--mode', maxEdits: '--max-edits' };

function refusal(schema: z.ZodType, input: Record<string, unknown>): string | undefined {
  try {
    parseInput(schema, input, FLAGS);
  } catch (error) {
    if (isParleyError(error, 'usage')) return error.message;
    throw error;
  }
}

describe('redline inputs', () => {
  it('default to the terminal format and auto mode; take the edit bound as digits or a number', () => {
    expect(textRedlineInputSchema.parse({})).toEqual({ format: 'terminal', mode: 'auto' });
    expect(textRedlineInputSchema.parse({ format: 'md', maxEdits: '12', mode: 'plain' })).toEqual({
      format: 'md',
      maxEdits: 12,
      mode: 'plain',
    });
    expect(caseRedlineInputSchema.parse({ from: 'accord@v1', to: 'v2', maxEdits: 3 })).toEqual({
      format: 'terminal',
      maxEdits: 3,
      from: 'accord@v1',
      to: 'v2',
    });
  });

  it('refuse a wrong format, mode or edit bound in the words of the CLI', () => {
    expect(refusal(textRedlineInputSchema, { format: 'pdf' })).toBe(
      '--format must be one of terminal, json, md, html, got "pdf"',
    );
    expect(refusal(textRedlineInputSchema, { mode: 'word' })).toBe(
      '--mode must be parley, plain or auto, got "word"',
    );
    for (const bad of ['0', '1.5', 'x', '', -2])
      expect(refusal(textRedlineInputSchema, { maxEdits: bad })).toBe(
        `--max-edits must be a positive whole number, got "${bad}"`,
      );
  });

  it('need the earlier case version named with its document', () => {
    expect(refusal(caseRedlineInputSchema, { from: 'v1', to: 'v2' })).toBe(
      '"v1" is not a draft version: write <document>@<version>, as the drafts view lists them',
    );
  });
});

describe('brackets and export inputs', () => {
  it('take their formats', () => {
    expect(bracketsInputSchema.parse({ document: 'accord' })).toEqual({
      document: 'accord',
      format: 'table',
    });
    expect(refusal(bracketsInputSchema, { document: 'accord', format: 'csv' })).toBe(
      '--format must be table or json, got "csv"',
    );
    expect(exportInputSchema.parse({ format: 'akn', ref: 'accord@v2', against: 'v1' })).toEqual({
      format: 'akn',
      ref: 'accord@v2',
      against: 'v1',
    });
    expect(refusal(exportInputSchema, { format: 'pdf', ref: 'accord@v1' })).toBe(
      'unknown export format "pdf" (expected akn, md, html)',
    );
  });
});
