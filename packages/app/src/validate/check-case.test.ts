import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '@parley/model/diagnostic.ts';
import { currentFormatVersion } from '@parley/model/format/migrations.ts';
import { parseCase } from '@parley/model/parse-case.ts';
import { checkCase } from './check-case.ts';
import { lakeTalks } from './lake-talks.test-support.ts';

/** The in-memory case as an HTTP body would carry it: plain JSON, unknown-typed. */
const body = (): Record<string, any> => ({
  formatVersion: currentFormatVersion,
  ...JSON.parse(JSON.stringify(lakeTalks())),
});

describe('a case that arrives as one JSON body', () => {
  it('is checked by the record schemas and comes back as the same case', () => {
    expect(checkCase(body())).toEqual({ caseData: lakeTalks(), diagnostics: [] });
  });

  it('fills what the schemas default: an absent list is empty, a round without delegations has none', () => {
    const { roles: _roles, ...input } = body();
    input.rounds = [
      {
        id: 'r1',
        name: 'First round',
        date: '2031-01',
        venue: 'Lakeside',
        format: 'in-person',
        outcome: 'Talks.',
        sources: ['memo'],
      },
    ];
    const parsed = parseCase(input);
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.records?.roles).toEqual([]);
    expect(parsed.records?.rounds[0]).toMatchObject({
      delegations: [],
      hosts: [],
      mediators: [],
      documents: [],
    });
  });

  it('reports schema problems at their record paths, with the messages a case folder gets', () => {
    const input = body();
    input.actors[0] = { id: 'East', kind: 'nation', name: 'Eastland', nickname: 'E', sources: [] };
    input.meta.period = 'spring';
    input.colour = 'blue';
    const { records, diagnostics } = parseCase(input);
    expect(diagnostics.map((d) => `${d.code} ${formatDiagnostic(d)}`)).toEqual([
      'unknown-field colour: unknown field',
      'invalid-value meta.period: "spring" is not a valid EDTF date (e.g. 2022-03-05, 2022-05, 2022-03-13/2022-03-17, 2022-03-05?)',
      'invalid-value actors[0].id: must be a kebab-case id (lower-case letters, digits, "-")',
      'invalid-value actors[0].kind: must be one of "state", "organisation", "person"',
      'invalid-value actors[0].sources: a factual record must cite at least one source',
      'unknown-field actors[0].nickname: unknown field',
    ]);
    // The parts that failed are left out, and handed on so the whole-case rules do not echo them.
    expect(records?.actors).toEqual([]);
    expect(records?.meta.id).toBe('invalid');
  });

  it('checks the whole case after the schemas, without echoing a part that failed', () => {
    const input = body();
    input.actors[1].kind = 'nation';
    input.positions[0].issue = 'fishing';
    expect(checkCase(input).diagnostics.map(formatDiagnostic)).toEqual([
      'actors[1].kind: must be one of "state", "organisation", "person"',
      'positions[0].issue: unknown issue "fishing"',
    ]);
  });

  it('migrates a body without formatVersion (version 1) and refuses one newer than this Parley', () => {
    const { formatVersion: _v, ...v1 } = body();
    expect(checkCase(v1).caseData).toEqual(lakeTalks());
    expect(checkCase({ ...body(), formatVersion: currentFormatVersion + 1 }).diagnostics).toEqual([
      {
        code: 'format-too-new',
        severity: 'error',
        path: 'formatVersion',
        message: `the case is in format version ${currentFormatVersion + 1}, newer than this Parley reads (1 to ${currentFormatVersion}): update Parley to open it`,
      },
    ]);
  });

  it('refuses what is not a case object', () => {
    expect(checkCase([1, 2]).diagnostics.map(formatDiagnostic)).toEqual([
      'a case is an object of its parts: meta, actors, roles, …',
    ]);
  });
});
