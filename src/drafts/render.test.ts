import { describe, expect, it } from 'vitest';
import { parseDraft } from './parse.ts';
import { toHtml } from './render-html.ts';
import { toMarkdown } from './render-markdown.ts';

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
