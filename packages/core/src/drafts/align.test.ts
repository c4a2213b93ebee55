import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { alignDrafts, type Alignment } from './align.ts';
import { parseDraft } from './parse.ts';

const fixture = (name: string) =>
  parseDraft(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'), { mode: 'parley' })
    .document;
const parse = (text: string) => parseDraft(text, { mode: 'parley' }).document;

/** Each section row as `A id -> B id` with its flags. */
function rows(alignment: Alignment): string[] {
  return alignment.sections.map(
    (s) =>
      `${s.a?.id ?? '-'} -> ${s.b?.id ?? '-'}${s.moved ? ' moved' : ''}${s.renumbered ? ' renumbered' : ''}`,
  );
}

describe('alignDrafts', () => {
  it('shows a moved and renumbered article as moved, not as deleted and added', () => {
    const alignment = alignDrafts(fixture('guarantees-v1.txt'), fixture('guarantees-v2.txt'));
    expect(rows(alignment)).toEqual([
      'preamble -> preamble',
      'art-1 -> art-1',
      // "Assistance" was Article 3 and is now Article 2; "Guarantors" went the other way.
      'art-3 -> art-2 moved renumbered',
      'art-2 -> art-3 renumbered',
      '- -> art-4',
    ]);
    expect(alignment.sections[2]?.by).toBe('exact');
    // The moved article brings its paragraph along, matched by its exact text.
    expect(alignment.sections[2]?.paragraphs.map((p) => [p.a?.id, p.b?.id, p.by])).toEqual([
      ['art-3.p1', 'art-2.p1', 'exact'],
    ]);
  });

  it('matches a renumbered article by its content when the heading changed too', () => {
    const a = parse(
      '## Article 1. Old\n\n1. The parties shall meet every month in Geneva to review progress.\n\n## Article 2. Other\n\n1. Unrelated words entirely here.\n',
    );
    const b = parse(
      '## Article 5. New name\n\n1. The parties shall meet every second month in Geneva to review progress.\n',
    );
    const alignment = alignDrafts(a, b);
    expect(rows(alignment)).toEqual(['art-1 -> art-5 renumbered', 'art-2 -> -']);
    expect(alignment.sections[0]?.by).toBe('similar');
  });

  it('pairs by explicit @id before anything else', () => {
    const a = parse(
      '## Article 1. Crimea\n@id: crimea\n\n1. Text one.\n\n## Article 2. Scope\n@id: scope\n\n1. Text two.\n',
    );
    const b = parse(
      '## Article 1. Scope\n@id: crimea\n\n1. Rewritten fully.\n\n## Article 2. Crimea\n@id: scope\n\n1. Also new.\n',
    );
    expect(rows(alignDrafts(a, b))).toEqual(['crimea -> crimea', 'scope -> scope']);
  });

  it('finds a paragraph moved to another article', () => {
    const a = parse(
      '## Article 1. Neutrality\n\n1. Ukraine shall be permanently neutral.\n\n2. Military exercises need the consent of the guarantor states.\n\n' +
        '## Article 2. Guarantors\n\n1. The guarantors are listed in the annex.\n',
    );
    const b = parse(
      '## Article 1. Neutrality\n\n1. Ukraine shall be permanently neutral.\n\n' +
        '## Article 2. Guarantors\n\n1. The guarantors are listed in the annex.\n\n2. Military exercises need the consent of the guarantor states.\n',
    );
    const alignment = alignDrafts(a, b);
    const moved = alignment.sections[1]?.paragraphs[1];
    expect([moved?.a?.id, moved?.aSection?.id, moved?.b?.id, moved?.by, moved?.moved]).toEqual([
      'art-1.p2',
      'art-1',
      'art-2.p2',
      'moved-between-sections',
      true,
    ]);
    // And it is no longer listed as deleted from Article 1.
    expect(alignment.sections[0]?.paragraphs.map((p) => [p.a?.id, p.b?.id])).toEqual([
      ['art-1.p1', 'art-1.p1'],
    ]);
  });

  it('shows a reordered list as moves, pairing items by content rather than by number', () => {
    // The same items in a new order; the list's closing full stop moved to the new last item.
    const item = (text: string, last: boolean) => `${text}${last ? '.' : ';'}`;
    const items = [
      'the guarantor states shall consult one another and Ukraine within three days of a request for assistance made by Ukraine',
      'the guarantor states shall consult one another and Ukraine within ten days of a request for assistance made by Ukraine',
      'the guarantor states shall consult one another and Russia within three days of a request for assistance made by Ukraine',
    ];
    const list = (order: number[]) =>
      parse(
        '## Article 1\n\n' +
          order.map((k, at) => `(${'abc'[at]}) ${item(items[k] as string, at === 2)}`).join('\n\n') +
          '\n',
      );
    const paragraphs = alignDrafts(list([0, 1, 2]), list([2, 0, 1])).sections[0]?.paragraphs.map(
      (p) => `${p.a?.num} -> ${p.b?.num}${p.moved ? ' moved' : ''} ${p.by}`,
    );
    // By number, (c) would pair with the new (c), a different item, and show as word edits.
    expect(paragraphs).toEqual(['(c) -> (a) moved similar', '(a) -> (b) exact', '(b) -> (c) similar']);
  });

  it('places a deleted paragraph where it stood among the kept ones', () => {
    const a = parse('## Article 1\n\n1. Alpha beta.\n\n2. Gamma delta.\n\n3. Epsilon zeta.\n');
    const b = parse('## Article 1\n\n1. Alpha beta.\n\n2. Epsilon zeta.\n');
    const paragraphs = alignDrafts(a, b).sections[0]?.paragraphs.map(
      (p) => `${p.a?.id ?? '-'} -> ${p.b?.id ?? '-'}${p.renumbered ? ' renumbered' : ''}`,
    );
    expect(paragraphs).toEqual(['art-1.p1 -> art-1.p1', 'art-1.p2 -> -', 'art-1.p3 -> art-1.p2 renumbered']);
  });
});
