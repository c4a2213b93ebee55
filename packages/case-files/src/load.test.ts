import { describe, expect, it } from 'vitest';
import { loadCase } from './load.ts';
import { fileURLToPath } from 'node:url';
import { loadEdited, minimalCaseDir } from './test-support.ts';

describe('loadCase on a valid case', () => {
  it('loads every record and draft text with no diagnostics', async () => {
    const { caseData, diagnostics } = await loadCase(minimalCaseDir);
    expect(diagnostics).toEqual([]);
    expect(caseData?.meta.id).toBe('river-accord');
    expect(caseData?.actors.map((a) => a.id)).toEqual(['north', 'south', 'envoy', 'league']);
    expect(caseData?.rounds[1]?.delegations).toEqual([]); // defaults fill optional lists
    expect(Object.keys(caseData?.draftTexts ?? {})).toEqual(['accord@v1', 'accord@v2']);
    expect(caseData?.draftTexts['accord@v2']).toContain('40 cubic metres');
  });
});

describe('schema rules, each reported at file:line:column with its field path', () => {
  it.each([
    [
      'an unknown field',
      {
        file: 'actors.yaml',
        find: '    office: special envoy',
        replace: '    office: special envoy\n    nationality: none',
      },
      'actors.yaml:15:5: actors[2].nationality: unknown field',
    ],
    [
      'a missing required field',
      { file: 'events.yaml', find: '    kind: humanitarian\n', replace: '' },
      'events.yaml:2:5: events[0].kind: required field is missing',
    ],
    [
      'a value outside an enum',
      { file: 'rounds.yaml', find: 'format: video', replace: 'format: telepathy' },
      'rounds.yaml:20:13: rounds[1].format: must be one of "in-person", "video", "shuttle", "phone", "mixed"',
    ],
    [
      'an invalid EDTF date',
      { file: 'events.yaml', find: '2030-02-05?', replace: '2030-02-31' },
      'events.yaml:3:11: events[0].date: "2030-02-31" is not a valid EDTF date (e.g. 2022-03-05, 2022-05, 2022-03-13/2022-03-17, 2022-03-05?)',
    ],
    [
      'an id that is not kebab-case',
      { file: 'events.yaml', find: 'id: drought', replace: 'id: Big_Drought' },
      'events.yaml:2:9: events[0].id: must be a kebab-case id (lower-case letters, digits, "-")',
    ],
    [
      'a factual record without sources',
      { file: 'events.yaml', find: 'sources: [report-b]', replace: 'sources: []' },
      'events.yaml:7:14: events[0].sources: a factual record must cite at least one source',
    ],
    [
      'a quotation longer than 25 words',
      {
        file: 'claims.yaml',
        find: 'quote: nobody offered us anything',
        replace: `quote: ${'word '.repeat(26).trim()}`,
      },
      'claims.yaml:22:12: claims[1].quote: a quotation may be at most 25 words',
    ],
    [
      'a wrong type',
      { file: 'rounds.yaml', find: 'number: 1', replace: 'number: first' },
      'rounds.yaml:3:13: rounds[0].number: expected a number, got the text "first"',
    ],
    [
      'a malformed url',
      { file: 'sources.yaml', find: 'https://example.org/briefing', replace: 'not a url' },
      'sources.yaml:12:10: sources[1].url: Invalid URL',
    ],
    [
      'a version text that is not a relative .txt path',
      { file: 'drafts.yaml', find: 'text: drafts/v1.txt', replace: 'text: /etc/passwd' },
      'drafts.yaml:10:15: documents[0].versions[0].text: must be a relative path to a .txt or .md file',
    ],
  ])('%s', async (_name, edit, expected) => {
    const { messages } = await loadEdited([edit]);
    expect(messages).toEqual([expected]);
  });

  it('reports YAML syntax errors with their position and skips only that file', async () => {
    const { messages } = await loadEdited([
      { file: 'events.yaml', content: 'events:\n  - id: a\n    title: [unclosed\n' },
    ]);
    expect(messages).toEqual([
      'events.yaml:4:1: YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
  });

  it('reports duplicate YAML keys', async () => {
    const { messages } = await loadEdited([
      {
        file: 'events.yaml',
        find: '    kind: humanitarian',
        replace: '    kind: humanitarian\n    kind: military',
      },
    ]);
    expect(messages).toEqual(['events.yaml:5:5: YAML: Map keys must be unique']);
  });

  it('rejects an unknown case file and a missing case.yaml', async () => {
    const { messages, caseData } = await loadEdited([
      { file: 'position.yaml', content: 'positions: []\n' },
      { file: 'case.yaml', remove: true },
    ]);
    expect(caseData).toBeUndefined();
    expect(messages).toEqual([
      'case.yaml: missing: every case needs a case.yaml',
      'position.yaml: unknown case file; expected one of case.yaml, actors.yaml, roles.yaml, rounds.yaml, events.yaml, sources.yaml, claims.yaml, issues.yaml, positions.yaml, drafts.yaml, guarantees.yaml, model.yaml',
    ]);
  });

  it('reports a path that is not a case folder', async () => {
    const result = await loadCase('/nonexistent/parley-case');
    expect(result.caseData).toBeUndefined();
    expect(result.diagnostics).toEqual([
      {
        code: 'not-a-case-folder',
        severity: 'error',
        file: '/nonexistent/parley-case',
        path: '',
        message: 'no such folder',
      },
    ]);
  });
});

describe('draft texts are parsed against the case', () => {
  it('reports unknown parties, issues and sources in a draft text at their position', async () => {
    const { messages } = await loadEdited([
      {
        file: 'drafts/v2.txt',
        content:
          '# River Accord\n@sources: report-a, report-q\n\n## Article 1 Flow\n@issues: min-flow, max-flow\n\n1. The flow shall be {north: 40 | west: 60} [units.\n',
      },
    ]);
    expect(messages).toEqual([
      'drafts/v2.txt:2:21: unknown source id "report-q"',
      'drafts/v2.txt:5:20: unknown issue id "max-flow"',
      'drafts/v2.txt:7:35: unknown party "west": not an actor id of this case',
      'drafts/v2.txt:7:45: "[" is never closed (its section ends at line 8)',
    ]);
  });

  it('counts sources cited only in draft tags as cited', async () => {
    const { messages } = await loadEdited([
      {
        file: 'sources.yaml',
        find: 'sources:\n',
        replace: 'sources:\n  - { id: memo, title: Memo, kind: primary-text, reliability: high }\n',
      },
      {
        file: 'drafts/v2.txt',
        content: '# River Accord\n@sources: memo\n\n## Article 1 Flow\n\n1. The flow shall be 40.\n',
      },
    ]);
    expect(messages).toEqual([]);
  });
});

describe('the frame of each file', () => {
  it('reports an unknown top-level key at the key, and a missing list key, and drops that file whole', async () => {
    const { messages } = await loadEdited([
      { file: 'actors.yaml', find: 'actors:\n', replace: 'nationality: none\nactors:\n' },
      { file: 'claims.yaml', find: 'claims:\n', replace: 'claimz:\n' },
    ]);
    // Neither file's records are cross-checked, so references into them are not echoed.
    expect(messages).toEqual([
      'actors.yaml:1:1: nationality: unknown field',
      'claims.yaml:1:1: claims: required field is missing',
      'claims.yaml:8:1: claimz: unknown field',
    ]);
  });
});

describe('format versions', () => {
  const v1Dir = fileURLToPath(new URL('../fixtures/minimal-v1', import.meta.url));

  it('migrates a version-1 case (no formatVersion) to the same case the current format gives', async () => {
    const old = await loadCase(v1Dir);
    const current = await loadCase(minimalCaseDir);
    expect(old.diagnostics).toEqual([]);
    expect(old.caseData).toEqual(current.caseData);
    expect(old.caseData?.positions).toHaveLength(8);
  });

  it('refuses a case newer than this Parley at its formatVersion, checking nothing else', async () => {
    const { messages, caseData } = await loadEdited([
      { file: 'case.yaml', find: 'formatVersion: 2', replace: 'formatVersion: 3' },
      { file: 'actors.yaml', find: 'kind: state', replace: 'kind: nation' },
    ]);
    expect(caseData).toBeUndefined();
    expect(messages).toEqual([
      'case.yaml:2:16: formatVersion: the case is in format version 3, newer than this Parley reads (1 to 2): update Parley to open it',
    ]);
  });

  it('rejects a formatVersion that is not a whole number', async () => {
    const { messages } = await loadEdited([
      { file: 'case.yaml', find: 'formatVersion: 2', replace: 'formatVersion: two' },
    ]);
    expect(messages).toEqual([
      'case.yaml:2:16: formatVersion: must be a whole number from 1 to 2 (the case format version)',
    ]);
  });
});
