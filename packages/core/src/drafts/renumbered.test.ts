import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { alignDrafts } from './align.ts';
import { parseDraft } from './parse.ts';
import { redline } from './redline.ts';
import { toRedlineJson } from './render-json.ts';
import { movementNote } from './view.ts';
import { rewrittenPercent } from './similarity.ts';

const fixture = (name: string) =>
  parseDraft(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'), { mode: 'parley' })
    .document;

describe('articles renumbered and rewritten (fixtures/renumbered-v1.txt → v2)', () => {
  const alignment = alignDrafts(fixture('renumbered-v1.txt'), fixture('renumbered-v2.txt'));

  it('links each article to the one it came from, and leaves unrelated new articles as inserts', () => {
    expect(
      alignment.sections.map(
        (s) =>
          `${s.a?.id ?? '-'} -> ${s.b?.id ?? '-'} ${s.by ?? 'new'}` +
          `${s.moved ? ' moved' : ''}${s.renumbered ? ' renumbered' : ''}`,
      ),
    ).toEqual([
      'art-1 -> art-1 exact',
      'art-2 -> art-2 exact',
      'art-3 -> art-3 exact',
      'art-4 -> art-4 exact',
      // "Navigation" is new: not paired with the old Article 5 although it now bears its number.
      '- -> art-5 new',
      'art-6 -> art-6 exact',
      '- -> art-7 new',
      // Article 5 "Monitoring of water quality" is now Article 8 "Joint monitoring stations".
      'art-5 -> art-8 similar moved renumbered',
    ]);
  });

  it('says how much of the renumbered article was rewritten', () => {
    const article = alignment.sections[7];
    // 2 × 25 shared words / (71 + 49) words: "rewritten 58%". It was linked by its weighted
    // similarity (0.4168), above the 0.38 measured on COP21; plain, it is below the 0.5 used within articles.
    expect(article?.similarity).toBe(50 / 120);
    expect(rewrittenPercent(article?.similarity)).toBe(58);
    expect(article?.content).toBeCloseTo(0.4168, 4);
  });

  it('links a paragraph moved into another article and changed, as moved', () => {
    const funding = alignment.sections[5];
    expect(
      funding?.paragraphs.map((p) => [
        p.a?.id,
        p.aSection?.id,
        p.b?.id,
        p.by,
        p.moved,
        rewrittenPercent(p.similarity),
      ]),
    ).toEqual([
      ['art-6.p1', 'art-6', 'art-6.p1', 'exact', false, undefined],
      ['art-3.p3', 'art-3', 'art-6.p2', 'moved-between-sections', true, 24],
    ]);
    // No longer listed as deleted from Article 3.
    expect(alignment.sections[2]?.paragraphs.map((p) => [p.a?.id, p.b?.id])).toEqual([
      ['art-3.p1', 'art-3.p1'],
      ['art-3.p2', 'art-3.p2'],
    ]);
  });

  it('keeps the paragraphs of the new articles as inserts', () => {
    const inserted = alignment.sections
      .filter((s) => !s.a)
      .flatMap((s) => s.paragraphs.map((p) => `${p.a?.id ?? '-'} -> ${p.b?.id}`));
    expect(inserted).toEqual(['- -> art-5.p1', '- -> art-5.p2', '- -> art-7.p1']);
  });

  it('prints the share rewritten in the redline, beside the move and the new number', () => {
    const result = redline(fixture('renumbered-v1.txt'), fixture('renumbered-v2.txt'));
    const heading = result.changes.find((c) => c.unit === 'heading' && c.b?.id === 'art-8')!;
    expect([heading.a?.label, heading.similarity, movementNote(heading)]).toEqual([
      'Article 5',
      50 / 120,
      'moved from Article 5; renumbered 5 → 8; rewritten 58%',
    ]);
    // Linked by id or identical text: no share to report.
    const same = result.changes.find((c) => c.unit === 'heading' && c.b?.id === 'art-1')!;
    expect(same.similarity).toBeUndefined();
    const json = toRedlineJson(result, { label: 'v1', title: 'v1' }, { label: 'v2', title: 'v2' });
    expect(json.changes.find((c) => c.b?.id === 'art-8' && c.unit === 'heading')?.similarity).toBe(50 / 120);
  });
});
