import { describe, expect, it } from 'vitest';
import { formatDiagnostic, formatDiagnostics, formatPath, parsePath, type Diagnostic } from './diagnostic.ts';

describe('record paths', () => {
  it('are written with dots and indexes, and read back', () => {
    const path = ['drafts', 0, 'versions', 2, 'basis'];
    expect(formatPath(path)).toBe('drafts[0].versions[2].basis');
    expect(parsePath('drafts[0].versions[2].basis')).toEqual(path);
    expect(parsePath('draftTexts.treaty@2022-04-15')).toEqual(['draftTexts', 'treaty@2022-04-15']);
    expect(parsePath('')).toEqual([]);
  });

  it('quote a key that would read as more than one step, so reading back is exact', () => {
    const path = ['positions', 0, 'a.b', 'x[1]', 'say "hi"'];
    expect(formatPath(path)).toBe('positions[0]["a.b"]["x[1]"]["say \\"hi\\""]');
    expect(parsePath(formatPath(path))).toEqual(path);
  });
});

describe('formatDiagnostic', () => {
  const d: Diagnostic = {
    code: 'unknown-reference',
    severity: 'error',
    path: 'roles[1].actor',
    message: 'unknown actor "sout"',
  };

  it('prints a located problem as file:line:column: path: message', () => {
    expect(formatDiagnostic({ ...d, file: 'roles.yaml', line: 7, column: 12 })).toBe(
      'roles.yaml:7:12: roles[1].actor: unknown actor "sout"',
    );
    expect(formatDiagnostic({ ...d, file: 'case.yaml', path: '', message: 'missing' })).toBe(
      'case.yaml: missing',
    );
  });

  it('prints a problem in records held in memory by its record path', () => {
    expect(formatDiagnostic(d)).toBe('roles[1].actor: unknown actor "sout"');
    expect(
      formatDiagnostic({
        ...d,
        path: 'draftTexts.pact@v1',
        line: 6,
        column: 24,
        message: '"[" is never closed',
      }),
    ).toBe('draftTexts.pact@v1:6:24: "[" is never closed');
  });
});

describe('formatDiagnostics caps repeats of one kind in one file', () => {
  const unclosed = (line: number, file = 'drafts/v2.txt'): Diagnostic => ({
    code: 'unclosed-bracket',
    severity: 'error',
    path: '',
    file,
    line,
    column: 1,
    message: '"[" is never closed',
  });

  it('shows the first of each kind, then one line counting the rest, after them', () => {
    const other: Diagnostic = { ...unclosed(3), code: 'unknown-party', message: 'unknown party "x"' };
    const many = Array.from({ length: 100_000 }, (_, i) => unclosed(i + 1));
    const lines = formatDiagnostics([...many.slice(0, 2), other, ...many.slice(2), unclosed(1, 'b.txt')], 3);
    expect(lines).toEqual([
      'drafts/v2.txt:1:1: "[" is never closed',
      'drafts/v2.txt:2:1: "[" is never closed',
      'drafts/v2.txt:3:1: unknown party "x"',
      'drafts/v2.txt:3:1: "[" is never closed',
      '… and 99,997 more of the same kind (unclosed-bracket) in drafts/v2.txt',
      'b.txt:1:1: "[" is never closed',
    ]);
  });

  it('shows everything when no kind repeats past the limit', () => {
    expect(formatDiagnostics([unclosed(1), unclosed(2)])).toEqual([
      'drafts/v2.txt:1:1: "[" is never closed',
      'drafts/v2.txt:2:1: "[" is never closed',
    ]);
  });
});
