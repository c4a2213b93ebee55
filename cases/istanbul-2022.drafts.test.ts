import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { loadCase } from '@parley/case-files/load.ts';
import { runCli } from '@parley/cli/test-cli.ts';
import { toAkn, type AknMeta } from '@parley/core/drafts/akn.ts';
import { bracketSeries } from '@parley/core/drafts/brackets.ts';
import { caseParseOptions } from '@parley/core/drafts/case-drafts.ts';
import { parseDraft } from '@parley/core/drafts/parse.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const schemaDir = path.resolve(repoRoot, '../shared/schemas/akn');
const shared = existsSync(schemaDir);
if (!shared) console.warn(`skipping AKN schema validation: ${schemaDir} absent`);

describe('the embedded case drafts', async () => {
  const { caseData } = await loadCase(path.join(repoRoot, 'cases/istanbul-2022'));
  const record = caseData?.drafts.find((d) => d.id === 'security-treaty');
  const versions = (record?.versions ?? []).map((v) => ({
    id: v.id,
    ...parseDraft(
      caseData?.draftTexts[`security-treaty@${v.id}`] ?? '',
      caseParseOptions(caseData as never, v.text),
    ),
  }));

  it('parse without a problem against the case’s actors, issues and sources', () => {
    expect(versions.map((v) => [v.id, v.diagnostics])).toEqual([
      ['2022-03-07-ru', []],
      ['2022-03-16-fifteen-points', []],
      ['2022-03-29-communique', []],
      ['2022-04-12', []],
      ['2022-04-15', []],
    ]);
  });

  it('are labelled reconstructions, and every provision cites sources and issues', () => {
    for (const { id, document } of versions) {
      expect([id, document.tags.reconstruction]).toEqual([id, true]);
      for (const section of document.sections) {
        if (section.kind === 'preamble') continue;
        expect([id, section.id, section.issues.length > 0]).toEqual([id, section.id, true]);
        for (const paragraph of section.paragraphs) {
          const sources = paragraph.sources.length ? paragraph.sources : section.sources;
          expect([id, paragraph.id, sources.length > 0]).toEqual([id, paragraph.id, true]);
        }
      }
    }
  });

  it('hold the guarantee decision rule of 15 April as each party’s wording', () => {
    const april15 = versions.find((v) => v.id === '2022-04-15')?.document;
    const rule = april15?.sections.find((s) => s.id === 'art-3')?.paragraphs[1];
    expect(rule?.issues).toEqual(['guarantee-decision-rule', 'guarantee-assistance']);
    expect(rule?.status).toBe('bracketed');
    const choice = april15?.brackets.find((b) => b.unit === 'art-3.p2');
    expect(choice?.alternatives).toEqual(['ua', 'ru']);
  });
});

// Moved from packages/core/src/drafts/brackets.test.ts.
describe('the bracket series of the embedded security treaty', () => {
  it('reads the embedded case: brackets rise after the communiqué as the April drafts add disputed clauses', async () => {
    const { caseData } = await loadCase(path.join(repoRoot, 'cases/istanbul-2022'));
    if (!caseData) throw new Error('the embedded case did not load');
    const record = caseData.drafts.find((d) => d.id === 'security-treaty');
    const series = bracketSeries(
      (record?.versions ?? []).map((v) => ({
        version: v.id,
        document: parseDraft(caseData.draftTexts[`security-treaty@${v.id}`] ?? '', caseParseOptions(caseData))
          .document,
      })),
    );
    expect(
      series.entries.map((e) => [
        e.version,
        e.brackets,
        e.byParty,
        e.provisions.agreed,
        e.provisions.deferred,
      ]),
    ).toEqual([
      ['2022-03-07-ru', 3, { ru: 3 }, 0, 0],
      ['2022-03-16-fifteen-points', 4, { ua: 2, ru: 2 }, 0, 0],
      ['2022-03-29-communique', 1, { ru: 1 }, 15, 2],
      ['2022-04-12', 15, { ru: 15, ua: 9 }, 12, 2],
      ['2022-04-15', 17, { ru: 16, ua: 11 }, 9, 2],
    ]);
    expect(series.trend).toBe('diverging');
  });

  // Moved from packages/cli/src/commands/brackets.test.ts.
  it('gives the embedded series per party as JSON, in date order', async () => {
    const r = await runCli(['brackets', 'cases/istanbul-2022', 'security-treaty', '--format', 'json']);
    expect(r.err).toBe('');
    const json = JSON.parse(r.out);
    expect(json.entries.map((e: { version: string; byParty: object }) => [e.version, e.byParty])).toEqual([
      ['2022-03-07-ru', { ru: 3 }],
      ['2022-03-16-fifteen-points', { ua: 2, ru: 2 }],
      ['2022-03-29-communique', { ru: 1 }],
      ['2022-04-12', { ru: 15, ua: 9 }],
      ['2022-04-15', { ru: 16, ua: 11 }],
    ]);
    expect(json.trend).toBe('diverging');
  });
});

// Moved from packages/cli/src/commands/diff.test.ts.
describe('the redline of the embedded April drafts', () => {
  it('redlines the embedded April drafts as JSON: the Russian veto clause and the guarantor list', async () => {
    const r = await runCli([
      'diff',
      'cases/istanbul-2022',
      'security-treaty@2022-04-12',
      '2022-04-15',
      '--format',
      'json',
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.a).toEqual({
      label: 'security-treaty@2022-04-12',
      title: "Treaty on Ukraine's permanent neutrality and security guarantees: draft of 12 April 2022",
    });
    expect(json.summary.brackets).toEqual({
      ru: { before: 15, after: 16, opened: 1, closed: 0 },
      ua: { before: 9, after: 11, opened: 2, closed: 0 },
    });
    expect(json.summary.statusChanges.map((s: { label: string }) => s.label)).toEqual([
      'Article 3',
      'Article 3 ¶1',
      'Article 3 ¶2',
    ]);
    const rule = json.changes.find((c: { b?: { id: string } }) => c.b?.id === 'art-3.p2');
    expect(rule.issues).toEqual(['guarantee-decision-rule', 'guarantee-assistance']);
    expect(
      rule.edits.filter((e: { op: string }) => e.op === 'insert').map((e: { text: string }) => e.text),
    ).toEqual([
      'The',
      'states',
      'provide',
      '{ua: as each of them decides individually | ru: on the basis of a decision agreed by all the guarantor states}',
    ]);
  });
});

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

// Moved from packages/core/src/drafts/akn.test.ts.
describe.skipIf(!shared)('the embedded drafts as Akoma Ntoso', () => {
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
});
