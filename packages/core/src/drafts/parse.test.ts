import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDraftDiagnostic, type Token } from './model.ts';
import { classifyHeading, detectMode, parseDraft } from './parse.ts';
import { redline } from './redline.ts';

/** Tokens as compact strings: words as-is, markers as `[ru`, `{ua`, `|ru`, `]`, `}`. */
function show(tokens: Token[]): string {
  return tokens
    .map((t) =>
      t.kind === 'word'
        ? t.text
        : t.kind === 'close'
          ? t.shape === 'square'
            ? ']'
            : '}'
          : `${t.kind === 'alt' ? '|' : t.shape === 'square' ? '[' : '{'}${t.party ?? ''}`,
    )
    .join(' ');
}

const known = {
  knownParties: new Set(['ru', 'ua', 'tr']),
  knownIssues: new Set(['neutrality', 'guarantors']),
  knownSources: new Set(['s2', 's4']),
  file: 'draft.txt',
  mode: 'parley' as const,
};

describe('parseDraft: structure', () => {
  const text = [
    '# Treaty on Neutrality',
    '@reconstruction: true',
    '@sources: s2',
    '@note: Rebuilt from reports.',
    '',
    'The Parties, wishing for peace,',
    '',
    '## Article 1. Neutrality',
    '@id: neutrality-article',
    '@issues: neutrality',
    '@status: agreed',
    '',
    '1. Ukraine shall be neutral',
    '   and non-aligned.',
    '@sources: s2, s4',
    '2. It shall host no bases.',
    '',
    '## Annex 1 — Forces',
    '',
    '(a) Troops: 85,000.',
  ].join('\n');
  const { document, diagnostics } = parseDraft(text, known);

  it('reads title, document tags, preamble, articles, annexes and numbered paragraphs', () => {
    expect(diagnostics).toEqual([]);
    expect(document.mode).toBe('parley');
    expect(document.title).toBe('Treaty on Neutrality');
    expect(document.tags).toEqual({ reconstruction: true, sources: ['s2'], note: 'Rebuilt from reports.' });
    expect(document.sections.map((s) => [s.id, s.kind, s.num, s.heading])).toEqual([
      ['preamble', 'preamble', undefined, ''],
      ['neutrality-article', 'article', '1', 'Neutrality'],
      ['annex-1', 'annex', '1', 'Forces'],
    ]);
    const article = document.sections[1];
    expect(article?.issues).toEqual(['neutrality']);
    expect(article?.status).toBe('agreed');
    expect(article?.explicitId).toBe(true);
    expect(article?.paragraphs.map((p) => [p.id, p.num, show(p.tokens), p.sources])).toEqual([
      ['neutrality-article.p1', '1.', 'Ukraine shall be neutral and non-aligned .', ['s2', 's4']],
      ['neutrality-article.p2', '2.', 'It shall host no bases .', []],
    ]);
    expect(document.sections[2]?.paragraphs[0]?.num).toBe('(a)');
  });

  it('keeps source positions of paragraphs and tokens', () => {
    const paragraph = document.sections[1]?.paragraphs[0];
    expect(paragraph?.position).toEqual({ line: 13, column: 1 });
    expect(paragraph?.tokens[0]).toMatchObject({ text: 'Ukraine', line: 13, column: 4 });
    // The continuation line's first word, after three spaces of indentation.
    expect(paragraph?.tokens[4]).toMatchObject({ text: 'and', line: 14, column: 4, space: true });
  });
});

describe('parseDraft: brackets', () => {
  it('nests square brackets and records depth, parent and positions', () => {
    const { document, diagnostics } = parseDraft('1. a [b [c [d] e] f] g\n', known);
    expect(diagnostics).toEqual([]);
    expect(document.brackets.map((b) => [b.id, b.depth, b.parent, b.open, b.close])).toEqual([
      [0, 1, undefined, { line: 1, column: 6 }, { line: 1, column: 20 }],
      [1, 2, 0, { line: 1, column: 9 }, { line: 1, column: 17 }],
      [2, 3, 1, { line: 1, column: 12 }, { line: 1, column: 14 }],
    ]);
  });

  it('attributes brackets and choice alternatives to parties', () => {
    const text = '1. Help comes {ua: from each guarantor | ru: by decision of all} [ru: , with Belarus].\n';
    const { document, diagnostics } = parseDraft(text, known);
    expect(diagnostics).toEqual([]);
    const tokens = document.sections[0]?.paragraphs[0]?.tokens ?? [];
    expect(show(tokens)).toBe(
      'Help comes {ua from each guarantor |ru by decision of all } [ru , with Belarus ] .',
    );
    expect(document.brackets.map((b) => [b.shape, b.party, b.alternatives])).toEqual([
      ['choice', undefined, ['ua', 'ru']],
      ['square', 'ru', undefined],
    ]);
  });

  it('treats adjacent square brackets as alternatives to the first, UN style', () => {
    const { document } = parseDraft('1. Parties [shall] [should][other] act [now].\n', known);
    expect(document.brackets.map((b) => b.alternativeTo)).toEqual([undefined, 0, 0, undefined]);
  });

  it('lets a bracket span paragraphs of one article', () => {
    const { document, diagnostics } = parseDraft('## Article 1\n\n1. [First.\n\n2. Second.]\n', known);
    expect(diagnostics).toEqual([]);
    expect(document.brackets[0]).toMatchObject({
      open: { line: 3, column: 4 },
      close: { line: 5, column: 11 },
    });
  });

  it('reads escaped brackets as text', () => {
    const { document } = parseDraft('1. A \\[literal\\] bracket and \\{brace\\}.\n', known);
    expect(document.brackets).toEqual([]);
    expect(show(document.sections[0]?.paragraphs[0]?.tokens ?? [])).toBe('A [literal] bracket and {brace} .');
  });

  it('does not read `[Note: …]` with a capital as an attribution', () => {
    const { document, diagnostics } = parseDraft('1. [Note: text]\n', known);
    expect(diagnostics).toEqual([]);
    expect(document.brackets[0]?.party).toBeUndefined();
  });
});

describe('parseDraft: errors, all reported at once with their positions', () => {
  const text = [
    '# Draft', // 1
    '', // 2
    '## Article 1. Guarantees', // 3
    '@issues: guarantors, crimea', // 4
    '@status: settled', // 5
    '@colour: red', // 6
    '', // 7
    '1. Help [xx: comes] soon].', // 8
    '2. Either {ua: this | ru: that].', // 9
    '@reconstruction: true', // 10
    '3. Open [here', // 11
    '', // 12
    '@sources: s9', // 13
    '## Article 2', // 14
    '@id: Bad_Id', // 15
  ].join('\n');
  const { diagnostics } = parseDraft(text, known);

  it('reports every kind of problem as file:line:column: message', () => {
    expect(diagnostics.map(formatDraftDiagnostic)).toEqual([
      'draft.txt:4:22: unknown issue id "crimea"',
      'draft.txt:5:10: "@status" must be one of agreed, bracketed, deferred, dropped, got "settled"',
      'draft.txt:6:1: unknown tag "@colour" (expected one of @id, @issues, @status, @sources, @note, @reconstruction)',
      'draft.txt:8:10: unknown party "xx": not an actor id of this case',
      'draft.txt:8:25: unmatched "]": no bracket is open here',
      'draft.txt:9:11: "{" is never closed (its section ends at line 13)',
      'draft.txt:9:31: "]" cannot close "{" opened at 9:11',
      'draft.txt:10:1: "@reconstruction" belongs on the title',
      'draft.txt:11:9: "[" is never closed (its section ends at line 13)',
      'draft.txt:13:1: a tag line must directly follow the title, heading or paragraph it describes',
      'draft.txt:15:6: "@id" must be a kebab-case id, got "Bad_Id"',
    ]);
    expect(diagnostics.every((d) => d.severity === 'error')).toBe(true);
  });

  it('names each problem with a code', () => {
    expect(diagnostics.map((d) => d.code)).toEqual([
      'unknown-issue',
      'bad-tag-value',
      'unknown-tag',
      'unknown-party',
      'unmatched-close',
      'unclosed-bracket',
      'mismatched-close',
      'misplaced-tag',
      'unclosed-bracket',
      'misplaced-tag',
      'bad-tag-value',
    ]);
  });

  it('reports duplicate explicit ids and unknown sources', () => {
    const { diagnostics: more } = parseDraft(
      '## Article 1\n@id: same\n@sources: s2, nope\n\n## Article 2\n@id: same\n',
      known,
    );
    expect(more.map(formatDraftDiagnostic)).toEqual([
      'draft.txt:3:15: unknown source id "nope"',
      'draft.txt:5:4: duplicate id "same"',
    ]);
  });

  it('checks nothing against the case when no known ids are given', () => {
    const { diagnostics: none } = parseDraft('## Article 1\n@issues: anything\n\n1. [zz: text]\n', {
      mode: 'parley',
    });
    expect(none).toEqual([]);
  });
});

describe('plain mode (foreign texts)', () => {
  it('is chosen when the text has no tag lines, and makes bracket problems warnings', () => {
    const text = '---\ntitle: A UN draft\n---\n\n## Article 1\n\n1. Text] with {braces} and | bars [open\n';
    expect(detectMode(text)).toBe('plain');
    const { document, diagnostics } = parseDraft(text, { file: 'un.md' });
    expect(document.title).toBe('A UN draft');
    expect(diagnostics.map(formatDraftDiagnostic)).toEqual([
      'un.md:7:8: warning: unmatched "]": no bracket is open here',
      'un.md:7:35: warning: "[" is never closed (its section ends at line 8)',
    ]);
    expect(show(document.sections[0]?.paragraphs[0]?.tokens ?? [])).toBe(
      'Text ] with {braces} and | bars [ open',
    );
  });

  it('keeps Markdown footnote references and reference links out of the brackets', () => {
    const text =
      'See the [draft text][source] and a note[^1].\n\n[source]: http://example.org\n\n[^1]: The note [itself].\n';
    const { document } = parseDraft(text, { mode: 'plain' });
    expect(document.brackets).toHaveLength(1);
    expect(document.sections[0]?.paragraphs.map((p) => show(p.tokens))).toEqual([
      'See the [draft text][source] and a note [^1] .',
      '[^1] : The note [ itself ] .',
    ]);
  });
});

describe('classifyHeading', () => {
  it('reads article and annex numbers in the forms drafts use', () => {
    expect(classifyHeading('Article 3bis. Heading')).toEqual({
      kind: 'article',
      num: '3bis',
      heading: 'Heading',
    });
    expect(classifyHeading('[Article 3ter] *(mechanism)*')).toEqual({
      kind: 'article',
      num: '3ter',
      heading: '(mechanism)',
    });
    expect(classifyHeading('Article 8 bis')).toEqual({ kind: 'article', num: '8 bis', heading: '' });
    expect(classifyHeading('Annex 1 — Forces')).toEqual({ kind: 'annex', num: '1', heading: 'Forces' });
    expect(classifyHeading('Preamble')).toEqual({ kind: 'preamble', heading: '' });
    expect(classifyHeading('Final provisions')).toEqual({ kind: 'section', heading: 'Final provisions' });
  });
});

describe('choices', () => {
  it('reports an empty alternative', () => {
    const { diagnostics } = parseDraft('1. Help {ua: | ru: all}.\n', known);
    expect(diagnostics.map(formatDraftDiagnostic)).toEqual([
      'draft.txt:1:14: empty alternative: each alternative of a choice needs wording',
    ]);
  });
});

/** A parse with token objects in place of the parser's store (whose source offsets differ by line ends). */
function plainData({ document, diagnostics }: ReturnType<typeof parseDraft>) {
  const sections = document.sections.map((section) => ({
    ...section,
    headingSpan: undefined,
    built: undefined,
    headingTokens: section.headingTokens,
    paragraphs: section.paragraphs.map((p) => ({
      ...p,
      span: undefined,
      built: undefined,
      tokens: p.tokens,
    })),
  }));
  return { diagnostics, document: { ...document, sections } };
}

describe('robustness', () => {
  it('reads CRLF line ends as LF ones: the same tokens, brackets, lines and columns', () => {
    const lf = '# T\n\n## Article 1\n\n1. Guarantors [ru: shall\n   consult] {ua: a | ru: b} and\n   act.\n';
    const crlf = lf.replace(/\n/g, '\r\n');
    const parsed = parseDraft(crlf, { ...known, mode: 'parley' });
    expect(plainData(parsed)).toEqual(plainData(parseDraft(lf, { ...known, mode: 'parley' })));
    const tokens = parsed.document.sections[0]?.paragraphs[0]?.tokens ?? [];
    expect(tokens.map((t) => [t.kind === 'word' ? t.text : t.kind, t.line, t.column])).toEqual([
      ['Guarantors', 5, 4],
      ['open', 5, 15],
      ['shall', 5, 20],
      ['consult', 6, 4],
      ['close', 6, 11],
      ['open', 6, 13],
      ['a', 6, 18],
      ['alt', 6, 20],
      ['b', 6, 26],
      ['close', 6, 27],
      ['and', 6, 29],
      ['act', 7, 4],
      ['.', 7, 7],
    ]);
    const alphabet = fc.constantFrom(
      ...'ab|[|]|{|}|\\|@|#|1. |: |\n|\n\n|## Article 2\n|@status: agreed\n|ru: |[^1]|[x][src]|[y]\n[src]|\n[src]: http://e.org\n'.split(
        '|',
      ),
    );
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 60 }),
        fc.constantFrom('parley', 'plain'),
        (parts, mode) => {
          const text = parts.join('');
          const options = { ...known, mode: mode as 'parley' };
          expect(plainData(parseDraft(text.replace(/\n/g, '\r\n'), options))).toEqual(
            plainData(parseDraft(text, options)),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads a `---` that is never closed as text, not as front matter', () => {
    for (const text of ['---', '---\n', '---\ntitle: T\n\n1. Text [ru: shall].\n']) {
      const { document } = parseDraft(text, { mode: 'plain' });
      expect(document.title).toBe('');
    }
    const { document } = parseDraft('---\ntitle: T\n\n1. Text [ru: shall].\n', { mode: 'plain' });
    expect(document.sections.flatMap((s) => s.paragraphs).length).toBeGreaterThan(0);
  });

  it('never throws, whatever the text, and every diagnostic points inside it', () => {
    const alphabet = fc.constantFrom(
      ...'ab [ ] { } | \\ @ # 1. (a) : \n\n## Article 2\n@status: agreed\n@id: x\nru: ua: --- ---\n'.split(
        ' ',
      ),
    );
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 60 }),
        fc.constantFrom('parley', 'plain', 'auto'),
        (parts, mode) => {
          const text = parts.join('');
          const { document, diagnostics } = parseDraft(text, { ...known, mode: mode as 'parley' });
          const lines = text.split('\n').length;
          for (const d of diagnostics) {
            expect(d.line).toBeGreaterThanOrEqual(1);
            expect(d.line).toBeLessThanOrEqual(lines);
            expect(d.column).toBeGreaterThanOrEqual(1);
          }
          expect(redline(document, document).summary.wordsAdded).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});
