import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rebuildAfter, rebuildBefore } from '@parley/core/drafts/rebuild.ts';
import { runCli } from '../test-cli.ts';

const minimal = 'packages/case-files/fixtures/minimal';
const v1 = 'packages/core/src/drafts/fixtures/guarantees-v1.txt';
const v2 = 'packages/core/src/drafts/fixtures/guarantees-v2.txt';

describe('parley diff', () => {
  it('redlines two versions of a case document (the fixture case)', async () => {
    const r = await runCli(['diff', minimal, 'accord@v1', 'accord@v2']);
    expect(r).toEqual({
      code: 0,
      err: '',
      out: [
        'accord@v1 → accord@v2',
        '(reconstruction: rebuilt from reports, not an original text)',
        'words +1 −2 · moved 0 · renumbered 0 · units: 1 modified, 0 inserted, 0 deleted, 1 unchanged',
        'brackets (before → after, +opened/−closed): unattributed 2 → 0 (+0/−2)',
        'degraded: none (every unit diffed word by word)',
        '',
        '~ Article 1 ¶1 (A 5:1 → B 5:1)',
        '  The minimum flow shall be [-[30] [50]-] {+40+} cubic metres per second.',
        '',
      ].join('\n'),
    });
  });

  it('redlines two versions of a case document as JSON', async () => {
    const r = await runCli(['diff', minimal, 'accord@v1', 'v2', '--format', 'json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect([json.a, json.b]).toEqual([
      { label: 'accord@v1', title: 'River Accord' },
      { label: 'accord@v2', title: 'River Accord' },
    ]);
    // "[30] [50]" becomes "40": one word in, two out, both brackets closed.
    expect(json.summary).toMatchObject({
      wordsAdded: 1,
      wordsRemoved: 2,
      brackets: { unattributed: { before: 2, after: 0, opened: 0, closed: 2 } },
      statusChanges: [],
    });
    const flow = json.changes.find((c: { b?: { id: string } }) => c.b?.id === 'art-1.p1');
    expect(
      flow.edits
        .filter((e: { op: string }) => e.op !== 'equal')
        .map((e: { op: string; text: string }) => [e.op, e.text]),
    ).toEqual([
      ['delete', '[30] [50]'],
      ['insert', '40'],
    ]);
  });

  it('redlines any two text files, and writes Markdown and HTML', async () => {
    const md = await runCli(['diff', v1, v2, '--format', 'md']);
    expect(md.code).toBe(0);
    expect(md.out).toContain(
      '1\\. The guarantor states are <del>[ru: Belarus,]</del> the United Kingdom and the United States. *(status bracketed → agreed)*',
    );
    const html = await runCli(['diff', v1, v2, '-f', 'html']);
    expect(html.code).toBe(0);
    expect(html.out.startsWith('<!doctype html>')).toBe(true);
    expect(html.out).toContain(
      '<h2 id="art-2" class="heading modified moved">Article <del>3</del> <ins>2</ins>. Assistance <span class="note">moved from Article 3; renumbered 3 → 2</span></h2>',
    );
  });

  it('says which units hit the edit bound', async () => {
    const r = await runCli(['diff', v1, v2, '--max-edits', '1']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('DEGRADED: Article 1 ¶2: more than 1 word edits: shown as wholly replaced');
  });

  it('prints warnings for a foreign text and goes on', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'parley-diff-'));
    const a = path.join(dir, 'a.md');
    const b = path.join(dir, 'b.md');
    writeFileSync(a, '## Article 1\n\n1. Parties [shall] act.]\n');
    writeFileSync(b, '## Article 1\n\n1. Parties [should] act.\n');
    const r = await runCli(['diff', a, b]);
    expect(r.code).toBe(0);
    expect(r.err).toBe(`${a}:3:24: warning: unmatched "]": no bracket is open here`);
    expect(r.out).toContain('  Parties [[-shall-]{+should+}] act.[-\\]-]');
  });

  it('refuses a text with errors, listing each with its position (exit 1)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'parley-diff-'));
    const bad = path.join(dir, 'bad.txt');
    writeFileSync(bad, '## Article 1\n@status: maybe\n\n1. Text [open {ua: x].\n');
    const r = await runCli(['diff', bad, v1]);
    expect(r).toEqual({
      code: 1,
      out: '',
      err: [
        `${bad}:2:10: "@status" must be one of agreed, bracketed, deferred, dropped, got "maybe"`,
        `${bad}:4:9: "[" is never closed (its section ends at line 5)`,
        `${bad}:4:15: "{" is never closed (its section ends at line 5)`,
        `${bad}:4:21: "]" cannot close "{" opened at 4:15`,
        `4 errors in ${bad}`,
      ].join('\n'),
    });
  });

  it('names unknown versions and documents, and missing files (exit 2)', async () => {
    expect(await runCli(['diff', minimal, 'accord@v1', 'v9'])).toEqual({
      code: 2,
      out: '',
      err: 'parley: unknown version "v9" of "accord" (versions: v1, v2)',
    });
    expect((await runCli(['diff', minimal, 'treaty@v1', 'v2'])).err).toBe(
      'parley: unknown draft document "treaty" (documents: accord)',
    );
    const missing = await runCli(['diff', 'no/such/a.txt', v1]);
    expect([missing.code, missing.out, missing.err.split('\n')[0]]).toEqual([
      2,
      '',
      'parley: no/such/a.txt: cannot read (no such file)',
    ]);
  });

  it('treats a wrong flag or a missing version as misuse (exit 2)', async () => {
    const format = await runCli(['diff', v1, v2, '--format', 'pdf']);
    expect(format.code).toBe(2);
    expect(format.err.split('\n')[0]).toBe(
      'parley: --format must be one of terminal, json, md, html, got "pdf"',
    );
    const missing = await runCli(['diff', minimal, 'accord@v1']);
    expect(missing.code).toBe(2);
    expect(missing.err.split('\n')[0]).toBe(
      'parley: a case diff needs two versions: parley diff <case-dir> <doc>@<version> <doc>@<version>',
    );
    expect((await runCli(['diff', v1, v2, '--max-edits', '0'])).code).toBe(2);
    const ref = await runCli(['diff', minimal, 'v1', 'v2']);
    expect(ref.code).toBe(2);
    expect(ref.err.split('\n')[0]).toBe(
      'parley: "v1" is not a draft version: write <document>@<version>, as the drafts view lists them',
    );
    const none = await runCli(['diff']);
    expect(none.code).toBe(2);
    expect(none.err.split('\n')[0]).toBe("parley: missing required argument 'a'");
  });
});

describe('diff: what the word redline does not show', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'parley-diff-'));
  const a = path.join(dir, 'a.md');
  const b = path.join(dir, 'b.md');
  const textA = '# Accord\n\n## Article 1\n\n1. If fulfilled, this ends.\n';
  const textB = '# Accord of Istanbul\n\n## Article 1\n\n1. If fulfilled,this ends.\n';
  writeFileSync(a, textA);
  writeFileSync(b, textB);

  it('names a changed title and counts whitespace-only edits under the redline', async () => {
    const r = await runCli(['diff', a, b]);
    expect(r.code).toBe(0);
    expect(r.out.split('\n').slice(-4)).toEqual([
      '',
      'title: "Accord" → "Accord of Istanbul"',
      'whitespace: 1 place where only spacing changed (folded; --format json marks them)',
      '',
    ]);
  });

  it('writes JSON from which both files rebuild exactly', async () => {
    const r = await runCli(['diff', a, b, '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect([rebuildBefore(json), rebuildAfter(json)]).toEqual([textA, textB]);
    expect(json.summary.whitespaceEdits).toBe(1);
  });
});

describe('diff on foreign files', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'parley-diff-'));

  it('refuses a binary file with one clear line', async () => {
    const binary = path.join(dir, 'image.bin');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x5b]));
    const r = await runCli(['diff', binary, v2]);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`${binary}:1:5: not a text file (it holds binary data: a NUL byte)`);
  });

  it('refuses a named pipe without opening it, and a Latin-1 file at its first non-UTF-8 byte', async () => {
    const pipe = path.join(dir, 'pipe.txt');
    execFileSync('mkfifo', [pipe]);
    const r = await runCli(['diff', pipe, v2]);
    expect(r).toEqual({
      code: 1,
      out: '',
      err: `${pipe}: not a regular file (a named pipe): Parley reads only regular files`,
    });
    const latin = path.join(dir, 'latin.txt');
    writeFileSync(latin, Buffer.from('# Accord\n\n1. F\xe9d\xe9ration\n', 'latin1'));
    expect((await runCli(['diff', latin, v2])).err).toBe(
      `${latin}:3:5: not UTF-8 (byte 0xE9 is not UTF-8; Latin-1 or Windows-1252?): save it as UTF-8`,
    );
  });

  it('shows the first 20 warnings and counts the rest', async () => {
    const noisy = path.join(dir, 'noisy.md');
    writeFileSync(noisy, `# Noisy\n\n${'a ] '.repeat(25)}\n`);
    const r = await runCli(['diff', noisy, noisy]);
    expect(r.code).toBe(0);
    const lines = r.err.split('\n');
    // Both sides are the same 25-warning file: 20 shown and a count, twice.
    expect(lines).toHaveLength(42);
    expect(lines[0]).toBe(`${noisy}:3:3: warning: unmatched "]": no bracket is open here`);
    expect(lines[20]).toBe(`… and 5 more warnings in ${noisy}`);
    expect(lines[41]).toBe(`… and 5 more warnings in ${noisy}`);
  });
});
