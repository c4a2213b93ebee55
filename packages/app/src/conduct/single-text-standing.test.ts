import { describe, expect, it } from 'vitest';
import { isParleyError, type ParleyError } from '@parley/model/errors.ts';
import { riverCase } from '../river-case.test-support.ts';
import { requireProvision, requireReadableText, singleTextStandingOf } from './single-text-standing.ts';

const thrown = (f: () => void): ParleyError => {
  try {
    f();
  } catch (error) {
    if (isParleyError(error)) return error;
    throw error;
  }
  throw new Error('nothing was thrown');
};

describe('requireProvision', () => {
  it('accepts a provision of the version and refuses one it lacks, at `provision`', () => {
    expect(() => requireProvision(riverCase(), 'accord', 'v2', 'art-2.p1')).not.toThrow();
    const error = thrown(() => requireProvision(riverCase(), 'accord', 'v2', 'art-3'));
    expect([error.code, error.message, error.diagnostics]).toEqual([
      'usage',
      'accord@v2 has no provision "art-3" (provisions: art-1, art-1.p1, art-2, art-2.p1)',
      [
        {
          code: 'unknown-id',
          severity: 'error',
          path: 'provision',
          message: 'no provision "art-3" in accord@v2',
        },
      ],
    ]);
  });
});

describe('requireReadableText', () => {
  it('refuses a text with a party the case does not know, at its line and column', () => {
    const error = thrown(() => requireReadableText(riverCase(), '## Article 1\n\n1. [east: x]\n'));
    expect(error.diagnostics.map((d) => [d.code, d.path, d.line, d.column])).toEqual([
      ['unknown-party', 'text', 3, 5],
    ]);
  });
});

describe('singleTextStandingOf', () => {
  it("reads the case's versions in date order and attributes their brackets", () => {
    const standing = singleTextStandingOf(riverCase(), 'accord', {
      parties: ['north', 'south'],
      criticisms: [{ version: 'v2', provision: 'art-1', party: 'north' }],
      answers: [],
    });
    expect(standing.document).toBe('accord');
    expect(standing.series.entries.map((e) => [e.version, e.openBrackets, e.openProvisions])).toEqual([
      ['v1', { north: 2, south: 2 }, { north: 2, south: 2 }],
      ['v2', { north: 0, south: 1 }, { north: 1, south: 1 }],
    ]);
  });
});
