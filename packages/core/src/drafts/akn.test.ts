import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { loadCase } from '@parley/case-files/load.ts';
import { toAkn, type AknMeta } from './akn.ts';
import { caseParseOptions } from './case-drafts.ts';
import { parseDraft } from './parse.ts';

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
});

const spanningA = parse(
  '## Article 1. Forces\n\n1. [ru: Alpha {ua: one\n\n2. two | ru: three} end.\n\n3. Beta.]\n',
);
const spanningB = parse(
  '## Article 1. Forces\n\n1. Alpha {ua: one\n\n2. two | ru: three} end.\n\n3. Gamma.\n\n4. Beta.\n',
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

describe.skipIf(!shared)('Akoma Ntoso validity against akomantoso30.xsd', () => {
  it('accepts the hand-built pair, its redline, and the schema rejects a broken document', async () => {
    const good = await validate([
      { name: 'v1.xml', xml: toAkn(v1, meta) },
      { name: 'redline.xml', xml: toAkn(v2, meta, v1) },
      { name: 'spanning.xml', xml: toAkn(spanningA, meta) },
      { name: 'spanning-redline.xml', xml: toAkn(spanningB, meta, spanningA) },
    ]);
    expect(good).toEqual({ valid: true, errors: [] });
    // The check can fail: an element AKN does not know is refused.
    const bad = await validate([
      { name: 'bad.xml', xml: toAkn(v1, meta).replace('<preface>', '<preface><nonsense/>') },
    ]);
    expect(bad.valid).toBe(false);
    expect(bad.errors[0]).toContain('nonsense');
  });

  it('accepts every version of the embedded case and the redline of 12 to 15 April', async () => {
    const { caseData } = await loadCase(path.join(repoRoot, 'cases/istanbul-2022'));
    expect(caseData).toBeDefined();
    if (!caseData) return;
    const record = caseData.drafts.find((d) => d.id === 'security-treaty');
    expect(record?.versions.map((v) => v.id)).toEqual([
      '2022-03-07-ru',
      '2022-03-16-fifteen-points',
      '2022-03-29-communique',
      '2022-04-12',
      '2022-04-15',
    ]);
    const parsed = new Map(
      (record?.versions ?? []).map((v) => {
        const { document, diagnostics } = parseDraft(
          caseData.draftTexts[`security-treaty@${v.id}`] ?? '',
          caseParseOptions(caseData, v.text),
        );
        expect(diagnostics).toEqual([]);
        return [v.id, document] as const;
      }),
    );
    const metaFor = (versionId: string): AknMeta => ({
      documentId: 'security-treaty',
      versionId,
      date: versionId.slice(0, 10),
      author: record?.versions.find((v) => v.id === versionId)?.author ?? 'joint',
      parties: caseData.actors.map((a) => ({ id: a.id, name: a.name })),
      issues: caseData.issues.map((i) => ({ id: i.id, title: i.title })),
    });
    const documents = [...parsed].map(([id, document]) => ({
      name: `${id}.xml`,
      xml: toAkn(document, metaFor(id)),
    }));
    documents.push({
      name: 'redline.xml',
      xml: toAkn(parsed.get('2022-04-15') as never, metaFor('2022-04-15'), parsed.get('2022-04-12')),
    });
    expect(await validate(documents)).toEqual({ valid: true, errors: [] });
  });

  it.skipIf(!existsSync(cop21))(
    'accepts the COP21 draft of 4 December as a redline from 23 October',
    async () => {
      const read = (name: string) => parseDraft(readFileSync(path.join(cop21, name), 'utf8')).document;
      const xml = toAkn(
        read('2015-12-04.md'),
        { ...meta, documentId: 'paris-agreement' },
        read('2015-10-23.md'),
      );
      expect(await validate([{ name: 'cop21.xml', xml }])).toEqual({ valid: true, errors: [] });
    },
  );
});
