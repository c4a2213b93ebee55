import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '@parley/model/diagnostic.ts';
import { lakeTalks } from './lake-talks.test-support.ts';
import { validateCase } from './validate-case.ts';

describe('validateCase on a case built in memory', () => {
  it('finds nothing wrong with a valid case', () => {
    expect(validateCase(lakeTalks())).toEqual([]);
  });

  it('reports a broken reference at its record path, with its code', () => {
    const c = lakeTalks();
    c.positions[0]!.party = 'north';
    const diagnostics = validateCase(c);
    expect(diagnostics).toEqual([
      {
        code: 'unknown-reference',
        severity: 'error',
        path: 'positions[0].party',
        message: 'unknown actor "north"',
      },
    ]);
    expect(diagnostics.map(formatDiagnostic)).toEqual(['positions[0].party: unknown actor "north"']);
  });

  it('reports a draft text problem at the text with its line and column', () => {
    const c = lakeTalks();
    c.draftTexts['pact@v1'] = c.draftTexts['pact@v1']!.replace('[east: freely]', '[south: freely');
    expect(validateCase(c).map(formatDiagnostic)).toEqual([
      'draftTexts.pact@v1:6:24: "[" is never closed (its section ends at line 7)',
      'draftTexts.pact@v1:6:25: unknown party "south": not an actor id of this case',
    ]);
  });

  it('reports a version without its text, and a text of no version', () => {
    const c = lakeTalks();
    c.draftTexts = { 'pact@v9': '# Lake Pact\n' };
    expect(validateCase(c).map((d) => [d.code, d.path])).toEqual([
      ['missing-draft-text', 'drafts[0].versions[0].text'],
      ['unknown-reference', 'draftTexts.pact@v9'],
    ]);
  });

  it('reports drafts, guarantees and sources in Case terms', () => {
    const c = lakeTalks();
    c.drafts[0]!.versions[0]!.basis = 'v0';
    c.sources.push({ id: 'rumour', title: 'A rumour', kind: 'opinion', reliability: 'low' });
    c.guarantees = {
      instruments: [
        {
          id: 'pact',
          title: 'Lake Pact',
          date: '2031-02',
          guaranteedState: 'east',
          guarantors: ['west', 'south'],
          triggers: ['armed-attack'],
          requiresRequest: false,
          decisionRule: 'individual',
          obligation: 'consult-only',
          consultation: { within: 'P3D' } as never,
          assistance: [],
          provisions: [
            {
              id: 'art-1',
              label: 'Art. 1',
              summary: 'Each guarantor consults.',
              covers: [
                'guarantors',
                'triggers',
                'scope',
                'decision-rule',
                'obligation',
                'assistance',
                'consultation',
              ],
            },
          ],
          sources: ['memo', 'nowhere'],
        },
      ],
    };
    expect(validateCase(c).map((d) => `${d.code} ${formatDiagnostic(d)}`)).toEqual([
      'unknown-reference drafts[0].versions[0].basis: unknown version "v0" of document "pact"',
      'guarantee-rule guarantees.instruments[0].guarantors[1]: unknown actor "south"',
      'unknown-reference guarantees.instruments[0].sources[1]: unknown source "nowhere"',
      'uncited-source sources[1].id: source "rumour" is never cited',
    ]);
  });

  it('does not echo references into a part that failed its schema check', () => {
    const c = lakeTalks();
    const given = c.actors;
    c.actors = [];
    expect(validateCase(c, { unchecked: { actors: given } })).toEqual([]);
    expect(validateCase(c).map((d) => d.path)).toEqual([
      'roles[0].actor',
      'positions[0].party',
      'drafts[0].versions[0].author',
      'draftTexts.pact@v1',
    ]);
  });
});

describe('draft basis cycles', () => {
  const withVersions = (...bases: [string, string | undefined][]) => {
    const c = lakeTalks();
    const first = c.drafts[0]!.versions[0]!;
    c.drafts[0]!.versions = bases.map(([id, basis]) => ({
      ...first,
      id,
      text: `drafts/pact-${id}.txt`,
      ...(basis === undefined ? {} : { basis }),
    }));
    c.draftTexts = Object.fromEntries(bases.map(([id]) => [`pact@${id}`, c.draftTexts['pact@v1']!]));
    return validateCase(c).map((d) => `${d.code} ${formatDiagnostic(d)}`);
  };

  it('reports a version based on itself at its basis', () => {
    expect(withVersions(['v1', undefined], ['v2', 'v2'])).toEqual([
      'basis-cycle drafts[0].versions[1].basis: version "v2" is based on itself',
    ]);
  });

  it('reports every version of a circle at its basis, and not a version that leads into it', () => {
    expect(withVersions(['v1', 'v2'], ['v2', 'v1'], ['v3', 'v1'])).toEqual([
      'basis-cycle drafts[0].versions[0].basis: versions are based on each other in a circle: v1 → v2 → v1',
      'basis-cycle drafts[0].versions[1].basis: versions are based on each other in a circle: v2 → v1 → v2',
    ]);
  });

  it('accepts a chain', () => {
    expect(withVersions(['v1', undefined], ['v2', 'v1'], ['v3', 'v2'])).toEqual([]);
  });
});
