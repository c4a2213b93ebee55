import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDraft } from './parse.ts';
import { redline } from './redline.ts';
import { toHtml } from './render-html.ts';
import { toMarkdown } from './render-markdown.ts';
import { redlineView } from './view.ts';

const cop21 = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../../shared/corpora/cop21',
);

const document = parseDraft(
  '# Accord\n@reconstruction: true\n\nThe Parties agree:\n\n## Article 1. Guarantors\n@status: bracketed\n\n1. They are France[ru: , Belarus] and <UK> & {ua: each | ru: all}.\n',
  { mode: 'parley' },
).document;

describe('exporting one version', () => {
  it('writes Markdown in the bracket notation, escaped, with statuses and the reconstruction notice', () => {
    expect(toMarkdown(document)).toBe(
      '# Accord\n\n> Reconstruction: this text is rebuilt from reports of the draft, not the original.\n\n' +
        'The Parties agree:\n\n## Article 1. Guarantors\n\n' +
        '1\\. They are France[ru: , Belarus] and &lt;UK&gt; &amp; {ua: each | ru: all}. *(bracketed)*\n',
    );
  });

  it('writes one HTML page with party-tinted brackets and escaped text', () => {
    const html = toHtml(document);
    expect(html).toContain('<p class="reconstruction">');
    expect(html).toContain(
      '<p id="art-1.p1" class="paragraph unchanged status-bracketed"><span class="num">1.</span> They are France' +
        '<span class="br party-ru" title="ru"><b class="mk">[</b><span class="party">ru:</span> , Belarus<b class="mk">]</b></span>' +
        ' and &lt;UK&gt; &amp; <span class="br party-ua" title="ua"><b class="mk">{</b><span class="party">ua:</span> each </span>' +
        '<span class="br party-ru" title="ru"><b class="mk">|</b> <span class="party">ru:</span> all<b class="mk">}</b></span>.' +
        ' <span class="note">bracketed</span></p>',
    );
    expect(html).not.toContain('<section class="summary">');
  });
});

describe('HTML of a bracket spanning paragraphs', () => {
  const paragraphsOf = (html: string) => html.split('\n').filter((line) => line.startsWith('<p id='));
  const CONT = '<b class="mk cont" title="the bracket continues">…</b>';

  it('re-opens the party tint in each paragraph the bracket covers, marked as continued', () => {
    const spanning = parseDraft(
      '## Article 1. Forces\n\n1. Agreed [ru: text\n\n2. more {ua: a\n\n3. b | ru: c}] end.\n\n4. Outside.\n',
      { mode: 'parley' },
    ).document;
    expect(paragraphsOf(toHtml(spanning))).toEqual([
      '<p id="art-1.p1" class="paragraph unchanged"><span class="num">1.</span> Agreed ' +
        `<span class="br party-ru" title="ru"><b class="mk">[</b><span class="party">ru:</span> text${CONT}</span></p>`,
      '<p id="art-1.p2" class="paragraph unchanged"><span class="num">2.</span> ' +
        `<span class="br party-ru continued" title="ru">${CONT}more ` +
        `<span class="br party-ua" title="ua"><b class="mk">{</b><span class="party">ua:</span> a${CONT}</span></span></p>`,
      '<p id="art-1.p3" class="paragraph unchanged"><span class="num">3.</span> ' +
        `<span class="br party-ru continued" title="ru"><span class="br party-ua continued" title="ua">${CONT}b </span>` +
        '<span class="br party-ru" title="ru"><b class="mk">|</b> <span class="party">ru:</span> c<b class="mk">}</b></span>' +
        '<b class="mk">]</b></span> end.</p>',
      '<p id="art-1.p4" class="paragraph unchanged"><span class="num">4.</span> Outside.</p>',
    ]);
  });

  it('in a redline, continues a bracket of A past a paragraph inserted in B', () => {
    const before = parseDraft('## Article 1. Forces\n\n1. [ru: Alpha.\n\n2. Beta.]\n', {
      mode: 'parley',
    }).document;
    const after = parseDraft(
      '## Article 1. Forces\n\n1. Alpha.\n\n2. Gamma.\n\n3. Beta.\n\n## Article 2. Next\n\n1. Delta.\n',
      { mode: 'parley' },
    ).document;
    expect(paragraphsOf(toHtml(redlineView(before, after, redline(before, after))))).toEqual([
      '<p id="art-1.p1" class="paragraph modified"><span class="num">1.</span> <span class="br party-ru" title="ru">' +
        `<del><b class="mk">[</b><span class="party">ru:</span> </del>Alpha.${CONT}</span></p>`,
      '<p id="art-1.p2" class="paragraph inserted"><span class="num"><ins>2.</ins></span> <ins>Gamma.</ins> <span class="note">inserted</span></p>',
      '<p id="art-1.p3" class="paragraph modified"><span class="num"><del>2.</del><ins>3.</ins></span> ' +
        `<span class="br party-ru continued" title="ru">${CONT}Beta.<del><b class="mk">]</b></del></span> ` +
        '<span class="note">renumbered 2. → 3.</span></p>',
      '<p id="art-2.p1" class="paragraph inserted"><span class="num"><ins>1.</ins></span> <ins>Delta.</ins> <span class="note">inserted</span></p>',
    ]);
  });
});

describe('HTML redline ids', () => {
  const ids = (html: string) => [...html.matchAll(/ id="([^"]*)"/g)].map((m) => m[1]);

  it('gives a deleted unit and a kept unit that share an id distinct ids, numbers inside del and ins', () => {
    const a = parseDraft(
      '## Article 1. Forces\n\n1. Troops withdraw.\n\n2. Ships leave the port.\n\n3. Monitors report weekly.\n',
    ).document;
    const b = parseDraft(
      '## Article 1. Forces\n\n1. Troops withdraw.\n\n2. Monitors report weekly.\n\n3. Aircraft stay grounded at all times.\n',
    ).document;
    const html = toHtml(redlineView(a, b, redline(a, b)));
    const paragraphs = html.split('\n').filter((line) => line.startsWith('<p id='));
    expect(paragraphs.map((line) => line.replace(/">.*/, '"'))).toEqual([
      '<p id="art-1.p1" class="paragraph unchanged"',
      '<p id="art-1.p2" class="paragraph deleted"',
      '<p id="art-1.p2-2" class="paragraph unchanged"',
      '<p id="art-1.p3" class="paragraph inserted"',
    ]);
    expect(paragraphs.map((line) => line.match(/<span class="num">.*?<\/span> /)?.[0])).toEqual([
      '<span class="num">1.</span> ',
      '<span class="num"><del>2.</del></span> ',
      '<span class="num"><del>3.</del><ins>2.</ins></span> ',
      '<span class="num"><ins>3.</ins></span> ',
    ]);
    expect(new Set(ids(html)).size).toBe(ids(html).length);
    const markdown = toMarkdown(redlineView(a, b, redline(a, b)));
    expect(
      markdown
        .split('\n')
        .filter((line) => /^(\d|<)/.test(line))
        .map((line) => line.split(' ')[0]),
    ).toEqual(['1\\.', '<del>2\\.</del>', '<del>3\\.</del><ins>2\\.</ins>', '<ins>3\\.</ins>']);
  });

  it.skipIf(!existsSync(cop21))('has no duplicate id in the COP21 redline', () => {
    const read = (name: string) => parseDraft(readFileSync(path.join(cop21, name), 'utf8')).document;
    const [a, b] = [read('2015-10-23.md'), read('2015-12-04.md')];
    const all = ids(toHtml(redlineView(a, b, redline(a, b))));
    expect([all.length, new Set(all).size]).toEqual([649, 649]);
  });
});
