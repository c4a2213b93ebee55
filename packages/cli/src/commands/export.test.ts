import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../test-cli.ts';

const minimal = 'packages/case-files/fixtures/minimal';

describe('parley export', () => {
  it('writes Akoma Ntoso for a version, and a redline with --against', async () => {
    const plain = await runCli(['export', 'akn', minimal, 'accord@v1']);
    expect(plain.code).toBe(0);
    expect(
      plain.out.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">',
      ),
    ).toBe(true);
    expect(plain.out).toContain('<FRBRuri value="/akn/un/bill/2030-02-01/accord/eng@v1"/>');
    expect(plain.out).toContain(
      '<TLCOrganization eId="north" href="/akn/ontology/organizations/north" showAs="Northland"/>',
    );
    const redline = await runCli(['export', 'akn', minimal, 'accord@v2', '--against', 'v1']);
    expect(redline.code).toBe(0);
    expect(redline.out).toContain(
      '<p>The minimum flow shall be <span eId="a_br_0_1" class="bracket" refersTo="#unattributed"><del>[30]</del></span> ' +
        '<span eId="a_br_1_2" class="bracket" refersTo="#unattributed" alternativeTo="a_br_0_1"><del>[50]</del></span> <ins>40</ins> cubic metres per second.</p>',
    );
    // v2 is marked a reconstruction in drafts.yaml though its text has no tag.
    expect(redline.out).toContain('<note eId="reconstruction">');
  });

  it('writes Markdown and HTML, to a file with --out', async () => {
    const md = await runCli(['export', 'md', minimal, 'accord@v1']);
    expect(md).toEqual({
      code: 0,
      err: '',
      out: '# River Accord\n\n## Article 1 Flow\n\n1\\. The minimum flow shall be [30] [50] cubic metres per second.\n',
    });
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'parley-export-')), 'v2.html');
    const html = await runCli([
      'export',
      'html',
      minimal,
      'accord@v2',
      '--against',
      'accord@v1',
      '--out',
      file,
    ]);
    expect(html).toEqual({ code: 0, err: '', out: `wrote ${file} (html, accord@v2 against accord@v1)` });
    const page = readFileSync(file, 'utf8');
    expect(page).toContain('<title>Redline: accord@v1 → accord@v2</title>');
    expect(page).toContain('<ins>40</ins>');
  });

  it('refuses an unknown format and an unknown version (exit 2 both)', async () => {
    const format = await runCli(['export', 'pdf', minimal, 'accord@v1']);
    expect(format.code).toBe(2);
    expect(format.err.split('\n')[0]).toBe('parley: unknown export format "pdf" (expected akn, md, html)');
    expect(await runCli(['export', 'akn', minimal, 'accord@v3'])).toEqual({
      code: 2,
      out: '',
      err: 'parley: unknown version "v3" of "accord" (versions: v1, v2)',
    });
  });
});
