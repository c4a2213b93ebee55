import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { DraftDocument, Token } from './model.ts';
import { parseDraft } from './parse.ts';
import { redline } from './redline.ts';

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
      // 4309 and 6142 before paragraphs within an article were paired by content first (Article 8).
      added: 4298,
      removed: 6131,
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
});
