import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { bracketsReport } from '@parley/app/drafts/brackets.ts';
import { importDraftVersion, type DraftImport } from './import-draft.ts';
import { loadCase } from './load.ts';
import { minimalCaseDir } from './test-support.ts';

const scratch = mkdtempSync(path.join(tmpdir(), 'parley-import-draft-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// A Paris-style draft as a drafter would save it: links, an image, a task box, a footnote
// reference and real negotiation brackets: three, one an alternative to another.
const FOREIGN = [
  '# Draft agreement',
  '',
  'See [the annex](https://example.org/annex) and ![the map](map.png).',
  '',
  '- [ ] check the numbering',
  '',
  '1. The Parties [shall][should] cooperate [within two years].',
  '',
].join('\n');

let caseDir: string;
let foreign: string;
let counter = 0;
beforeEach(() => {
  counter += 1;
  caseDir = path.join(scratch, `case-${counter}`);
  cpSync(minimalCaseDir, caseDir, { recursive: true });
  foreign = path.join(scratch, `foreign-${counter}.md`);
  writeFileSync(foreign, FOREIGN);
});

const request = (
  over: Partial<DraftImport['version']> = {},
  rest: Partial<DraftImport> = {},
): DraftImport => ({
  from: foreign,
  document: 'accord',
  version: {
    id: 'v3',
    date: '2030-03-01',
    author: 'south',
    status: 'tabled',
    reconstruction: false,
    sources: ['report-a'],
    ...over,
  },
  ...rest,
});

/** Every file of the case folder and its bytes: what a refused import must leave untouched. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const full = path.join(at, entry.name);
      if (entry.isDirectory()) walk(full);
      else files[path.relative(dir, full)] = readFileSync(full, 'latin1');
    }
  };
  walk(dir);
  return files;
}

describe('parley drafts import', () => {
  it('adds the text unchanged, appends only the version to drafts.yaml, and reads it as Markdown', async () => {
    const yamlBefore = readFileSync(path.join(caseDir, 'drafts.yaml'), 'utf8');
    const imported = await importDraftVersion(caseDir, request());
    expect(imported).toEqual({ text: 'drafts/accord-v3.md', brackets: 3 });
    expect(readFileSync(path.join(caseDir, 'drafts/accord-v3.md'), 'utf8')).toBe(FOREIGN);
    const yamlAfter = readFileSync(path.join(caseDir, 'drafts.yaml'), 'utf8');
    // Every byte the analyst wrote is kept; the version follows at the list's indentation.
    expect(yamlAfter).toBe(
      yamlBefore +
        [
          '      - id: v3',
          '        date: 2030-03-01',
          '        author: south',
          '        status: tabled',
          '        text: drafts/accord-v3.md',
          '        format: markdown',
          '        reconstruction: false',
          '        sources:',
          '          - report-a',
          '',
        ].join('\n'),
    );
    const { caseData, diagnostics } = await loadCase(caseDir);
    expect(diagnostics).toEqual([]);
    const report = bracketsReport(caseData!, { document: 'accord' });
    const v3 = report.json.entries.find((e) => e.version === 'v3')!;
    // Read as Parley bracket text, the link, image and task box would be brackets too.
    expect(v3.brackets).toBe(3);
  });

  it('starts a new document when asked to', async () => {
    const imported = await importDraftVersion(
      caseDir,
      request(
        { id: 'first' },
        { document: 'annex-river', newDocument: { title: 'River annex', kind: 'annex' } },
      ),
    );
    expect(imported.text).toBe('drafts/annex-river-first.md');
    const { caseData, diagnostics } = await loadCase(caseDir);
    expect(diagnostics).toEqual([]);
    expect(
      caseData!.drafts.map((d) => [d.id, d.title, d.kind, d.versions.map((v) => v.format ?? 'parley')]),
    ).toEqual([
      ['accord', 'River Accord', 'treaty', ['parley', 'parley']],
      ['annex-river', 'River annex', 'annex', ['markdown']],
    ]);
  });

  it('changes nothing when the new version would not load, and says where', async () => {
    const before = snapshot(caseDir);
    await expect(importDraftVersion(caseDir, request({ sources: ['no-such-source'] }))).rejects.toThrow(
      /drafts\.yaml:\d+:\d+: documents\[0\]\.versions\[2\]\.sources\[0\]: unknown source "no-such-source"[\s\S]*nothing was changed/,
    );
    expect(snapshot(caseDir)).toEqual(before);
  });

  it('refuses without writing: an existing version, an id that is a path, an unknown document, a binary file', async () => {
    const before = snapshot(caseDir);
    await expect(importDraftVersion(caseDir, request({ id: 'v2' }))).rejects.toThrow(
      'accord@v2 already exists; a version is never overwritten',
    );
    await expect(importDraftVersion(caseDir, request({ id: '../../escape' }))).rejects.toThrow(
      'the version id "../../escape" must be a kebab-case id',
    );
    await expect(importDraftVersion(caseDir, request({}, { document: 'treaty-b' }))).rejects.toThrow(
      'the case has no draft document "treaty-b" (documents: accord); give --document-title to start one',
    );
    writeFileSync(foreign, Buffer.from([0x41, 0x00, 0x42]));
    await expect(importDraftVersion(caseDir, request())).rejects.toThrow(`${foreign}:1:2: `);
    expect(snapshot(caseDir)).toEqual(before);
  });
});
