import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { toAkn, type AknMeta } from './akn.ts';
import { parseDraft } from './parse.ts';
import { MAX_BRACKET_DEPTH } from './inline.ts';
import { redline } from './redline.ts';
import { redlineView } from './view.ts';
import { toHtml } from './render-html.ts';
import { toMarkdown } from './render-markdown.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const schemaDir = path.resolve(repoRoot, '../shared/schemas/akn');
const cop21 = path.resolve(repoRoot, '../shared/corpora/cop21');
const shared = existsSync(schemaDir);
if (!shared) console.warn(`skipping AKN schema validation: ${schemaDir} absent`);

const parse = (text: string) => parseDraft(text, { mode: 'parley' }).document;
const meta: AknMeta = {
  documentId: 'accord',
  versionId: 'v2',
  date: '2022-04-15',
  author: 'joint',
  parties: [
    { id: 'ru', name: 'Russian Federation' },
    { id: 'ua', name: 'Ukraine' },
  ],
  issues: [{ id: 'guarantors', title: 'Guarantor states' }],
};

/** Validates XML documents against akomantoso30.xsd (which imports xml.xsd) in one xmllint run. */
async function validate(documents: { name: string; xml: string }[]) {
  const result = await validateXML({
    xml: documents.map((d) => ({ fileName: d.name, contents: d.xml })),
    schema: [
      {
        fileName: 'akomantoso30.xsd',
        contents: readFileSync(path.join(schemaDir, 'akomantoso30.xsd'), 'utf8'),
      },
    ],
    preload: [{ fileName: 'xml.xsd', contents: readFileSync(path.join(schemaDir, 'xml.xsd'), 'utf8') }],
    maxMemoryPages: 16384,
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage) };
}

const v1 = parse(
  '# Accord\n\n## Article 1. Guarantors\n@issues: guarantors\n\n1. They are France[ru: , Belarus] [ua: , Turkey] and {ua: each decides | ru: all decide}.\n@status: bracketed\n',
);
const v2 = parse(
  '# Accord\n\n## Article 1. Guarantors\n@issues: guarantors\n\n1. They are France[ua: , Turkey] and {ua: each decides | ru: all decide}, within three days.\n@status: bracketed\n\n## Article 2. Signature\n\n1. Leaders sign.\n',
);

describe('toAkn', () => {
  const xml = toAkn(v1, meta);

  it('identifies the version with FRBR work, expression and manifestation URIs', () => {
    expect(xml).toContain('<FRBRWork>\n          <FRBRthis value="/akn/un/bill/2022-04-15/accord/!main"/>');
    expect(xml).toContain('<FRBRuri value="/akn/un/bill/2022-04-15/accord/eng@v2"/>');
    expect(xml).toContain('<FRBRuri value="/akn/un/bill/2022-04-15/accord/eng@v2.akn"/>');
    expect(xml).toContain('<FRBRauthor href="#joint"/>');
  });

  it('names the same Work for every version of a document, a new Expression for each', () => {
    const work = (text: string) => text.slice(text.indexOf('<FRBRWork>'), text.indexOf('</FRBRWork>'));
    const expression = (text: string) =>
      text.slice(text.indexOf('<FRBRExpression>'), text.indexOf('</FRBRExpression>'));
    const first = toAkn(v1, { ...meta, versionId: 'v1', date: '2022-04-12' });
    const second = toAkn(v2, { ...meta, workDate: '2022-04-12' });
    expect(work(second)).toBe(work(first));
    expect(work(first)).toContain('<FRBRthis value="/akn/un/bill/2022-04-12/accord/!main"/>');
    expect(work(first)).toContain('<FRBRuri value="/akn/un/bill/2022-04-12/accord"/>');
    expect(expression(first)).toContain('<FRBRuri value="/akn/un/bill/2022-04-12/accord/eng@v1"/>');
    expect(expression(second)).toContain('<FRBRuri value="/akn/un/bill/2022-04-12/accord/eng@v2"/>');
    expect(expression(second)).toContain('<FRBRdate date="2022-04-15" name="draft"/>');
  });

  it('lists the parties the text names as TLCOrganization references', () => {
    expect(xml).toContain(
      '<TLCOrganization eId="ru" href="/akn/ontology/organizations/ru" showAs="Russian Federation"/>',
    );
    expect(xml).toContain(
      '<TLCOrganization eId="ua" href="/akn/ontology/organizations/ua" showAs="Ukraine"/>',
    );
    expect(xml).toContain(
      '<TLCConcept eId="issue-guarantors" href="/akn/ontology/concepts/parley/issue/guarantors" showAs="Guarantor states"/>',
    );
  });

  it('writes brackets as spans for their party, alternatives linked by alternativeTo', () => {
    expect(xml).toContain(
      '<article eId="art_1" refersTo="#issue-guarantors">\n        <num>Article 1.</num>\n        <heading>Guarantors</heading>',
    );
    expect(xml).toContain(
      '<p>They are France<span eId="br_0_1" class="bracket" refersTo="#ru">[ru: , Belarus]</span> ' +
        '<span eId="br_1_2" class="bracket" refersTo="#ua" alternativeTo="br_0_1">[ua: , Turkey]</span> and ' +
        '<span eId="br_2_3" class="alternatives"><span eId="br_2_4" class="alternative" refersTo="#ua">{ua: each decides </span>' +
        '<span eId="br_2_5" class="alternative" refersTo="#ru" alternativeTo="br_2_4">| ru: all decide}</span></span>.</p>',
    );
  });

  it('links alternatives as the parser does: [a] [b] are alternatives, [a],[b] are not', () => {
    for (const [text, paired] of [
      ['A [ru: a] [ua: b] c.', true],
      ['A [ru: a],[ua: b] c.', false],
    ] as const) {
      const document = parse(`# Accord\n\n## Article 1. Terms\n\n${text}\n`);
      const parserPaired = Object.values(document.brackets).some((b) => b.alternativeTo !== undefined);
      expect(parserPaired).toBe(paired);
      expect(toAkn(document, meta).includes('alternativeTo=')).toBe(paired);
    }
  });

  it('writes a redline with ins and del, and marks inserted units', () => {
    const redline = toAkn(v2, { ...meta, against: { versionId: 'v1', date: '2022-04-12' } }, v1);
    expect(redline).toContain('<bill name="accord" contains="multipleVersions">');
    expect(redline).toContain('<FRBRuri value="/akn/un/bill/2022-04-15/accord/eng@v2-redline-v1"/>');
    expect(redline).toContain(
      '<p>They are France<span eId="a_br_0_1" class="bracket" refersTo="#ru"><del>[ru: , Belarus]</del></span>' +
        '<span eId="b_br_0_2" class="bracket" refersTo="#ua">[ua: , Turkey]</span> and ',
    );
    expect(redline).toContain('</span></span><ins>, within three days</ins>.</p>');
    expect(redline).toContain(
      '<article eId="art_2" class="inserted">\n        <num><ins>Article 2.</ins></num>\n        <heading><ins>Signature</ins></heading>',
    );
  });

  it('puts the number of a deleted, inserted or renumbered paragraph inside its del or ins', () => {
    const xml = toAkn(renumberedB, meta, renumberedA);
    const nums = xml.split('\n').filter((line) => line.includes('<paragraph') || line.includes('<num>'));
    expect(nums.map((line) => line.trim())).toEqual([
      '<num>Article 1.</num>',
      '<paragraph eId="art_1__para_1">',
      '<num>1.</num>',
      '<paragraph eId="art_1__para_2" class="deleted">',
      '<num><del>2.</del></num>',
      '<paragraph eId="art_1__para_3" class="renumbered">',
      '<num><del>3.</del><ins>2.</ins></num>',
      '<paragraph eId="art_1__para_4" class="inserted">',
      '<num><ins>3.</ins></num>',
    ]);
  });
});

describe('toAkn: Markdown emphasis', () => {
  it('writes *x* and **x** as i and b, drops a marker cut off by a bracket, keeps an unpaired *', () => {
    const text = parse(
      '## Article 1. Terms *(definitions)*\n\n1. This is *very* and **firm**, *two [ru: words*] and a*b, 2 * 3, \\* note.\n',
    );
    const lines = toAkn(text, meta)
      .split('\n')
      .filter((line) => line.includes('<heading>') || line.includes('<p>This'));
    expect(lines.map((line) => line.trim())).toEqual([
      '<heading>Terms <i>(definitions)</i></heading>',
      '<p>This is <i>very</i> and <b>firm</b>, two <span eId="br_0_1" class="bracket" refersTo="#ru">[ru: words]</span>' +
        ' and a*b, 2 * 3, * note.</p>',
    ]);
  });

  it('in a redline, pairs the marks of each version on its own and marks no change of emphasis alone', () => {
    const p = (xml: string) =>
      xml
        .split('\n')
        .find((line) => line.includes('<p>A'))
        ?.trim();
    expect(p(toAkn(parse('1. A *b* c, *d* e.\n'), meta, parse('1. A *b* c, d.\n')))).toBe(
      '<p>A <i>b</i> c, d<ins> e</ins>.</p>',
    );
    expect(p(toAkn(parse('1. A *b* **c** d.\n'), meta, parse('1. A *b c* d.\n')))).toBe('<p>A b c d.</p>');
  });
});

const spanningA = parse(
  '## Article 1. Forces\n\n1. [ru: Alpha {ua: one\n\n2. two | ru: three} end.\n\n3. Beta.]\n',
);
const spanningB = parse(
  '## Article 1. Forces\n\n1. Alpha {ua: one\n\n2. two | ru: three} end.\n\n3. Gamma.\n\n4. Beta.\n',
);
const renumberedA = parse(
  '## Article 1. Forces\n\n1. Troops withdraw.\n\n2. Ships leave the port.\n\n3. Monitors report weekly.\n',
);
const renumberedB = parse(
  '## Article 1. Forces\n\n1. Troops withdraw.\n\n2. Monitors report weekly.\n\n3. Aircraft stay grounded at all times.\n',
);
const NS = 'xmlns:parley="urn:parley:drafts"';

describe('toAkn: a bracket spanning paragraphs', () => {
  const paragraphs = (xml: string) =>
    xml.split('\n').filter((line) => line.trim().startsWith('<p>') && !line.includes('docTitle'));

  it('wraps its text in one span per paragraph, continuations linked to the first span', () => {
    expect(paragraphs(toAkn(spanningA, meta)).map((line) => line.trim())).toEqual([
      '<p><span eId="br_0_1" class="bracket" refersTo="#ru">[ru: Alpha <span eId="br_1_2" class="alternatives">' +
        '<span eId="br_1_3" class="alternative" refersTo="#ua">{ua: one</span></span></span></p>',
      `<p><span eId="br_0_4" class="bracket continued" refersTo="#ru" ${NS} parley:continues="br_0_1">` +
        `<span eId="br_1_5" class="alternatives continued" ${NS} parley:continues="br_1_2">` +
        `<span eId="br_1_6" class="alternative continued" refersTo="#ua" ${NS} parley:continues="br_1_3">two </span>` +
        '<span eId="br_1_7" class="alternative" refersTo="#ru" alternativeTo="br_1_3">| ru: three}</span></span> end.</span></p>',
      `<p><span eId="br_0_8" class="bracket continued" refersTo="#ru" ${NS} parley:continues="br_0_1">Beta.]</span></p>`,
    ]);
  });

  it('in a redline, continues the deleted bracket of A past the paragraph inserted in B', () => {
    expect(paragraphs(toAkn(spanningB, meta, spanningA)).map((line) => line.trim())).toEqual([
      '<p><span eId="a_br_0_1" class="bracket" refersTo="#ru"><del>[ru: </del>Alpha <span eId="b_br_0_2" class="alternatives">' +
        '<span eId="b_br_0_3" class="alternative" refersTo="#ua">{ua: one</span></span></span></p>',
      `<p><span eId="a_br_0_4" class="bracket continued" refersTo="#ru" ${NS} parley:continues="a_br_0_1">` +
        `<span eId="b_br_0_5" class="alternatives continued" ${NS} parley:continues="b_br_0_2">` +
        `<span eId="b_br_0_6" class="alternative continued" refersTo="#ua" ${NS} parley:continues="b_br_0_3">two </span>` +
        '<span eId="b_br_0_7" class="alternative" refersTo="#ru" alternativeTo="b_br_0_3">| ru: three}</span></span> end.</span></p>',
      '<p><ins>Gamma.</ins></p>',
      `<p><span eId="a_br_0_8" class="bracket continued" refersTo="#ru" ${NS} parley:continues="a_br_0_1">Beta.<del>]</del></span></p>`,
    ]);
  });
});

const nestedText = [
  '# Accord',
  '',
  '## Article 1. Scope',
  '',
  '1. Parties shall:',
  '   (a) act;',
  '   (b) report.',
  '',
  '   Each report is public.',
  '2. **Option 1:** Keep [a],[b] it.',
  '',
  '   **Option 2:** Drop it.',
  '',
].join('\n');

describe('Akoma Ntoso nesting', () => {
  it('writes sub-paragraphs as points of a list or subparagraphs, and marks the units of options', () => {
    const xml = toAkn(parse(nestedText), meta);
    const body = xml.slice(xml.indexOf('<paragraph '), xml.lastIndexOf('</article>'));
    const NS = 'xmlns:parley="urn:parley:drafts"';
    expect(body.split('\n').map((line) => line.trim())).toEqual([
      '<paragraph eId="art_1__para_1">',
      '<num>1.</num>',
      '<intro>',
      '<p>Parties shall:</p>',
      '</intro>',
      '<list eId="art_1__para_1__list_1">',
      '<point eId="art_1__para_1__list_1__point_1">',
      '<num>(a)</num>',
      '<content>',
      '<p>act;</p>',
      '</content>',
      '</point>',
      '<point eId="art_1__para_1__list_1__point_2">',
      '<num>(b)</num>',
      '<content>',
      '<p>report.</p>',
      '</content>',
      '</point>',
      '</list>',
      '<subparagraph eId="art_1__para_1__subpara_1">',
      '<content>',
      '<p>Each report is public.</p>',
      '</content>',
      '</subparagraph>',
      '</paragraph>',
      `<paragraph eId="art_1__para_2" ${NS} parley:option="Option 1" parley:optionGroup="0">`,
      '<num>2.</num>',
      '<intro>',
      // `[a],[b]`: a comma between, so two brackets, not alternatives (as the parser reads them).
      '<p><b>Option 1:</b> Keep <span eId="br_0_1" class="bracket" refersTo="#unattributed">[a]</span>,' +
        '<span eId="br_1_2" class="bracket" refersTo="#unattributed">[b]</span> it.</p>',
      '</intro>',
      // The namespace declared on the enclosing paragraph holds here too.
      '<subparagraph eId="art_1__para_2__subpara_1" parley:option="Option 2" parley:optionGroup="0">',
      '<content>',
      '<p><b>Option 2:</b> Drop it.</p>',
      '</content>',
      '</subparagraph>',
      '</paragraph>',
      '',
    ]);
  });
});

describe.skipIf(!shared)('Akoma Ntoso validity against akomantoso30.xsd', () => {
  it('accepts the hand-built pair, the fixture drafts, their redlines, and the schema rejects a broken document', async () => {
    const read = (name: string) =>
      parseDraft(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'), { mode: 'parley' });
    const [first, second] = [read('guarantees-v1.txt'), read('guarantees-v2.txt')];
    expect([first.diagnostics, second.diagnostics]).toEqual([[], []]);
    const fixtureMeta: AknMeta = {
      ...meta,
      documentId: 'security-treaty',
      versionId: 'v1',
      date: '2022-04-12',
    };
    // One xmllint run for all: compiling the schema is most of the cost.
    const good = await validate([
      { name: 'v1.xml', xml: toAkn(v1, meta) },
      { name: 'redline.xml', xml: toAkn(v2, meta, v1) },
      { name: 'spanning.xml', xml: toAkn(spanningA, meta) },
      { name: 'spanning-redline.xml', xml: toAkn(spanningB, meta, spanningA) },
      { name: 'renumbered-redline.xml', xml: toAkn(renumberedB, meta, renumberedA) },
      {
        name: 'emphasis-redline.xml',
        xml: toAkn(parse('1. A *b* **c** d.\n'), meta, parse('1. A *b c* d.\n')),
      },
      { name: 'nested.xml', xml: toAkn(parse(nestedText), meta) },
      {
        name: 'nested-redline.xml',
        xml: toAkn(parse(nestedText.replace('   (a) act;\n', '')), meta, parse(nestedText)),
      },
      { name: 'fixture-v1.xml', xml: toAkn(first.document, fixtureMeta) },
      { name: 'fixture-v2.xml', xml: toAkn(second.document, { ...fixtureMeta, versionId: 'v2' }) },
      {
        name: 'fixture-redline.xml',
        xml: toAkn(second.document, { ...fixtureMeta, versionId: 'v2' }, first.document),
      },
    ]);
    expect(good).toEqual({ valid: true, errors: [] });
    // The check can fail: an element AKN does not know is refused.
    const bad = await validate([
      { name: 'bad.xml', xml: toAkn(v1, meta).replace('<preface>', '<preface><nonsense/>') },
    ]);
    expect(bad.valid).toBe(false);
    expect(bad.errors[0]).toContain('nonsense');
  });

  it.skipIf(!existsSync(cop21))(
    'accepts the COP21 draft of 4 December as a redline from 23 October',
    async () => {
      const read = (name: string) => parseDraft(readFileSync(path.join(cop21, name), 'utf8')).document;
      const [october, december] = [read('2015-10-23.md'), read('2015-12-04.md')];
      const cop21Meta = { ...meta, documentId: 'paris-agreement' };
      const xml = toAkn(december, cop21Meta, october);
      // Each version alone too: sub-paragraphs as points and subparagraphs, options marked.
      const single = [october, december].map((d) => toAkn(d, cop21Meta));
      expect(
        await validate([
          { name: 'cop21.xml', xml },
          { name: 'cop21-october.xml', xml: single[0] as string },
          { name: 'cop21-december.xml', xml: single[1] as string },
        ]),
      ).toEqual({ valid: true, errors: [] });
      expect(single.map((x) => x.split('<point ').length - 1)).toEqual([151, 86]);
      expect(single.map((x) => x.split('<subparagraph ').length - 1)).toEqual([160, 123]);
      // Every unit of an option outside the preamble (which AKN writes as plain `p`) is marked.
      const inOptions = (d: typeof october) =>
        d.sections
          .filter((s) => s.kind !== 'preamble')
          .flatMap((s) => s.paragraphs)
          .filter((p) => p.option).length;
      expect(single.map((x) => x.split('parley:option=').length - 1)).toEqual([353, 190]);
      expect([inOptions(october), inOptions(december)]).toEqual([353, 190]);
      expect(single[1]).toContain(
        '<paragraph eId="art_4__para_12" xmlns:parley="urn:parley:drafts" parley:option="Option 1" parley:optionGroup="20">',
      );
    },
  );
});

describe('brackets nested past the bound', () => {
  const nested = (depth: number) =>
    `# Accord\n\n## Article 1. Deep\n\n1. Start ${'[a '.repeat(depth)}core${' b]'.repeat(depth)} end.\n`;

  it('are one located error at the first bracket past the bound, read as text by every writer', () => {
    const parsed = parseDraft(nested(3000), { mode: 'parley', file: 'deep.txt' });
    expect(parsed.diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`)).toEqual([
      `5:${10 + 3 * MAX_BRACKET_DEPTH} bracket-too-deep "[" nests brackets deeper than 32 levels: it and the brackets inside it are read as text`,
    ]);
    const document = parsed.document;
    expect(document.brackets).toHaveLength(MAX_BRACKET_DEPTH);
    expect(Math.max(...document.brackets.map((b) => b.depth))).toBe(MAX_BRACKET_DEPTH);
    // Every writer finishes on it (before the bound, AKN recursed 3,000 deep and crashed).
    const xml = toAkn(document, meta);
    expect(xml.split('class="bracket"').length - 1).toBe(MAX_BRACKET_DEPTH);
    expect(toHtml(document)).toContain('core');
    expect(toMarkdown(document)).toContain('core');
    const other = parseDraft(nested(2999), { mode: 'parley' }).document;
    expect(toAkn(document, meta, other)).toContain('<ins>');
    expect(toHtml(redlineView(other, document, redline(other, document)))).toContain('<ins>');
  });

  it('stay linear at 100,000 levels', () => {
    const started = performance.now();
    const parsed = parseDraft(nested(100_000), { mode: 'parley' });
    toAkn(parsed.document, meta);
    expect(parsed.diagnostics).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
