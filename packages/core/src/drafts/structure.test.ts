import { describe, expect, it } from 'vitest';
import { parseDraft } from './parse.ts';
import { optionMark } from './structure.ts';

const plain = (text: string) => parseDraft(text, { mode: 'plain' }).document;
const groups = (text: string) =>
  (plain(text).options ?? []).map((g) =>
    g.options.map((o) => `${o.label}:${o.paragraphs.length}${o.header ? 'h' : ''}`),
  );

describe('option marks', () => {
  it('reads the forms UNFCCC drafts use, and not prose that names an option', () => {
    const marks = [
      '**Option 1:** text',
      '**Option 1**: text',
      '**Option 2**. text',
      '**Option1**',
      '**Option II:**',
      '**Option 3**',
      '**Option 1[^6][^7]:** text',
      '**Option 2**:The information',
      'Option (a): text',
      'Option 1 and Option 2 are to be considered together',
      '*Note: Option 1*',
      '**Optional** text',
    ].map((text) => optionMark(text)?.label ?? null);
    expect(marks).toEqual([
      'Option 1',
      'Option 1',
      'Option 2',
      'Option 1',
      'Option II',
      'Option 3',
      'Option 1',
      'Option 2',
      'Option (a)',
      null,
      null,
      null,
    ]);
    expect([optionMark('**Option 1:**')?.header, optionMark('**Option 1:** *a title*')?.header]).toEqual([
      true,
      true,
    ]);
    expect(optionMark('**Option 1:** Parties shall')?.header).toBe(false);
  });
});

describe('option groups', () => {
  it('a header option covers the paragraphs below it up to the next option', () => {
    const text =
      '## Article 2\n\n**Option 1:**\n\n1. One.\n\n   1. One a.\n\n2. Two.\n\n**Option 2:**\n\nNo text\n';
    expect(groups(text)).toEqual([['Option 1:4h', 'Option 2:2h']]);
  });

  it('options with text end at themselves after the last one; blocks between two belong to the first', () => {
    const text = [
      '## Preamble',
      '',
      '**Option 1:** *Recognizing* one,',
      '',
      'and its detail,',
      '',
      '**Option 2:** *Recognizing* two,',
      '',
      '*Noting* something else,',
      '',
    ].join('\n');
    expect(groups(text)).toEqual([['Option 1:2', 'Option 2:1']]);
    expect(plain(text).sections[0]?.paragraphs.map((p) => p.label)).toEqual([
      '¶1 Option 1',
      '¶2 Option 1',
      '¶3 Option 2',
      '¶4',
    ]);
  });

  it('a numbered paragraph opening with an option groups with the options indented below it', () => {
    const text = [
      '## Article 4',
      '',
      '12. **Option 1:** Support.',
      '',
      '    **Option 2:** Provide.',
      '    **Option 3:** no text',
      '',
      '13. After.',
      '',
    ].join('\n');
    const document = plain(text);
    // `**Option 3:**` on the next line starts a paragraph of its own, as a list marker would.
    expect(groups(text)).toEqual([['Option 1:1', 'Option 2:1', 'Option 3:1']]);
    expect(document.sections[0]?.paragraphs.map((p) => p.label)).toEqual([
      '¶12 Option 1',
      '¶12 Option 2',
      '¶12 Option 3',
      '¶13',
    ]);
  });

  it("an `Option 1` under a header option nests; options in a footnote are not the text's", () => {
    const text = [
      '## Article 3',
      '',
      '**Option 1:**',
      '',
      'Text one.',
      '',
      '**Option 2:**',
      '',
      'Option (a): first.',
      '',
      'Option (b): second.',
      '',
      '[^2]: Options include:',
      '',
      '      Option 1: a name',
      '      Option 2: another',
      '',
    ].join('\n');
    const document = plain(text);
    expect(groups(text)).toEqual([
      ['Option 1:2h', 'Option 2:3h'],
      ['Option (a):1', 'Option (b):1'],
    ]);
    const [outer, inner] = document.options ?? [];
    expect(outer?.options[1]?.paragraphs).toEqual(
      expect.arrayContaining(inner?.options[1]?.paragraphs ?? []),
    );
    // The innermost option is the one a paragraph records.
    expect(document.sections[0]?.paragraphs[3]?.option).toEqual({ group: 1, option: 0 });
  });
});

describe('paragraph numbers and nesting', () => {
  it('labels by the numbers written, nesting by indentation', () => {
    const text = [
      '## Article 1',
      '',
      'For the purposes of this Agreement:',
      '',
      '1. First.',
      '',
      '   (a) sub a;',
      '   b) sub b;',
      '',
      '   A sentence under 1.',
      '',
      '3. Third, no 2 in this text.',
      '',
      '   3.1 Already absolute.',
      '',
      '   1. Markdown-nested.',
      '',
    ].join('\n');
    const paragraphs = plain(text).sections[0]?.paragraphs ?? [];
    expect(paragraphs.map((p) => [p.label, p.depth, p.parent ?? null])).toEqual([
      ['¶0+1', 1, null],
      ['¶1', 1, null],
      ['¶1(a)', 2, 'art-1.p2'],
      ['¶1(b)', 2, 'art-1.p2'],
      ['¶1(b)+1', 2, 'art-1.p2'],
      ['¶3', 1, null],
      ['¶3.1', 2, 'art-1.p6'],
      ['¶3.1', 2, 'art-1.p6'],
    ]);
  });

  it("keeps positions where the text has no numbers (Parley's own unnumbered articles)", () => {
    const document = plain('## Article 1\n\nOne.\n\nTwo.\n');
    expect(document.sections[0]?.paragraphs.map((p) => p.label)).toEqual(['¶1', '¶2']);
    expect(document.options).toEqual([]);
  });
});
