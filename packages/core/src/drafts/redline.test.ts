import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DraftDocument, Token } from './model.ts';
import { parseDraft } from './parse.ts';
import { redline, type Redline } from './redline.ts';
import { toHtml } from './render-html.ts';
import { toRedlineJson } from './render-json.ts';
import { toMarkdown } from './render-markdown.ts';
import { redlineView } from './view.ts';

const parse = (text: string) => parseDraft(text, { mode: 'parley' }).document;
const fixture = (name: string) => parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));

// A bracket lifted (text kept), a clause added, a status changed.
const liftedA = parse(
  '# Accord\n\n## Article 1. Guarantees\n\n1. Guarantors [ru: shall consult and] may act {ua: alone | ru: together}.\n@status: bracketed\n',
);
const liftedB = parse(
  '# Accord\n\n## Article 1. Guarantees\n\n1. Guarantors shall consult and may act {ua: alone | ru: together} within three days.\n@status: agreed\n',
);

describe('redline of hand-built pairs: exact output', () => {
  const result = redline(liftedA, liftedB);
  const view = redlineView(liftedA, liftedB, result);

  it('summarises words, brackets per party and status changes', () => {
    expect(result.summary).toEqual({
      wordsAdded: 3,
      wordsRemoved: 0,
      moved: 0,
      renumbered: 0,
      units: { unchanged: 1, modified: 1, inserted: 0, deleted: 0 },
      brackets: {
        ru: { before: 2, after: 1, opened: 0, closed: 1 },
        ua: { before: 1, after: 1, opened: 0, closed: 0 },
      },
      statusChanges: [{ unit: 'art-1.p1', label: 'Article 1 ¶1', before: 'bracketed', after: 'agreed' }],
      degraded: [],
    });
  });

  it('writes Markdown with <del>/<ins> and the summary on top', () => {
    expect(toMarkdown(view)).toBe(
      [
        '# Accord',
        '',
        'Redline against: Accord',
        '',
        '**Summary:** 3 words added, 0 removed; 0 moved, 0 renumbered; 1 modified, 0 inserted, 0 deleted, 1 unchanged.',
        '',
        '| party | brackets before | after | opened | closed |',
        '|---|---:|---:|---:|---:|',
        '| ru | 2 | 1 | 0 | 1 |',
        '| ua | 1 | 1 | 0 | 0 |',
        '',
        '**Status changes:**',
        '',
        '- Article 1 ¶1: bracketed → agreed',
        '',
        '**Degraded:** none (every unit diffed word by word).',
        '',
        '## Article 1. Guarantees',
        '',
        '1\\. Guarantors <del>[ru: </del>shall consult and<del>]</del> may act {ua: alone | ru: together} <ins>within three days</ins>. *(status bracketed → agreed)*',
        '',
      ].join('\n'),
    );
  });

  it('writes HTML with brackets tinted by party and changes marked', () => {
    const html = toHtml(view);
    expect(
      html.startsWith(
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Redline: Accord → Accord</title>',
      ),
    ).toBe(true);
    expect(html).toContain(
      '<p id="art-1.p1" class="paragraph modified status-agreed"><span class="num">1.</span> Guarantors ' +
        '<span class="br party-ru" title="ru"><del><b class="mk">[</b><span class="party">ru:</span> </del>shall consult and<del><b class="mk">]</b></del></span> may act ' +
        '<span class="br party-ua" title="ua"><b class="mk">{</b><span class="party">ua:</span> alone </span>' +
        '<span class="br party-ru" title="ru"><b class="mk">|</b> <span class="party">ru:</span> together<b class="mk">}</b></span> ' +
        '<ins>within three days</ins>. <span class="note">status bracketed → agreed</span></p>',
    );
    expect(html).toContain(
      '<tr><td><span class="br party-ru">ru</span></td><td>2</td><td>1</td><td>0</td><td>1</td></tr>',
    );
    expect(html).toContain('.party-ru{background:hsl(200 85% 90%);}');
    expect(html).not.toContain('<script');
  });

  it('gives JSON edits with positions in both texts', () => {
    const json = toRedlineJson(result, { label: 'a', title: 'Accord' }, { label: 'b', title: 'Accord' });
    const paragraph = json.changes[1];
    expect(paragraph?.edits).toEqual([
      { op: 'equal', text: 'Guarantors', a: { line: 5, column: 4 }, b: { line: 5, column: 4 } },
      { op: 'delete', text: '[ru: ', a: { line: 5, column: 15 }, b: { line: 5, column: 15 } },
      { op: 'equal', text: 'shall consult and', a: { line: 5, column: 20 }, b: { line: 5, column: 15 } },
      { op: 'delete', text: ']', a: { line: 5, column: 37 }, b: { line: 5, column: 33 } },
      {
        op: 'equal',
        text: 'may act {ua: alone | ru: together}',
        a: { line: 5, column: 39 },
        b: { line: 5, column: 33 },
      },
      // An insertion is placed before the A token it precedes (the final full stop).
      { op: 'insert', text: 'within three days', a: { line: 5, column: 73 }, b: { line: 5, column: 68 } },
      { op: 'equal', text: '.', a: { line: 5, column: 73 }, b: { line: 5, column: 85 } },
    ]);
    expect(json.changes[0]).toMatchObject({ op: 'unchanged', unit: 'heading', kind: 'article' });
    expect(json.changes[0]).not.toHaveProperty('edits');
  });
});

describe('redline of the moved-article fixture', () => {
  it('flags the paragraphs of a moved article as moved with it in Markdown, HTML and JSON, edits kept', () => {
    const a = fixture('guarantees-v1.txt');
    const b = parse(
      readFileSync(new URL('./fixtures/guarantees-v2.txt', import.meta.url), 'utf8').replace(
        'assistance is decided',
        'assistance is then decided',
      ),
    );
    const result = redline(a, b);
    const view = redlineView(a, b, result);
    // Counted once, with its article.
    expect(result.summary.moved).toBe(1);
    expect(toMarkdown(view)).toContain(
      '1\\. After consultations, assistance is <ins>then</ins> decided {ua: by each guarantor individually | ru: by all guarantor states together}. ' +
        '*(moved with its article, from Article 3 ¶1; status bracketed → deferred)*\n',
    );
    expect(toHtml(view)).toContain(
      '<p id="art-2.p1" class="paragraph modified moved status-deferred"><span class="num">1.</span> After consultations, assistance is <ins>then</ins> decided',
    );
    expect(toHtml(view)).toContain(
      '<span class="note">moved with its article, from Article 3 ¶1; status bracketed → deferred</span></p>',
    );
    const json = toRedlineJson(result, { label: 'v1', title: '' }, { label: 'v2', title: '' });
    const moved = json.changes.filter((change) => change.moved);
    expect(moved.map((change) => [change.unit, change.b?.id, change.movedWith, change.op])).toEqual([
      ['heading', 'art-2', undefined, 'modified'],
      ['paragraph', 'art-2.p1', 'art-2', 'modified'],
    ]);
    expect(moved[1]?.edits?.filter((edit) => edit.op !== 'equal')).toEqual([
      { op: 'insert', text: 'then', a: { line: 27, column: 39 }, b: { line: 21, column: 39 } },
    ]);
  });

  it('slides an added bracket so that it shows whole', () => {
    const a = parse('1. The guarantors are France[ru: , Belarus].\n');
    const b = parse('1. The guarantors are France[ru: , Belarus][ua: , Turkey].\n');
    const json = toRedlineJson(redline(a, b), { label: 'a', title: '' }, { label: 'b', title: '' });
    expect(json.changes.at(-1)?.edits?.map((edit) => [edit.op, edit.text])).toEqual([
      ['equal', 'The guarantors are France[ru: , Belarus]'],
      ['insert', '[ua: , Turkey]'],
      ['equal', '.'],
    ]);
  });
});

describe('bounds are reported, never silent', () => {
  it('shows a unit over the edit bound as replaced and lists it as degraded', () => {
    const a = parse('## Article 1\n\n1. one two three four five six\n');
    const b = parse('## Article 1\n\n1. one 2 three 4 five 6\n');
    const result = redline(a, b, { maxEditLength: 2 });
    expect(result.summary.degraded).toEqual([
      { unit: 'Article 1 ¶1', reason: 'more than 2 word edits: shown as wholly replaced' },
    ]);
    const paragraph = result.changes[1];
    expect(paragraph?.degraded).toBe(true);
    expect(paragraph?.segments.map((s) => s.op)).toEqual(['equal', 'delete', 'insert']);
    // The same pair with room for its 6 edits is exact.
    expect(redline(a, b, { maxEditLength: 6 }).summary.degraded).toEqual([]);
  });
});

/** The tokens of a whole document, in order. */
const allTokens = (d: DraftDocument): Token[] =>
  d.sections.flatMap((s) => [...s.headingTokens, ...s.paragraphs.flatMap((p) => p.tokens)]);

function rebuild(result: Redline, side: 'a' | 'b'): Token[] {
  return result.changes.flatMap((change) =>
    change.segments.flatMap((s) => {
      if (side === 'a') return s.op === 'insert' ? [] : change.aTokens.slice(s.aStart, s.aEnd);
      return s.op === 'delete' ? [] : change.bTokens.slice(s.bStart, s.bEnd);
    }),
  );
}

describe('redline properties', () => {
  const word = fc.constantFrom('the', 'parties', 'shall', 'guarantee', 'Crimea', '3', ',');
  const piece = fc.oneof(
    { weight: 6, arbitrary: word },
    { weight: 1, arbitrary: fc.constantFrom('[ru:', '[ua:', '[') },
  );
  // Paragraphs of words with balanced square brackets, some attributed.
  const paragraph = fc.array(piece, { maxLength: 14 }).map((parts) => {
    let open = 0;
    const out = parts.map((p) => {
      if (p.startsWith('[')) {
        open++;
        return p.length > 1 ? `${p} ` : '[';
      }
      if (open > 0 && p === ',') {
        open--;
        return ']';
      }
      return p;
    });
    return `${out.join(' ')}${']'.repeat(open)}.`;
  });
  const draft = fc
    .array(fc.array(paragraph, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 })
    .map((articles) =>
      articles
        .map((ps, i) => `## Article ${i + 1}\n\n${ps.map((p, j) => `${j + 1}. ${p}`).join('\n\n')}`)
        .join('\n\n'),
    );

  it('loses nothing: both texts are rebuilt from the redline, and bracket counts add up', () => {
    fc.assert(
      fc.property(draft, draft, (textA, textB) => {
        const a = parse(textA);
        const b = parse(textB);
        const result = redline(a, b);
        expect(rebuild(result, 'a')).toEqual(expect.arrayContaining(allTokens(a)));
        expect(rebuild(result, 'a')).toHaveLength(allTokens(a).length);
        expect(rebuild(result, 'b')).toHaveLength(allTokens(b).length);
        expect(new Set(rebuild(result, 'b'))).toEqual(new Set(allTokens(b)));
        for (const counts of Object.values(result.summary.brackets)) {
          expect(counts.after - counts.before).toBe(counts.opened - counts.closed);
        }
        expect(result.summary.degraded).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('finds nothing to change between a text and itself', () => {
    fc.assert(
      fc.property(draft, (text) => {
        const result = redline(parse(text), parse(text));
        expect(result.summary.wordsAdded + result.summary.wordsRemoved + result.summary.moved).toBe(0);
        expect(result.changes.every((c) => c.op === 'unchanged')).toBe(true);
      }),
      { numRuns: 50 },
    );
  });
});
