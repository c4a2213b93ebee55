import { describe, expect, it } from 'vitest';
import { localRedline } from './local-redline.ts';

// Two short texts in Parley's bracket text (a tag line makes it so: brackets name their party).
const earlier = {
  name: 'ceasefire-1.md',
  text: '# Ceasefire\n\n## Article 1\n\nThe parties shall withdraw their forces within 30 days.\n\n## Article 2\n\nMonitors [ru: from the OSCE] shall observe.\n@status: bracketed\n',
};
const later = {
  name: 'ceasefire-2.md',
  text: '# Ceasefire\n\n## Article 1\n\nThe parties shall withdraw all forces within 60 days.\n\n## Article 2\n\nMonitors [ua: from the United Nations] shall observe.\n@status: bracketed\n',
};

describe('the redline of two local texts (the worker’s job)', () => {
  it('gives the redline JSON the server gives, labelled by the files’ names', () => {
    const answer = localRedline(earlier, later);
    if (!answer.ok) throw new Error(JSON.stringify(answer));
    const { a, b, summary, changes } = answer.redline;
    expect([a, b]).toEqual([
      { label: 'ceasefire-1.md', title: 'Ceasefire' },
      { label: 'ceasefire-2.md', title: 'Ceasefire' },
    ]);
    expect(summary.units).toEqual({ unchanged: 2, modified: 2, inserted: 0, deleted: 0 });
    expect(summary.brackets).toEqual({
      ru: { before: 1, after: 0, opened: 0, closed: 1 },
      ua: { before: 0, after: 1, opened: 1, closed: 0 },
    });
    const words = (unit: string) =>
      changes.find((c) => c.b?.id === unit)?.edits?.map((e) => `${e.op}:${e.text}`);
    expect(words('art-1.p1')).toEqual([
      'equal:The parties shall withdraw',
      'delete:their',
      'insert:all',
      'equal:forces within',
      'delete:30',
      'insert:60',
      'equal:days.',
    ]);
    expect(answer.warnings).toEqual([]);
    expect(answer.ms.parse).toBeGreaterThanOrEqual(0);
  });

  it('names every error of both texts by side, file, line and column, and gives no redline', () => {
    const broken = (t: { name: string; text: string }, at: string) => ({
      ...t,
      text: t.text.replace(at, `${at}]`),
    });
    const answer = localRedline(broken(earlier, 'withdraw'), broken(later, 'Monitors'));
    expect(answer).toEqual({
      ok: false,
      problems: [
        {
          side: 'before',
          name: 'ceasefire-1.md',
          line: 5,
          column: 27,
          message: 'unmatched "]": no bracket is open here',
        },
        {
          side: 'after',
          name: 'ceasefire-2.md',
          line: 9,
          column: 9,
          message: 'unmatched "]": no bracket is open here',
        },
      ],
    });
  });

  it('draws a plain Markdown text with unbalanced brackets, its warnings listed beside', () => {
    const answer = localRedline(
      { name: 'Earlier text', text: '# Notes\n\n## Article 1\n\nTroops [shall leave.\n' },
      { name: 'Later text', text: '# Notes\n\n## Article 1\n\nTroops shall leave.\n' },
    );
    if (!answer.ok) throw new Error(JSON.stringify(answer));
    expect(answer.warnings.map((w) => [w.side, w.line, w.column])).toEqual([['before', 5, 8]]);
    expect(answer.redline.summary.units.modified).toBe(1);
  });
});
