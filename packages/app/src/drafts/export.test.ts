import { describe, expect, it } from 'vitest';
import { minimalCase } from '../minimal-case.test-support.ts';
import { aknMeta, exportDraft } from './export.ts';
import { caseDraft } from './parsed-draft.ts';

describe('exportDraft', () => {
  it('writes a version as Markdown', async () => {
    expect(exportDraft(await minimalCase(), { format: 'md', ref: 'accord@v1' })).toEqual({
      text: '# River Accord\n\n## Article 1 Flow\n\n1\\. The minimum flow shall be [30] [50] cubic metres per second.\n',
      label: 'accord@v1',
      warnings: [expect.objectContaining({ label: 'accord@v1', warnings: [] })],
    });
  });

  it('writes a redline as HTML against a bare earlier version of the same document', async () => {
    const exported = exportDraft(await minimalCase(), { format: 'html', ref: 'accord@v2', against: 'v1' });
    expect([exported.label, exported.againstLabel]).toEqual(['accord@v2', 'accord@v1']);
    expect(exported.text).toContain('<title>Redline: accord@v1 → accord@v2</title>');
    expect(exported.text).toContain('<ins>40</ins>');
  });

  it('writes Akoma Ntoso with the FRBR identity, the parties and the redline', async () => {
    const c = await minimalCase();
    const plain = exportDraft(c, { format: 'akn', ref: 'accord@v1' }).text;
    expect(plain).toContain('<FRBRuri value="/akn/un/bill/2030-02-01/accord/eng@v1"/>');
    // The Work is the accord, the same for both versions; only the Expression differs.
    const v2 = exportDraft(c, { format: 'akn', ref: 'accord@v2' }).text;
    const frbr = (xml: string, level: string) =>
      [...xml.matchAll(new RegExp(`<${level}>[^]*?</${level}>`, 'g'))].map((m) =>
        m[0].match(/value="[^"]*"/g),
      );
    expect(frbr(v2, 'FRBRWork')).toEqual(frbr(plain, 'FRBRWork'));
    expect(frbr(plain, 'FRBRWork')).toEqual([
      [
        'value="/akn/un/bill/2030-02-01/accord/!main"',
        'value="/akn/un/bill/2030-02-01/accord"',
        'value="un"',
      ],
    ]);
    expect(frbr(v2, 'FRBRExpression')).toEqual([
      [
        'value="/akn/un/bill/2030-02-01/accord/eng@v2/!main"',
        'value="/akn/un/bill/2030-02-01/accord/eng@v2"',
      ],
    ]);
    expect(v2).toContain('<FRBRdate date="2030-02-12" name="draft"/>');
    expect(plain).toContain(
      '<TLCOrganization eId="north" href="/akn/ontology/organizations/north" showAs="Northland"/>',
    );
    const redline = exportDraft(c, { format: 'akn', ref: 'accord@v2', against: 'v1' }).text;
    expect(redline).toContain('<ins>40</ins>');
    // v2 is marked a reconstruction in drafts.yaml though its text has no tag.
    expect(redline).toContain('<note eId="reconstruction">');
  });
});

describe('aknMeta', () => {
  it('says who wrote the version, when, who the parties are and what it is redlined against', async () => {
    const c = await minimalCase();
    const v2 = caseDraft(c, { ref: 'accord@v2' });
    const v1 = caseDraft(c, { ref: 'accord@v1' });
    expect(aknMeta(c, v2, v1)).toEqual({
      documentId: 'accord',
      versionId: 'v2',
      date: '2030-02-12',
      workDate: '2030-02-01',
      author: 'joint',
      reconstruction: true,
      parties: [
        { id: 'north', name: 'Northland' },
        { id: 'south', name: 'Southland' },
        { id: 'league', name: 'League of Rivers' },
      ],
      issues: [
        { id: 'min-flow', title: 'Minimum flow at the border' },
        { id: 'monitor', title: 'Who monitors the flow' },
        { id: 'guarantors', title: 'Guarantors of the accord' },
        { id: 'dam-moratorium', title: 'Moratorium on new dams' },
      ],
      against: { versionId: 'v1', date: '2030-02-01' },
    });
    expect(aknMeta(c, v1).reconstruction).toBe(false);
    expect(aknMeta(c, v1)).not.toHaveProperty('against');
  });

  it('names no redline base from another document', async () => {
    const c = await minimalCase();
    const other = { ...c, drafts: [...c.drafts, { ...c.drafts[0]!, id: 'annex' }] };
    const texts = { ...c.draftTexts, 'annex@v1': c.draftTexts['accord@v1']! };
    const annex = caseDraft({ ...other, draftTexts: texts }, { ref: 'annex@v1' });
    expect(aknMeta(c, caseDraft(c, { ref: 'accord@v2' }), annex)).not.toHaveProperty('against');
  });
});
