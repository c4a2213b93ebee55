import { describe, expect, it } from 'vitest';
import type { Token } from './model.ts';
import { parseDraft } from './parse.ts';

/** Tokens as compact strings: words as-is, square brackets as `[` and `]`. */
function show(tokens: readonly Token[]): string {
  return tokens.map((t) => (t.kind === 'word' ? t.text : t.kind === 'close' ? ']' : '[')).join(' ');
}

function plain(text: string) {
  const { document, diagnostics } = parseDraft(text, { mode: 'plain', file: 'un.md' });
  return {
    tokens: document.sections.flatMap((s) => s.paragraphs.map((p) => show(p.tokens))),
    brackets: document.brackets,
    diagnostics: diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`),
  };
}

describe('plain mode: Markdown constructs are text, not negotiation brackets', () => {
  it('an inline link, with or without a title, is one token', () => {
    const result = plain('See [the decision](https://unfccc.int/d1.pdf "Decision 1") and [x](<a b>).\n');
    expect(result.brackets).toHaveLength(0);
    expect(result.tokens).toEqual([
      'See [the decision](https://unfccc.int/d1.pdf "Decision 1") and [x](<a b>) .',
    ]);
  });

  it('an image is one token, its "!" included', () => {
    const result = plain('A map: ![the line](maps/line.png) here.\n');
    expect(result.brackets).toHaveLength(0);
    expect(result.tokens).toEqual(['A map : ![the line](maps/line.png) here .']);
  });

  it('a shortcut and a collapsed reference link are text when the label is defined', () => {
    const result = plain('The [Source] and the [source][] agree.\n\n[source]: http://example.org\n');
    expect(result.brackets).toHaveLength(0);
    expect(result.tokens).toEqual(['The [Source] and the [source][] agree .']);
  });

  it('a full reference link names its second label; one whose label is undefined is two brackets', () => {
    // As CommonMark's reference links: `[text][label]`, `[label][]` and `[label]`, with the label
    // matched without regard to case; brackets inside a label, or a label undefined, are brackets.
    const result = plain(
      'See [the text][source], [Source][], [nope][undefined], [source][nope], [[source]] and [ source ].\n\n[source]: http://example.org\n',
    );
    expect(result.tokens).toEqual([
      'See [the text][source] , [Source][] , [ nope ] [ undefined ] , [ source ] [ nope ] , [ [source] ] and [ source ] .',
    ]);
    expect(result.brackets.map((b) => b.alternativeTo)).toEqual([
      undefined,
      0,
      undefined,
      2,
      undefined,
      undefined,
    ]);
    expect(result.diagnostics).toEqual([]);
  });

  it('a label as long as the longest defined one is a link; one character longer is a bracket', () => {
    // The scanner skips brackets longer than every defined label without looking them up.
    const result = plain(
      'See [Paris Decision 1/CP.21] and [the Decision][paris decision 1/cp.21], not [Paris Decision 1/CP.21.] nor [text][Paris Decision 1/CP.21.].\n\n[paris decision 1/cp.21]: http://example.org\n[x]: http://example.org/x\n',
    );
    expect(result.tokens).toEqual([
      'See [Paris Decision 1/CP.21] and [the Decision][paris decision 1/cp.21] , not [ Paris Decision 1/CP . 21 . ] nor [ text ] [ Paris Decision 1/CP . 21 . ] .',
    ]);
    expect(result.brackets).toHaveLength(3);
  });

  it('a reference link ends on its line: a second label on the next line leaves two brackets', () => {
    const result = plain(
      'A [source][\nsplit] and [source]\n[x] and [source][] [y] and [a]b[source][source] end [source][source\n\n[source]: http://example.org\n',
    );
    expect(result.tokens).toEqual([
      'A [ source ] [ split ] and [source] [ x ] and [source][] [ y ] and [ a ] b [source][source] end [ source ] [ source',
    ]);
    expect(result.diagnostics).toEqual(['3:61 unclosed-bracket']);
  });

  it('task boxes at the start of a list item are text; the same marks elsewhere are brackets', () => {
    const result = plain(
      '- [ ] open point\n- [x] settled point\n1. [X] numbered\n(a) [x] not a box\n\nA [x] placeholder.\n',
    );
    expect(result.tokens).toEqual([
      '[ ] open point',
      '[x] settled point',
      '[X] numbered',
      '[ x ] not a box',
      'A [ x ] placeholder .',
    ]);
    expect(result.brackets).toHaveLength(2);
    expect(result.brackets.map((b) => b.alternativeTo)).toEqual([undefined, undefined]);
  });

  it('a bracket that only looks like Markdown stays a bracket', () => {
    // `[x](a)`: a bracketed paragraph number and its sub-paragraph (COP21, 4 December, line 222);
    // `[label]` without a definition; `[2](2.1)`: a number, not an address.
    const result = plain('Under paragraph [x](a) and [label] and [2](2.1).\n');
    expect(result.brackets).toHaveLength(3);
    expect(result.tokens).toEqual(['Under paragraph [ x ] ( a ) and [ label ] and [ 2 ] ( 2 . 1 ) .']);
    expect(result.diagnostics).toEqual([]);
  });

  it('a negotiation bracket next to a link, or around one, is still a bracket', () => {
    const result = plain(
      'Parties [shall][should] apply [the guidance](https://unfccc.int/g) [in [Annex I](annex.md)].\n',
    );
    expect(result.tokens).toEqual([
      'Parties [ shall ] [ should ] apply [the guidance](https://unfccc.int/g) [ in [Annex I](annex.md) ] .',
    ]);
    expect(result.brackets).toHaveLength(3);
    // `[should]` is the alternative to `[shall]`; the link between does not make `[in …]` one.
    expect(result.brackets.map((b) => b.alternativeTo)).toEqual([undefined, 0, undefined]);
    expect(result.diagnostics).toEqual([]);
  });

  it('a link after a bracket does not make the next bracket its alternative', () => {
    const result = plain('[a] [t](http://x.org) [b]\n');
    expect(result.brackets.map((b) => b.alternativeTo)).toEqual([undefined, undefined]);
  });
});

describe('alternatives: only spaces between two brackets', () => {
  it('`[a] [b]` and `[a][b]` are alternatives; `[a],[b]` and `[a], [b]` are two brackets', () => {
    for (const [text, alternatives] of [
      ['[a] [b]', [undefined, 0]],
      ['[a][b]', [undefined, 0]],
      ['[a],[b]', [undefined, undefined]],
      ['[a], [b]', [undefined, undefined]],
    ] as const) {
      for (const mode of ['plain', 'parley'] as const) {
        const { document } = parseDraft(`${text}\n`, { mode });
        expect([text, mode, document.brackets.map((b) => b.alternativeTo)]).toEqual([
          text,
          mode,
          alternatives,
        ]);
      }
    }
  });
});
