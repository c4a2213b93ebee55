import { describe, expect, it } from 'vitest';
import { Vocabulary } from './fingerprint.ts';
import type { TokenSpan } from './model.ts';
import { parseDraft } from './parse.ts';
import { redline } from './redline.ts';

const known = { knownParties: new Set(['ru', 'ua']), mode: 'parley' as const };

describe('the parser’s token store', () => {
  it('builds the tokens a reader asks for: escaped words, attributed markers, lines and columns', () => {
    const text = '## Article 1\r\n\r\n1. Pay US\\$100 [ru: now]\r\n   {ua: a | ru: b}.\r\n';
    const paragraph = parseDraft(text, known).document.sections[0]?.paragraphs[0];
    expect(paragraph?.tokens).toEqual([
      { kind: 'word', text: 'Pay', space: false, line: 3, column: 4 },
      { kind: 'word', text: 'US$100', space: true, line: 3, column: 8 },
      { kind: 'open', bracket: 0, shape: 'square', party: 'ru', space: true, line: 3, column: 16 },
      { kind: 'word', text: 'now', space: false, line: 3, column: 21 },
      { kind: 'close', bracket: 0, shape: 'square', party: undefined, space: false, line: 3, column: 24 },
      { kind: 'open', bracket: 1, shape: 'choice', party: 'ua', space: true, line: 4, column: 4 },
      { kind: 'word', text: 'a', space: false, line: 4, column: 9 },
      { kind: 'alt', bracket: 1, shape: 'choice', party: 'ru', space: true, line: 4, column: 11 },
      { kind: 'word', text: 'b', space: false, line: 4, column: 17 },
      { kind: 'close', bracket: 1, shape: 'choice', party: undefined, space: false, line: 4, column: 18 },
      { kind: 'word', text: '.', space: false, line: 4, column: 19 },
    ]);
    // Built once, then kept: renderers and the lossless JSON key units by their token array.
    expect(paragraph?.tokens).toBe(paragraph?.tokens);
  });

  it('outgrows the room reserved for its text when the tokens are denser than prose', () => {
    // Two characters a token: the first array (a token per five characters) fills and grows three times.
    const text = `## Article 1\n\n1. ${'x '.repeat(6000)}[ru: y]\n`;
    const tokens = parseDraft(text, known).document.sections[0]?.paragraphs[0]?.tokens ?? [];
    expect(tokens).toHaveLength(6003);
    expect(tokens[5999]).toEqual({ kind: 'word', text: 'x', space: true, line: 3, column: 12002 });
    expect(tokens.slice(6000).map((t) => (t.kind === 'word' ? t.text : `${t.kind}:${t.party}`))).toEqual([
      'open:ru',
      'y',
      'close:undefined',
    ]);
  });

  it('reads a token longer than its packed length holds from its end kept aside', () => {
    const long = 'x'.repeat(70_000);
    const text = `## Article 1\n\n1. ${long} [ru: y] ${long}y\n`;
    const tokens = parseDraft(text, known).document.sections[0]?.paragraphs[0]?.tokens ?? [];
    expect(tokens.map((t) => (t.kind === 'word' ? t.text.length : t.kind))).toEqual([
      70_000,
      'open',
      1,
      'close',
      70_001,
    ]);
    expect(tokens[1]).toEqual({
      kind: 'open',
      bracket: 0,
      shape: 'square',
      party: 'ru',
      space: true,
      line: 3,
      column: 70_005,
    });
  });

  it('gives a vocabulary each token by what it is: word texts (escaped or not), marker kinds and parties', () => {
    const text = '## Article 1\n\n1. pay US\\$1 [ru: pay] [ua: US$1] [ru: now]\n';
    const span = parseDraft(text, known).document.sections[0]?.paragraphs[0]?.span as TokenSpan;
    const vocabulary = new Vocabulary();
    // pay US$1 [ru: pay ] [ua: US$1 ] [ru: now ], numbered as first met.
    expect(Array.from(vocabulary.fingerprintSpan(span).ids)).toEqual([0, 1, 2, 0, 3, 4, 1, 3, 2, 5, 3]);
    expect(vocabulary.kind).toEqual(['word', 'word', 'open', 'close', 'open', 'word']);
    expect(vocabulary.party).toEqual([undefined, undefined, 'ru', undefined, 'ua', undefined]);
  });

  it('numbers thousands of distinct words as a map would, through its table’s and pool’s growth', () => {
    // 3,000 distinct words (the table of 1,024 slots doubles three times; their 58,000-odd
    // characters outgrow the pool of 4,096 four times), many alike but for a character, each met
    // again in another order: a word's id is the number of its first appearance.
    const words = Array.from(
      { length: 3000 },
      (_, i) => `${'treaty'.repeat(i % 5)}w${i}${'x'.repeat(i % 7)}`,
    );
    const again = words.map((_, i) => words[(i * 7919) % words.length] as string);
    const text = `## Article 1\n\n1. ${[...words, ...again].join(' ')}\n`;
    const span = parseDraft(text, known).document.sections[0]?.paragraphs[0]?.span as TokenSpan;
    const vocabulary = new Vocabulary();
    const first = new Map<string, number>();
    const expected = [...words, ...again].map((word) => {
      if (!first.has(word)) first.set(word, first.size);
      return first.get(word);
    });
    expect(Array.from(vocabulary.fingerprintSpan(span).ids)).toEqual(expected);
    expect(vocabulary.isWord).toHaveLength(3000);
    // The same words as token objects (their own strings) get the same ids.
    expect(
      words.map((w) => vocabulary.id({ kind: 'word', text: w, space: true, line: 1, column: 1 })),
    ).toEqual(words.map((_, i) => i));
  });

  it('is all a redline reads: no token objects are built for the units it compares', () => {
    const a = parseDraft('## Article 1\n\n1. The [ru: Parties] shall meet.\n\n2. Gone.\n', known).document;
    const b = parseDraft('## Article 1\n\n1. The Parties shall  meet yearly.\n', known).document;
    const result = redline(a, b);
    expect([result.summary.wordsAdded, result.summary.wordsRemoved, result.summary.whitespaceEdits]).toEqual([
      1, 1, 1,
    ]);
    const built = [a, b].flatMap((d) =>
      d.sections
        .flatMap((s) => [s, ...s.paragraphs])
        .map((unit) => (unit as unknown as { built?: unknown }).built),
    );
    expect(built).toEqual([undefined, undefined, undefined, undefined, undefined]);
    // A renderer asking for them gets them.
    expect(result.changes.find((c) => c.op === 'deleted')?.aTokens.map((t) => t.kind)).toEqual([
      'word',
      'word',
    ]);
  });
});
