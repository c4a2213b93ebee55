import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { DraftDocument, Token } from './model.ts';
import { parseDraft } from './parse.ts';
import { bracketSeries } from './brackets.ts';
import { redline } from './redline.ts';
import { toHtml } from './render-html.ts';
import { toMarkdown } from './render-markdown.ts';
import { redlineView } from './view.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const corpus = path.resolve(repoRoot, '../shared/corpora/cop21');
const shared = existsSync(corpus);
if (!shared) console.warn(`skipping: ${corpus} absent`);

const read = (name: string) => readFileSync(path.join(corpus, name), 'utf8');

/**
 * An independent count, written without the parser: remove the Markdown constructs that use
 * square brackets (link definitions, reference links, footnotes), then pair brackets with a
 * stack that empties at every `## ` heading.
 */
function independentCount(text: string) {
  const labels = new Set(
    [...text.matchAll(/^ {0,3}\[([^\]^][^\]]*)\]:[ \t]+\S/gm)].map((m) => (m[1] as string).toLowerCase()),
  );
  let literal = 0;
  const lines = text.split('\n').map((line) => {
    if (/^ {0,3}\[([^\]^][^\]]*)\]:[ \t]+\S/.test(line)) {
      literal += 1;
      return '';
    }
    return line
      .replace(/\[\^[^\]\s]+\]/g, () => {
        literal += 1;
        return '';
      })
      .replace(/\[([^[\]]+)\]\[([^[\]]+)\]/g, (all, _text, label: string) => {
        if (!labels.has(label.toLowerCase())) return all;
        literal += 2;
        return '';
      });
  });
  let depth = 0;
  let pairs = 0;
  let stray = 0;
  let unclosed = 0;
  let maxDepth = 0;
  for (const line of lines) {
    if (line.startsWith('## ')) {
      unclosed += depth;
      depth = 0;
    }
    for (const ch of line) {
      if (ch === '[') maxDepth = Math.max(maxDepth, ++depth);
      else if (ch === ']') {
        if (depth > 0) {
          depth--;
          pairs++;
        } else stray++;
      }
    }
  }
  unclosed += depth;
  return { pairs, stray, unclosed, maxDepth, literal };
}

function summary(document: DraftDocument, diagnostics: { code: string }[]) {
  return {
    pairs: document.brackets.filter((b) => b.close).length,
    stray: diagnostics.filter((d) => d.code === 'unmatched-close').length,
    unclosed: document.brackets.filter((b) => !b.close).length,
    maxDepth: Math.max(...document.brackets.map((b) => b.depth)),
  };
}

describe.skipIf(!shared)('the COP21 negotiating drafts (plain mode)', () => {
  const cases = [
    { file: '2015-10-23.md', expected: { pairs: 1016, stray: 10, unclosed: 9, maxDepth: 6 } },
    { file: '2015-12-04.md', expected: { pairs: 1006, stray: 12, unclosed: 9, maxDepth: 8 } },
  ];
  for (const { file, expected } of cases) {
    it(`${file}: every bracket is found, and each one is either paired or reported`, () => {
      const text = read(file);
      const { document, diagnostics } = parseDraft(text, { file });
      expect(document.mode).toBe('plain');
      expect(summary(document, diagnostics)).toEqual(expected);
      const independent = independentCount(text);
      expect({ ...summary(document, diagnostics) }).toEqual({
        pairs: independent.pairs,
        stray: independent.stray,
        unclosed: independent.unclosed,
        maxDepth: independent.maxDepth,
      });
      // Every `[` in the file is a bracket or part of a Markdown link or footnote, and every `]`
      // closes a bracket, is reported as unmatched, or belongs to a link or footnote.
      const opens = [...text].filter((c) => c === '[').length;
      const closes = [...text].filter((c) => c === ']').length;
      expect(document.brackets.length + independent.literal).toBe(opens);
      expect(expected.pairs + expected.stray + independent.literal).toBe(closes);
      // Unbalanced brackets in the source are warnings with a position, not failures.
      expect(diagnostics.every((d) => d.severity === 'warning' && d.line > 0 && d.column > 0)).toBe(true);
      expect(diagnostics).toHaveLength(expected.stray + expected.unclosed);
    });
  }

  it('reports the unbalanced brackets where they are in the source', () => {
    const { diagnostics } = parseDraft(read('2015-10-23.md'), { file: '2015-10-23.md' });
    expect(diagnostics.slice(0, 3).map((d) => [d.line, d.column, d.code])).toEqual([
      [24, 287, 'unmatched-close'],
      [30, 715, 'unmatched-close'],
      [50, 370, 'unclosed-bracket'],
    ]);
  });

  it('finds the articles of both drafts, including bracketed and "bis" articles', () => {
    const { document } = parseDraft(read('2015-12-04.md'));
    const articles = document.sections.filter((s) => s.kind === 'article').map((s) => s.num);
    expect(articles).toHaveLength(30);
    expect(articles.slice(0, 6)).toEqual(['1', '2', '2bis', '3', '3bis', '3ter']);
    expect(articles).toContain('8 bis');
  });

  it('diffs the two drafts word by word within aligned articles, without hitting any bound', () => {
    const a = parseDraft(read('2015-10-23.md')).document;
    const b = parseDraft(read('2015-12-04.md')).document;
    const result = redline(a, b);
    expect(result.summary.degraded).toEqual([]);
    expect({ added: result.summary.wordsAdded, removed: result.summary.wordsRemoved }).toEqual({
      // 4309 and 6142 before paragraphs within an article were paired by content first (Article 8);
      // 4298 and 6131 before two changed paragraphs moved from Article 3 to 26 were linked (align.ts).
      added: 4228,
      removed: 6061,
    });
    // Every article is matched with its namesake, so none is shown as deleted or inserted.
    const headings = result.changes.filter((c) => c.unit === 'heading');
    expect(headings.filter((c) => c.op === 'inserted' || c.op === 'deleted')).toEqual([]);
    // Both texts can be rebuilt from the redline: nothing is lost or invented.
    const rebuilt = (side: 'a' | 'b') =>
      result.changes.flatMap((change) =>
        change.segments.flatMap((s) =>
          side === 'a'
            ? s.op === 'insert'
              ? []
              : change.aTokens.slice(s.aStart, s.aEnd)
            : s.op === 'delete'
              ? []
              : change.bTokens.slice(s.bStart, s.bEnd),
        ),
      );
    const all = (d: DraftDocument): Token[] =>
      d.sections.flatMap((s) => [...s.headingTokens, ...s.paragraphs.flatMap((p) => p.tokens)]);
    expect(new Set(rebuilt('b'))).toEqual(new Set(all(b)));
    expect(rebuilt('b')).toHaveLength(all(b).length);
    expect(new Set(rebuilt('a'))).toEqual(new Set(all(a)));
    expect(rebuilt('a')).toHaveLength(all(a).length);
  });

  describe("UNFCCC options and the text's own paragraph numbers", () => {
    const october = parseDraft(read('2015-10-23.md')).document;
    const december = parseDraft(read('2015-12-04.md')).document;
    const article = (document: DraftDocument, num: string) =>
      document.sections.find((s) => s.kind === 'article' && s.num === num);
    const labels = (document: DraftDocument, num: string) =>
      article(document, num)?.paragraphs.map((p) => p.label);

    it('reads every "Option …" group with its options', () => {
      const count = (document: DraftDocument) => ({
        groups: document.options?.length,
        options: document.options?.reduce((n, g) => n + g.options.length, 0),
        // A lone option would be a misread group.
        smallest: Math.min(...(document.options ?? []).map((g) => g.options.length)),
      });
      expect(count(october)).toEqual({ groups: 61, options: 153, smallest: 2 });
      expect(count(december)).toEqual({ groups: 42, options: 113, smallest: 2 });
      // The brackets series counts them beside the brackets.
      const series = bracketSeries([
        { version: '2015-10-23', document: october },
        { version: '2015-12-04', document: december },
      ]);
      expect(series.entries.map((e) => e.options)).toEqual([
        { groups: 61, options: 153 },
        { groups: 42, options: 113 },
      ]);
      // Article 2 (23 October): two header options, the first over two numbered paragraphs
      // and the three points of its first one; "No text" under the second.
      const purpose = october.options?.find((g) => g.section === 'art-2');
      expect(purpose?.options.map((o) => [o.label, o.header, o.paragraphs.length])).toEqual([
        ['Option 1', true, 6],
        ['Option 2', true, 2],
      ]);
      // 4 December, Article 4 ¶12: `12. **Option 1:** …` and two options indented below it.
      const support = december.options?.find((g) => g.unit === article(december, '4')?.paragraphs.at(-3)?.id);
      expect(support?.options.map((o) => [o.label, o.position.line])).toEqual([
        ['Option 1', 416],
        ['Option 2', 418],
        ['Option 3', 420],
      ]);
      // `Option (a)` / `Option (b)` under the header `**Option 2:**` of Article 3 ¶3 nest in it.
      const differentiated = december.options?.filter((g) => g.section === 'art-3').slice(0, 2);
      expect(differentiated?.map((g) => g.options.map((o) => o.label))).toEqual([
        ['Option 1', 'Option 2'],
        ['Option (a)', 'Option (b)'],
      ]);
      expect(differentiated?.[0]?.options[1]?.paragraphs).toEqual(
        expect.arrayContaining(differentiated?.[1]?.options.flatMap((o) => o.paragraphs) ?? ['none']),
      );
    });

    it("labels paragraphs by the text's numbers, not their positions", () => {
      // Article 1 opens with an unnumbered sentence: the definitions are ¶1 to ¶14, not ¶2 to ¶15.
      expect(labels(october, '1')).toEqual([
        '¶0+1',
        ...Array.from({ length: 14 }, (_, i) => `¶${i + 1}`),
        '¶14+1',
      ]);
      // Article 6 (4 December) has no paragraph 6, options, a note after ¶8 and points under ¶15.
      expect(labels(december, '6')?.slice(0, 17)).toEqual([
        '¶1 Option 1',
        '¶1 Option 2',
        '¶2 Option 1',
        '¶2 Option 2',
        '¶2 Option 3',
        '¶3',
        '¶4 Option 1',
        '¶4 Option 2',
        '¶4 Option 3',
        '¶5',
        '¶7',
        '¶8',
        '¶8+1',
        '¶9',
        '¶10 Option 1',
        '¶10 Option 2',
        '¶11 Option 1',
      ]);
      expect(labels(december, '6')?.slice(24, 30)).toEqual([
        '¶15',
        '¶15.1',
        '¶15.2',
        '¶15.3',
        '¶15.4',
        '¶15.5',
      ]);
      const differing = (document: DraftDocument) =>
        document.sections.flatMap((s) => s.paragraphs.filter((p, i) => p.label !== `¶${i + 1}`)).length;
      const all = (document: DraftDocument) => document.sections.flatMap((s) => s.paragraphs).length;
      expect([differing(october), all(october)]).toEqual([471, 548]);
      expect([differing(december), all(december)]).toEqual([331, 428]);
      // The redline names units the same way.
      const result = redline(october, december);
      // The last definition is the 15th paragraph of Article 1 in both versions, and its ¶14.
      const kept = result.changes.find((c) => c.b?.label === 'Article 1 ¶14');
      expect([kept?.op, kept?.a?.label]).toEqual(['unchanged', 'Article 1 ¶14']);
    });

    it('says in the redline which option survived, or that all were replaced', () => {
      const outcomes = redline(october, december).summary.options ?? [];
      const tally: Record<string, number> = {};
      for (const o of outcomes) tally[o.outcome] = (tally[o.outcome] ?? 0) + 1;
      expect(tally).toEqual({ open: 38, chosen: 10, replaced: 12, combined: 1 });
      expect(outcomes.find((o) => o.label === 'Article 4 ¶1')).toEqual({
        group: 22,
        label: 'Article 4 ¶1',
        options: ['Option 1', 'Option 2'],
        outcome: 'chosen',
        survivors: ['Option 1'],
      });
      // Article 3 ¶1 (the collective goal): new text replaced all three options.
      expect(outcomes.find((o) => o.label === 'Article 3 ¶1')).toMatchObject({
        outcome: 'replaced',
        survivors: [],
      });
      // The Markdown and HTML redlines say it in words.
      const view = redlineView(october, december, redline(october, december));
      const markdown = toMarkdown(view);
      expect(markdown).toContain(
        '**Options:** 61 option groups: 10 with one option chosen, 1 combined, 12 replaced by other text, 38 still open.',
      );
      expect(markdown).toContain('- Article 4 ¶1: Option 1 of 2 chosen\n');
      expect(markdown).toContain('- Article 3 ¶1: all 3 options replaced\n');
      expect(toHtml(view)).toContain('<li>Article 9 ¶6: Option II of 2 chosen</li>');
      expect(outcomes.find((o) => o.label === 'Article 9 ¶6')).toMatchObject({
        options: ['Option I', 'Option II'],
        outcome: 'chosen',
        survivors: ['Option II'],
      });
    });
  });
});
